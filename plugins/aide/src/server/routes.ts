import { errors, type PluginContext, type PluginUser } from '@preau/sdk';

import type { ContactStore, SupportContact } from './contacts.js';
import { RenderedHelpCache } from './markdown.js';
import {
  premiersPasFile,
  premiersPasPage,
  readPremiersPas,
  titleOf,
  withoutTitle,
} from './premiers-pas.js';
import { contactsPayload, contextQuery, languageQuery, pageParams } from './schemas.js';
import { localized, topicsFor, topicsOnPage } from './topics.js';

const WRITE = 'aide.contacts.write';

type Locale = 'fr' | 'en';

/** The language the person chose in the portal (`?langue=`), else their browser's. */
function localeOf(request: { locale: Locale; query: { langue?: Locale } }): Locale {
  return request.query.langue ?? request.locale;
}

/**
 * The help centre's routes, under `/api/plugins/aide`. Every one needs a session and the plugin
 * enabled for the person's école (core's guard); what they show comes only from plugins enabled
 * for that same école, and contacts only from that école's rows.
 */
export function registerAideRoutes(ctx: PluginContext, contacts: ContactStore): void {
  const cache = new RenderedHelpCache();
  const ownVersion = ctx.manifest.version;

  const premiersPas = async (request: { user: PluginUser | null; locale: Locale }) => {
    const page = premiersPasPage(request.user!.profile);
    const file = premiersPasFile(page, request.locale);
    const markdown = await readPremiersPas(file);
    const html = await cache.get(`aide@${ownVersion}:${file}`, async () => withoutTitle(markdown));
    return { profile: request.user!.profile, page, title: titleOf(markdown), html };
  };

  ctx.route<Record<string, never>, { langue?: Locale }, unknown>({
    method: 'GET',
    path: '/sommaire',
    summary: 'Sommaire de l’aide : rubriques des services de l’école, premiers pas, contacts',
    schemas: { query: languageQuery },
    handler: async (request) => {
      const ecoleId = request.ecole!.id;
      const locale = localeOf(request);
      const page = await premiersPas({ user: request.user, locale });
      return {
        topics: await topicsFor(ctx.plugins, ecoleId, locale),
        premiersPas: { profile: page.profile, page: page.page, title: page.title },
        contacts: await contacts.list(ecoleId),
      };
    },
  });

  ctx.route<{ pluginId: string; helpId: string }, { langue?: Locale }, unknown>({
    method: 'GET',
    path: '/pages/{pluginId}/{helpId}',
    summary: 'Une page d’aide d’un service activé pour l’école, en HTML sûr',
    schemas: { params: pageParams, query: languageQuery },
    handler: async (request) => {
      const { pluginId, helpId } = request.params;
      const locale = localeOf(request);
      const plugin = (await ctx.plugins.enabledFor(request.ecole!.id)).find(
        (candidate) => candidate.id === pluginId,
      );
      const help = plugin?.help.find((candidate) => candidate.id === helpId);
      if (!plugin || !help) {
        throw errors.notFound('Cette page d’aide n’existe pas pour les services de votre école.');
      }
      const file = (locale === 'en' && help.file.en) || help.file.fr;
      const html = await cache.get(`${plugin.id}@${plugin.version}:${file}`, async () =>
        withoutTitle(await ctx.plugins.readHelp(plugin.id, file)),
      );
      return {
        pluginId,
        pluginName: localized(plugin.name, locale),
        helpId,
        title: localized(help.title, locale),
        lang: file === help.file.fr ? 'fr' : 'en',
        html,
      };
    },
  });

  ctx.route<Record<string, never>, { plugin: string; page?: string; langue?: Locale }, unknown>({
    method: 'GET',
    path: '/contexte',
    summary: 'Rubriques d’aide proposées sur une page d’un service (lien « Aide » du portail)',
    schemas: { query: contextQuery },
    handler: async (request) => {
      const ecoleId = request.ecole!.id;
      const plugins = await ctx.plugins.enabledFor(ecoleId);
      const topics = await topicsFor(ctx.plugins, ecoleId, localeOf(request));
      return { topics: topicsOnPage(topics, plugins, request.query.plugin, request.query.page) };
    },
  });

  ctx.route<Record<string, never>, { langue?: Locale }, unknown>({
    method: 'GET',
    path: '/premiers-pas',
    summary: 'La page « Premiers pas » du profil de la personne, en HTML sûr',
    schemas: { query: languageQuery },
    handler: (request) => premiersPas({ user: request.user, locale: localeOf(request) }),
  });

  ctx.route({
    method: 'GET',
    path: '/contacts',
    summary: 'Les contacts d’assistance de l’école',
    handler: async (request) => ({
      contacts: await contacts.list(request.ecole!.id),
      canWrite: await ctx.rights.has(request.user!, WRITE),
    }),
  });

  ctx.route<Record<string, never>, Record<string, never>, { contacts: SupportContact[] }>({
    method: 'PUT',
    path: '/contacts',
    summary: 'Remplace les contacts d’assistance de l’école',
    permission: WRITE,
    schemas: { payload: contactsPayload },
    handler: async (request) => {
      const ecoleId = request.ecole!.id;
      await contacts.replace(ecoleId, request.payload.contacts, ctx.now());
      return { contacts: await contacts.list(ecoleId), canWrite: true };
    },
  });
}
