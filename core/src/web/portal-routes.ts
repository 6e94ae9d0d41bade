import { sessionOf } from '../http/credentials.js';
import type { JsonSchema, RouteDefinition } from '../http/route.js';
import type { CoreContext } from '../context.js';
import { LOCALES, THEME_IDS, THEMES, type Preferences } from './portal-options.js';
import { PreferencesStore } from './preferences.js';

/**
 * What the shell asks before and after login: `GET /api/portal` (the collectivité's branding,
 * the themes and languages offered) and the person's preferences.
 */
export function portalRoutes(ctx: CoreContext): RouteDefinition[] {
  const preferences = new PreferencesStore(ctx);
  const portal = {
    name: ctx.config.branding.name,
    accentColor: ctx.config.branding.accentColor,
    logoUrl: ctx.config.branding.logoUrl,
    locales: [...LOCALES],
    themes: THEMES.map((theme) => ({ id: theme.id, label: { ...theme.label } })),
  };
  const tags = ['portail'];
  return [
    {
      method: 'GET',
      path: '/api/portal',
      summary: 'Nom, couleur et logo de la collectivité ; thèmes et langues proposés',
      tags,
      access: 'public',
      schemas: { response: portalSchema },
      handler: () => portal,
    },
    {
      method: 'GET',
      path: '/api/me/preferences',
      summary: 'Mes préférences : thème et langue (les valeurs par défaut si je n’ai rien choisi)',
      tags,
      schemas: { response: preferencesSchema },
      handler: (request) => preferences.of(sessionOf(request).personId),
    },
    {
      method: 'PUT',
      path: '/api/me/preferences',
      summary: 'Change mon thème ou ma langue (un champ absent reste inchangé)',
      tags,
      schemas: { payload: preferencesPayloadSchema, response: preferencesSchema },
      handler: (request) =>
        preferences.update(sessionOf(request).personId, request.payload as Partial<Preferences>),
    },
  ];
}

// Module-private helpers.

const preferenceProperties = {
  theme: { type: 'string', enum: [...THEME_IDS], description: 'Thème du portail' },
  locale: { type: 'string', enum: [...LOCALES], description: 'Langue du portail' },
};
const preferencesSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['theme', 'locale'],
  properties: preferenceProperties,
};
const preferencesPayloadSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: preferenceProperties,
};
const text = {
  type: 'object',
  required: ['fr'],
  properties: { fr: { type: 'string' }, en: { type: 'string' } },
};
const portalSchema: JsonSchema = {
  type: 'object',
  required: ['name', 'accentColor', 'logoUrl', 'locales', 'themes'],
  properties: {
    name: { type: 'string' },
    accentColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    logoUrl: { type: ['string', 'null'] },
    locales: { type: 'array', items: { type: 'string', enum: [...LOCALES] } },
    themes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label'],
        properties: { id: { type: 'string', enum: [...THEME_IDS] }, label: text },
      },
    },
  },
};
