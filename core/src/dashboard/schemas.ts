import { PROFILES } from '../directory/profiles.js';
import type { JsonSchema } from '../http/route.js';

/** The public contract of the dashboard routes: what they accept and what they answer. */

const ID = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const KEY = `${ID}/${ID}`;

/** Most widgets a layout may hold: far more than a screen shows, few enough to stay cheap. */
export const MAX_WIDGETS = 60;

const widgetKey: JsonSchema = {
  type: 'string',
  pattern: `^${KEY}$`,
  maxLength: 120,
  description: 'Clé du widget : `<id-du-plugin>/<id-du-widget>`',
};

const cells: JsonSchema = { type: 'integer', minimum: 1, maximum: 4 };

const placement: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['widget', 'w', 'h'],
  properties: {
    widget: widgetKey,
    w: { ...cells, description: 'Largeur, en colonnes de la grille' },
    h: { ...cells, description: 'Hauteur, en rangées de la grille' },
  },
};

const placements: JsonSchema = {
  type: 'array',
  maxItems: MAX_WIDGETS,
  items: placement,
  description: 'Widgets dans l’ordre d’affichage',
};

const mandatoryKeys: JsonSchema = {
  type: 'array',
  maxItems: MAX_WIDGETS,
  items: widgetKey,
  description: 'Widgets que personne de ce profil ne peut retirer',
};

const text: JsonSchema = {
  type: 'object',
  required: ['fr'],
  properties: { fr: { type: 'string' }, en: { type: 'string' } },
};

const size: JsonSchema = {
  type: 'object',
  required: ['w', 'h'],
  properties: { w: cells, h: cells },
};

const offeredProperties: Record<string, JsonSchema> = {
  widget: widgetKey,
  pluginId: { type: 'string' },
  pluginVersion: { type: 'string' },
  tag: { type: 'string', description: 'Élément personnalisé à créer' },
  module: { type: 'string', description: 'URL du module ES qui définit l’élément' },
  title: text,
  description: { anyOf: [text, { type: 'null' }] },
  sizes: {
    type: 'object',
    required: ['min', 'max', 'default'],
    properties: { min: size, max: size, default: size },
  },
  refreshSeconds: {
    type: ['integer', 'null'],
    description: 'Secondes entre deux actualisations ; null : chargé avec la page seulement',
  },
};

const offered: JsonSchema = {
  type: 'object',
  required: Object.keys(offeredProperties),
  properties: offeredProperties,
};

const placed: JsonSchema = {
  type: 'object',
  required: [...Object.keys(offeredProperties), 'w', 'h', 'mandatory'],
  properties: {
    ...offeredProperties,
    w: cells,
    h: cells,
    mandatory: { type: 'boolean', description: 'Imposé par l’école : ne peut être retiré' },
  },
};

export const layoutPayload: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['widgets'],
  properties: { widgets: placements },
};

export const defaultsPayload: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['widgets', 'mandatory'],
  properties: { widgets: placements, mandatory: mandatoryKeys },
};

export const dataQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    widgets: {
      type: 'string',
      pattern: `^${KEY}(?:,${KEY})*$`,
      maxLength: 4000,
      description:
        'Clés des widgets à charger, séparées par des virgules ; par défaut, la disposition',
    },
  },
};

export const defaultsParams: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'profile'],
  properties: {
    id: { type: 'integer', minimum: 1, description: 'Identifiant de l’école' },
    profile: { type: 'string', enum: [...PROFILES] },
  },
};

export const dashboardResponse: JsonSchema = {
  type: 'object',
  required: ['ecole', 'profile', 'personalised', 'layout', 'available'],
  properties: {
    ecole: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'integer' }, name: { type: 'string' } },
    },
    profile: { type: 'string', enum: [...PROFILES] },
    personalised: {
      type: 'boolean',
      description: 'Disposition personnelle (sinon, celle de l’école pour le profil)',
    },
    layout: { type: 'array', items: placed },
    available: { type: 'array', items: offered, description: 'Widgets que l’on peut ajouter' },
  },
};

export const dataResponse: JsonSchema = {
  type: 'object',
  required: ['widgets'],
  properties: {
    widgets: {
      type: 'object',
      description: 'Résultat de chaque widget, par clé',
      additionalProperties: {
        oneOf: [
          {
            type: 'object',
            required: ['status', 'data'],
            properties: { status: { const: 'ok' }, data: {} },
          },
          {
            type: 'object',
            required: ['status', 'message'],
            properties: {
              status: { enum: ['erreur', 'délai-dépassé'] },
              message: { type: 'string' },
            },
          },
        ],
      },
    },
  },
};

export const defaultsResponse: JsonSchema = {
  type: 'object',
  required: ['ecoleId', 'profile', 'custom', 'widgets', 'mandatory', 'available'],
  properties: {
    ecoleId: { type: 'integer' },
    profile: { type: 'string', enum: [...PROFILES] },
    custom: {
      type: 'boolean',
      description: 'Réglée par l’école (sinon, calculée depuis les widgets des plugins)',
    },
    widgets: placements,
    mandatory: mandatoryKeys,
    available: { type: 'array', items: offered },
  },
};
