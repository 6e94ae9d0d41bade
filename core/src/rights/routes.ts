import type { CoreContext } from '../context.js';
import { currentEcoleOf, sessionOf } from '../http/credentials.js';
import type { JsonSchema, RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import { communicationRuleRoutes } from './communication-routes.js';
import { permissionRoutes } from './permission-routes.js';
import { MAX_VISIBLE } from './visibility.js';

/** Rights routes: who a person may write to, and the administration of rules and permissions. */
export function rightsRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/api/directory/visible',
      summary: 'Personnes et groupes auxquels on peut écrire, filtrés par nom',
      tags: ['annuaire'],
      schemas: { query: visibleQuery, response: visibleResponse },
      async handler(request) {
        const { q, limit } = request.query as { q: string; limit: number };
        const { ecoleId } = currentEcoleOf(request);
        return services.communication.visible(sessionOf(request).personId, ecoleId, q, limit);
      },
    },
    ...communicationRuleRoutes(ctx, services),
    ...permissionRoutes(ctx, services),
  ];
}

const visibleQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: {
      type: 'string',
      minLength: 0,
      maxLength: 80,
      default: '',
      description:
        'Début du prénom, du nom ou d’un mot du nom du groupe (accents et casse ignorés)',
    },
    limit: { type: 'integer', minimum: 1, maximum: MAX_VISIBLE, default: 20 },
  },
};

const visibleResponse: JsonSchema = {
  type: 'object',
  required: ['people', 'groups'],
  properties: {
    people: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'id', 'firstName', 'lastName', 'profiles', 'classes'],
        properties: {
          type: { const: 'personne' },
          id: { type: 'integer' },
          firstName: { type: 'string' },
          lastName: { type: 'string' },
          profiles: { type: 'array', items: { type: 'string' } },
          classes: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'id', 'name', 'ecoleId', 'kind'],
        properties: {
          type: { const: 'groupe' },
          id: {
            type: 'string',
            description: 'ecole:<id>:ELV|TUT|ENS|PERSONNEL, classe:<id>:ELV|TUT ou groupe:<id>',
          },
          name: { type: 'string' },
          ecoleId: { type: 'integer' },
          kind: { type: 'string', enum: ['ecole', 'classe', 'manuel', 'diffusion'] },
        },
      },
    },
  },
};
