import type { InstalledPluginHelp, LocalizedText, PluginsReader } from '@preau/sdk';

/** A help topic as the API lists it, in the person's language. */
export interface HelpTopic {
  pluginId: string;
  pluginName: string;
  helpId: string;
  title: string;
  /** The id of the plugin page this help is about, when it is about one. */
  page?: string;
}

/** A text in the person's language, French when it has no English. */
export function localized(text: LocalizedText, locale: 'fr' | 'en'): string {
  return (locale === 'en' && text.en) || text.fr;
}

/** Every help topic of the plugins enabled for an école. */
export async function topicsFor(
  plugins: PluginsReader,
  ecoleId: number,
  locale: 'fr' | 'en',
): Promise<HelpTopic[]> {
  return (await plugins.enabledFor(ecoleId)).flatMap((plugin) =>
    plugin.help.map((help) => {
      const page = pageOf(plugin, help.context);
      return {
        pluginId: plugin.id,
        pluginName: localized(plugin.name, locale),
        helpId: help.id,
        title: localized(help.title, locale),
        ...(page ? { page } : {}),
      };
    }),
  );
}

/** The topics offered on one page of one plugin: `page` is the page's id or its path. */
export function topicsOnPage(
  topics: HelpTopic[],
  plugins: InstalledPluginHelp[],
  pluginId: string,
  page: string | undefined,
): HelpTopic[] {
  const plugin = plugins.find((candidate) => candidate.id === pluginId);
  if (!plugin) return [];
  const pageId = page === undefined ? undefined : pageOf(plugin, page);
  return topics.filter(
    (topic) => topic.pluginId === pluginId && (pageId === undefined || topic.page === pageId),
  );
}

// Module-private helpers.

/** The id of the plugin page named by an id or a path; undefined when none matches. */
function pageOf(plugin: InstalledPluginHelp, context: string | undefined): string | undefined {
  if (context === undefined) return undefined;
  return plugin.pages.find((page) => page.id === context || page.path === context)?.id;
}
