import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import {
  startPluginTest,
  type PluginTest,
  type PluginTestClient,
  type PluginTestOptions,
  type TestResponse,
} from '@preau/sdk/testing';

/** The plugin's package folder (tests run from dist/test/). */
export const pluginFolder = fileURLToPath(new URL('../..', import.meta.url));

/** A test plugin that notifies the audience of its announcements. */
export const annoncesFolder = fileURLToPath(
  new URL('../../test/fixtures/plugin-annonces-notif', import.meta.url),
);

/** The example plugin « menu-cantine ». */
export const menuCantineFolder = fileURLToPath(
  new URL('../../../../examples/plugin-menu-cantine', import.meta.url),
);

const ANNONCES = '/api/plugins/annonces-notif/annonces';

/**
 * A Préau with notifications and the announcements plugin, both enabled for the écoles given
 * (A1 by default).
 */
export async function startWithAnnonces(
  engine: PluginTestOptions['engine'],
  ecoles: Array<'a1' | 'a2' | 'b1'> = ['a1'],
  config?: Record<string, unknown>,
): Promise<PluginTest> {
  const test = await startPluginTest({
    plugin: pluginFolder,
    engine,
    plugins: [annoncesFolder],
    enableFor: ecoles,
    ...(config ? { config } : {}),
  });
  for (const ecole of ecoles) await test.enable(ecole, 'annonces-notif');
  return test;
}

/** Publishes an announcement as someone, expecting success. */
export async function publish(
  client: PluginTestClient,
  annonce: Record<string, unknown>,
): Promise<void> {
  const response = await client.post(ANNONCES, annonce);
  expect(response.status, response.text).to.equal(200);
}

/** The titles of a person's feed (first page). */
export async function feedTitles(client: PluginTestClient): Promise<string[]> {
  const response = await client.get('/items?limit=50');
  expect(response.status, response.text).to.equal(200);
  return (response.body.items as Array<{ title: string }>).map((item) => item.title);
}

/** The unread count of a person's bell. */
export async function unread(client: PluginTestClient): Promise<number> {
  const response: TestResponse = await client.get('/unread');
  expect(response.status, response.text).to.equal(200);
  return response.body.unread as number;
}
