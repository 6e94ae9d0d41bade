import type { JsonSchema } from '@preau/sdk';

import { MAX_CONTACTS } from './contacts.js';

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });

/** One support contact: a name, and whatever else helps to reach them. */
export const contactSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    role: text(100),
    email: { type: 'string', format: 'email', maxLength: 200 },
    phone: { type: 'string', maxLength: 30, pattern: '^[0-9+ .()-]{2,30}$' },
    hours: text(200),
    note: text(500),
  },
};

/** `PUT /contacts`: the école's whole list. */
export const contactsPayload: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['contacts'],
  properties: {
    contacts: { type: 'array', maxItems: MAX_CONTACTS, items: contactSchema },
  },
};

/** `GET /pages/{pluginId}/{helpId}`. */
export const pageParams: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['pluginId', 'helpId'],
  properties: {
    pluginId: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 40 },
    helpId: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 40 },
  },
};

/** `?langue=fr|en`: the portal's chosen language, which wins over the browser's Accept-Language. */
const langue: JsonSchema = { type: 'string', enum: ['fr', 'en'] };

/** The query of the routes that show text: only the language. */
export const languageQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { langue },
};

/** `GET /contexte?plugin=…&page=…`: the help offered on one plugin page. */
export const contextQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['plugin'],
  properties: {
    plugin: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 40 },
    page: { type: 'string', minLength: 1, maxLength: 200 },
    langue,
  },
};
