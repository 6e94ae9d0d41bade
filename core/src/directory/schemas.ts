import type { JsonSchema } from '../http/route.js';
import { singleLineText } from '../http/single-line.js';
import { LEVELS, PROFILES } from './profiles.js';

/** JSON Schemas of the directory's public contract (requests and responses). */

const id: JsonSchema = { type: 'integer', minimum: 1 };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

export const ecoleSummarySchema = object({
  id,
  uai: { type: 'string' },
  name: { type: 'string' },
});

export const classeSummarySchema = object({
  id,
  name: { type: 'string' },
  levels: { type: 'array', items: { type: 'string', enum: [...LEVELS] } },
});

export const classeSchema = object({
  id,
  ecoleId: id,
  name: { type: 'string' },
  levels: { type: 'array', items: { type: 'string', enum: [...LEVELS] } },
  schoolYear: { type: 'string' },
});

export const ecoleSchema = object({
  id,
  uai: { type: 'string' },
  name: { type: 'string' },
  collectiviteId: id,
  commune: nullable({ type: 'string' }),
  circonscription: nullable({ type: 'string' }),
});

export const collectiviteSchema = object({
  id,
  name: { type: 'string' },
  slug: { type: 'string' },
});

const profile: JsonSchema = { type: 'string', enum: [...PROFILES] };

export const whoAmISchema = object({
  person: object({
    id,
    uuid: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    displayName: { type: 'string' },
  }),
  login: { type: 'string' },
  current: object({
    ecole: nullable(
      object({ id, uai: { type: 'string' }, name: { type: 'string' }, collectiviteId: id }),
    ),
    profile: nullable(profile),
    profileLabel: nullable({ type: 'string' }),
  }),
  memberships: {
    type: 'array',
    items: object({
      ecole: ecoleSummarySchema,
      profile,
      profileLabel: { type: 'string' },
      classe: nullable(classeSummarySchema),
    }),
  },
  classes: { type: 'array', items: classeSchema },
  children: {
    type: 'array',
    items: object({
      id,
      firstName: { type: 'string' },
      lastName: { type: 'string' },
      ecole: nullable(ecoleSummarySchema),
      classe: nullable(classeSummarySchema),
    }),
  },
  administrations: object({
    platform: { type: 'boolean' },
    collectivites: {
      type: 'array',
      items: object({ id, name: { type: 'string' } }),
    },
  }),
});

export const contextPayloadSchema = object({ ecoleId: id, profile });

export const idParamsSchema = object({ id });

export const newEcolePayloadSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['uai', 'name'],
  properties: {
    // Checked by the handler, which can say which check letter was expected.
    uai: {
      type: 'string',
      minLength: 1,
      maxLength: 16,
      description: '7 chiffres et une lettre de contrôle',
      examples: ['0350101L'],
    },
    // Names reach e-mail subjects: one line only (http/single-line.ts).
    name: singleLineText(160, { minLength: 1 }),
    commune: singleLineText(120, { nullable: true }),
    circonscription: singleLineText(120, { nullable: true }),
  },
};

export const newClassePayloadSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'levels', 'schoolYear'],
  properties: {
    name: singleLineText(80, { minLength: 1 }),
    levels: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
      items: { type: 'string', enum: [...LEVELS] },
      description: 'Niveaux de la classe dans l’ordre de l’école (PS … CM2)',
    },
    // Checked by the handler, which can say what a school year looks like.
    schoolYear: {
      type: 'string',
      minLength: 1,
      maxLength: 9,
      description: 'Deux années qui se suivent (AAAA-AAAA)',
      examples: ['2026-2027'],
    },
  },
};
