import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { membersAmong } from '../directory/queries.js';
import { PROFILES } from '../directory/profiles.js';
import { sessionOf } from '../http/credentials.js';
import type { JsonSchema, RouteDefinition } from '../http/route.js';
import type { CoreServices } from '../services.js';
import { SCOPES, TARGETS, describeRule } from './communication-rules.js';
import { clientAddress } from '../http/client-address.js';

/**
 * Administration of an école's communication rules: read, replace as a whole, reset to the
 * defaults, and « may A write to B? » with its explanation. Collectivité administrators and the
 * école's directeur (AdminAccess.requireEcoleManager); everyone else gets a 404.
 */
export function communicationRuleRoutes(
  ctx: CoreContext,
  services: CoreServices,
): RouteDefinition[] {
  const communication = services.communication;
  const rulesOf = async (ecoleId: number) => {
    const rules = await communication.rules(ecoleId);
    return {
      ecoleId,
      isDefault: await communication.hasDefaultRules(ecoleId),
      rules: rules.map((rule) => ({ ...rule, description: describeRule(rule) })),
    };
  };
  const origin = (request: Request, collectiviteId: number) => ({
    ip: clientAddress(request),
    collectiviteId,
  });

  return [
    {
      method: 'GET',
      path: '/api/admin/ecoles/{id}/communication-rules',
      summary: 'Règles de communication d’une école',
      tags: ['droits'],
      schemas: { params: ecoleParams, response: rulesResponse },
      async handler(request) {
        const { id } = request.params as { id: number };
        await services.admin.requireEcoleManager(request, id);
        return rulesOf(id);
      },
    },
    {
      method: 'PUT',
      path: '/api/admin/ecoles/{id}/communication-rules',
      summary: 'Remplace toutes les règles de communication d’une école',
      tags: ['droits'],
      schemas: { params: ecoleParams, payload: rulesPayload, response: rulesResponse },
      async handler(request) {
        const { id } = request.params as { id: number };
        const { collectiviteId } = await services.admin.requireEcoleManager(request, id);
        const { rules } = request.payload as { rules: unknown[] };
        await communication.replaceRules(
          id,
          rules,
          sessionOf(request).personId,
          origin(request, collectiviteId),
        );
        return rulesOf(id);
      },
    },
    {
      method: 'POST',
      path: '/api/admin/ecoles/{id}/communication-rules/reset',
      summary: 'Rétablit les règles de communication par défaut d’une école',
      tags: ['droits'],
      schemas: { params: ecoleParams, response: rulesResponse },
      async handler(request) {
        const { id } = request.params as { id: number };
        const { collectiviteId } = await services.admin.requireEcoleManager(request, id);
        await communication.reset(id, sessionOf(request).personId, origin(request, collectiviteId));
        return rulesOf(id);
      },
    },
    {
      method: 'GET',
      path: '/api/admin/ecoles/{id}/communication-check',
      summary: 'Explique si une personne peut écrire à une autre dans une école',
      tags: ['droits'],
      schemas: { params: ecoleParams, query: checkQuery, response: decisionResponse },
      async handler(request) {
        const { id } = request.params as { id: number };
        const { from, to } = request.query as { from: number; to: number };
        await services.admin.requireEcoleManager(request, id);
        const found = await membersAmong(ctx.knex, id, [from, to]);
        if (!found.has(from) || !found.has(to)) {
          throw Boom.notFound('Ces deux personnes doivent être inscrites dans cette école.');
        }
        return communication.canCommunicate(from, to, { ecoleId: id });
      },
    },
  ];
}

const ecoleParams: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
};

const ruleFields = {
  senderProfile: { type: 'string', enum: [...PROFILES], description: 'Profil de l’expéditeur' },
  target: {
    type: 'string',
    enum: [...TARGETS],
    description: 'Profil des destinataires, ou groupe-ecole / groupe-classe',
  },
  scope: {
    type: 'string',
    enum: [...SCOPES],
    description:
      'ecole : toute l’école ; classe : ses classes ; famille : ses enfants ou parents ; ' +
      'classe-enfant : les classes de ses enfants',
  },
};

const rulesPayload: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    rules: {
      type: 'array',
      // 11 profiles × 13 targets × 4 scopes = 572 distinct rules at most.
      maxItems: 600,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['senderProfile', 'target', 'scope'],
        properties: ruleFields,
      },
    },
  },
};

const rulesResponse: JsonSchema = {
  type: 'object',
  required: ['ecoleId', 'isDefault', 'rules'],
  properties: {
    ecoleId: { type: 'integer' },
    isDefault: { type: 'boolean', description: 'Les règles sont exactement celles par défaut' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['senderProfile', 'target', 'scope', 'description'],
        properties: { ...ruleFields, description: { type: 'string' } },
      },
    },
  },
};

const checkQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { type: 'integer', minimum: 1, description: 'Expéditeur (identifiant de personne)' },
    to: { type: 'integer', minimum: 1, description: 'Destinataire (identifiant de personne)' },
  },
};

const decisionResponse: JsonSchema = {
  type: 'object',
  required: ['allowed', 'reason'],
  properties: {
    allowed: { type: 'boolean' },
    reason: { type: 'string' },
    ecoleId: { type: 'integer' },
    rule: {
      type: 'object',
      properties: { ...ruleFields, ecoleId: { type: 'integer' }, description: { type: 'string' } },
    },
  },
};
