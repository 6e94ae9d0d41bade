import { fileURLToPath } from 'node:url';

/** The test plugin packages of core/test/fixtures/plugins, by folder name. */
export type FixturePlugin =
  | 'carnet-essai'
  | 'carnet-suivi'
  | 'mauvais-manifeste'
  | 'api-future'
  | 'orphelin'
  | 'register-casse'
  | 'apres-casse';

/** The absolute folder of a test plugin (tests run from core/dist/test/plugins). */
export function fixturePlugin(name: FixturePlugin): string {
  return fileURLToPath(new URL(`../../../test/fixtures/plugins/${name}`, import.meta.url));
}

/** Every test plugin: one good, one depending on it, and one for each way of being refused. */
export const ALL_FIXTURE_PLUGINS: readonly FixturePlugin[] = [
  'mauvais-manifeste',
  'api-future',
  'orphelin',
  'apres-casse',
  'carnet-suivi',
  'register-casse',
  'carnet-essai',
];
