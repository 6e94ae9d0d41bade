import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { sessionOf } from '../http/credentials.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import type { Level } from './profiles.js';
import {
  classeSchema,
  collectiviteSchema,
  ecoleSchema,
  idParamsSchema,
  newClassePayloadSchema,
  newEcolePayloadSchema,
} from './schemas.js';
import { collectiviteExists, listCollectivites, listEcoles } from './structures.js';
import { clientAddress } from '../http/client-address.js';

/**
 * Administration of the directory's structures. Scope comes from `services.admin`: a
 * collectivité administrator sees only their collectivité, and anything else answers 404.
 */
export function adminDirectoryRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  const { admin, directory } = services;

  /** 404 unless the requester administers this collectivité and it exists. */
  const requireCollectivite = async (request: Request, id: number) => {
    await admin.requireCollectivite(request, id);
    if (!(await collectiviteExists(ctx, id))) {
      throw Boom.notFound('Collectivité introuvable ou hors de votre administration.');
    }
  };

  return [
    {
      method: 'GET',
      path: '/api/admin/collectivites',
      summary: 'Les collectivités que j’administre',
      tags: ['administration'],
      schemas: { response: { type: 'array', items: collectiviteSchema } },
      async handler(request) {
        const scope = await admin.administeredCollectivites(sessionOf(request).personId);
        if (scope !== 'all' && scope.length === 0) {
          throw Boom.notFound('Cette adresse est réservée aux administrateurs.');
        }
        return listCollectivites(ctx, scope);
      },
    },
    {
      method: 'GET',
      path: '/api/admin/collectivites/{id}/ecoles',
      summary: 'Les écoles d’une collectivité que j’administre',
      tags: ['administration'],
      schemas: { params: idParamsSchema, response: { type: 'array', items: ecoleSchema } },
      async handler(request) {
        const { id } = request.params as unknown as { id: number };
        await requireCollectivite(request, id);
        return listEcoles(ctx, id);
      },
    },
    {
      method: 'POST',
      path: '/api/admin/collectivites/{id}/ecoles',
      summary: 'Créer une école (avec les règles de communication par défaut)',
      tags: ['administration'],
      schemas: { params: idParamsSchema, payload: newEcolePayloadSchema, response: ecoleSchema },
      async handler(request, h) {
        const { id } = request.params as unknown as { id: number };
        await requireCollectivite(request, id);
        const body = request.payload as {
          uai: string;
          name: string;
          commune?: string | null;
          circonscription?: string | null;
        };
        const ecole = await directory.createEcole(
          { collectiviteId: id, ...body },
          { personId: sessionOf(request).personId, ip: clientAddress(request) },
        );
        return h.response(ecole).code(201);
      },
    },
    {
      method: 'POST',
      path: '/api/admin/ecoles/{id}/classes',
      summary: 'Créer une classe dans une école',
      tags: ['administration'],
      schemas: { params: idParamsSchema, payload: newClassePayloadSchema, response: classeSchema },
      async handler(request, h) {
        const { id } = request.params as unknown as { id: number };
        await admin.requireEcole(request, id);
        const body = request.payload as { name: string; levels: Level[]; schoolYear: string };
        const classe = await directory.createClasse(
          { ecoleId: id, ...body },
          { personId: sessionOf(request).personId, ip: clientAddress(request) },
        );
        return h.response(classe).code(201);
      },
    },
  ];
}
