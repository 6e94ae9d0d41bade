import Boom from '@hapi/boom';

import type { CoreContext } from '../context.js';
import { cachedJson } from '../http/cached-json.js';
import { sessionOf } from '../http/credentials.js';
import type { RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import { adminDirectoryRoutes } from './admin-routes.js';
import { PROFILE_LABELS, type Profile } from './profiles.js';
import { contextPayloadSchema, whoAmISchema } from './schemas.js';

/** `GET /api/me`, `POST /api/me/context`, and the directory's administration routes. */
export function directoryRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  const { directory, sessions } = services;

  const whoAmI = async (requester: {
    personId: number;
    ecoleId: number | null;
    profile: string | null;
  }) => {
    const me = await directory.whoAmI(requester);
    if (!me) throw Boom.unauthorized('Votre compte n’existe plus : reconnectez-vous.');
    return me;
  };

  return [
    {
      method: 'GET',
      path: '/api/me',
      summary: 'Qui je suis : identité, école et profil courants, rôles, classes, enfants',
      tags: ['annuaire'],
      schemas: { response: whoAmISchema },
      handler: async (request, h) => cachedJson(h, await whoAmI(sessionOf(request))),
    },
    {
      method: 'POST',
      path: '/api/me/context',
      summary: 'Changer d’école ou de profil courant parmi ceux que je détiens',
      tags: ['annuaire'],
      schemas: { payload: contextPayloadSchema, response: whoAmISchema },
      async handler(request) {
        const session = sessionOf(request);
        const { ecoleId, profile } = request.payload as { ecoleId: number; profile: Profile };
        const memberships = await directory.membershipsOf(session.personId);
        const inEcole = memberships.filter((m) => m.ecole.id === ecoleId);
        const first = inEcole[0];
        if (!first) {
          throw Boom.notFound(
            'Vous n’avez aucun rôle dans cette école : choisissez l’une des écoles de GET /api/me.',
          );
        }
        if (!inEcole.some((m) => m.profile === profile)) {
          const held = [...new Set(inEcole.map((m) => m.profileLabel))].join(', ');
          throw Boom.badRequest(
            `Vous n’avez pas le profil ${PROFILE_LABELS[profile]} à ${first.ecole.name} : ` +
              `choisissez parmi ${held}.`,
          );
        }
        await sessions.switchContext(session.sessionId, ecoleId, profile);
        return whoAmI({ personId: session.personId, ecoleId, profile });
      },
    },
    ...adminDirectoryRoutes(ctx, services),
  ];
}
