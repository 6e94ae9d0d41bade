import { fileURLToPath } from 'node:url';

import type { PluginTestClient, TestResponse } from '@preau/sdk/testing';

/** The plugin's package folder (tests run from dist/test/). */
export const pluginFolder = fileURLToPath(new URL('../..', import.meta.url));

/** The example plugin « menu-cantine », which indexes its menus. */
export const menuCantineFolder = fileURLToPath(
  new URL('../../../../examples/plugin-menu-cantine', import.meta.url),
);

/** A test plugin indexing announcements restricted to classes, profiles or people. */
export const annoncesFolder = fileURLToPath(
  new URL('../../test/fixtures/plugin-annonces', import.meta.url),
);

/** A search as a person, through the route. */
export function search(client: PluginTestClient, q: string): Promise<TestResponse> {
  return client.get(`/?q=${encodeURIComponent(q)}`);
}

/** The titles found, group after group. */
export function titles(response: TestResponse): string[] {
  return (response.body.groups as Array<{ results: Array<{ title: string }> }>).flatMap((group) =>
    group.results.map((result) => result.title),
  );
}
