import type { JsonSchema } from '@preau/sdk';

import { ALLERGENS, COURSES, DISH_LABELS } from '../menu.js';

/*
 * The routes' JSON Schemas: core validates every input against them before a handler runs and
 * answers 400 naming the faulty field; they are also the plugin's public API in the OpenAPI
 * document.
 */

/** `{date}` in a path: `YYYY-MM-DD` (the handler then checks it is a real school day). */
export const dateParams: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['date'],
  properties: {
    date: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Date du repas, AAAA-MM-JJ',
    },
  },
};

/** `?week=YYYY-Www`, the ISO week; absent: the current week. */
export const weekQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    week: {
      type: 'string',
      pattern: '^\\d{4}-W\\d{2}$',
      description: 'Semaine ISO, par exemple 2026-W36 ; la semaine en cours si absente',
    },
  },
};

const dish: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'allergens'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' },
    // Required, even empty: whoever publishes a dish says which allergens it has.
    allergens: {
      type: 'array',
      uniqueItems: true,
      maxItems: ALLERGENS.length,
      items: { type: 'string', enum: [...ALLERGENS] },
    },
    labels: {
      type: 'array',
      uniqueItems: true,
      maxItems: DISH_LABELS.length,
      items: { type: 'string', enum: [...DISH_LABELS] },
    },
  },
};

const course: JsonSchema = { type: 'array', minItems: 1, maxItems: 4, items: dish };

/** The body of `PUT /menus/{date}`: the whole menu of the day, which replaces the old one. */
export const dayMenuPayload: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['courses'],
  properties: {
    courses: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: Object.fromEntries(COURSES.map((name) => [name, course])),
    },
    note: { type: 'string', minLength: 1, maxLength: 200 },
  },
};

const dishOut: JsonSchema = {
  type: 'object',
  required: ['name', 'allergens', 'labels'],
  properties: {
    name: { type: 'string' },
    allergens: { type: 'array', items: { type: 'string' } },
    labels: { type: 'array', items: { type: 'string' } },
  },
};

/** A day's menu as the routes answer it. */
export const dayMenuResponse: JsonSchema = {
  type: 'object',
  required: ['date', 'weekday', 'courses', 'note', 'updatedAt'],
  properties: {
    date: { type: 'string' },
    weekday: { type: 'string' },
    courses: {
      type: 'object',
      properties: Object.fromEntries(
        COURSES.map((name) => [name, { type: 'array', items: dishOut }]),
      ),
    },
    note: { type: ['string', 'null'] },
    updatedAt: { type: 'integer' },
  },
};

/** What `GET /droits` answers: whether the person may publish and delete the école's menus. */
export const rightsResponse: JsonSchema = {
  type: 'object',
  required: ['canWrite'],
  properties: { canWrite: { type: 'boolean' } },
};
