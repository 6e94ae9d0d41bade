import type { PluginContext, PluginUser } from '@preau/sdk';

import type { Searcher, SearchSource } from './index-provider.js';

/**
 * The searcher's classes in their current école, for their current profile: a pupil's or
 * teacher's own classes; a parent's children's classes.
 */
export async function searcherOf(ctx: PluginContext, user: PluginUser): Promise<Searcher> {
  const classesIn = async (personId: number, profile: string) =>
    (await ctx.directory.membershipsOf(personId))
      .filter((m) => m.ecoleId === user.ecoleId && m.profile === profile && m.classId !== null)
      .map((m) => m.classId as number);
  let classIds: number[];
  if (user.profile === 'TUT') {
    const children = await ctx.directory.childrenOf(user.personId);
    classIds = (await Promise.all(children.map((child) => classesIn(child.id, 'ELV')))).flat();
  } else {
    classIds = await classesIn(user.personId, user.profile);
  }
  return { ...user, classIds: [...new Set(classIds)] };
}

/** A source the searcher may see, with the name of its plugin. */
export interface VisibleSource extends SearchSource {
  pluginName: string;
}

/**
 * The search providers the searcher may see: those of plugins enabled for their école, whose
 * permission (from the provider's manifest entry) they hold there.
 */
export async function visibleSources(
  ctx: PluginContext,
  user: PluginUser,
): Promise<VisibleSource[]> {
  const sources: VisibleSource[] = [];
  for (const plugin of await ctx.plugins.enabledFor(user.ecoleId)) {
    for (const provider of plugin.searchProviders ?? []) {
      if (provider.permission && !(await ctx.rights.has(user, provider.permission))) continue;
      sources.push({ pluginId: plugin.id, provider: provider.id, pluginName: plugin.name.fr });
    }
  }
  return sources;
}
