/**
 * The database engines a plugin is tested on: SQLite (embedded, the default of a small
 * installation) and MariaDB (production).
 *
 * @example
 * ```ts
 * const engine: TestEngine = 'mariadb';
 * const test = await startPluginTest({ plugin: folder, engine });
 * ```
 */
export type TestEngine = 'sqlite' | 'mariadb';

/**
 * The engines to run a suite on: both by default, or those listed in the environment variable
 * `PREAU_TEST_DATABASES` (`sqlite`, `mariadb` or `sqlite,mariadb`). MariaDB is reached at
 * `PREAU_TEST_MYSQL_URL` (default `mysql://root@127.0.0.1:3306`); each test core gets a
 * throwaway database there. Synchronous, so it can drive `describe` blocks.
 *
 * @example
 * ```ts
 * for (const engine of testEngines()) {
 *   describe(`menus de la semaine (${engine})`, () => {
 *     let test: PluginTest;
 *     before(async () => (test = await startPluginTest({ plugin: '.', engine })));
 *     after(() => test?.close());
 *     // …
 *   });
 * }
 * ```
 */
export function testEngines(): TestEngine[] {
  const chosen = (process.env.PREAU_TEST_DATABASES ?? 'sqlite,mariadb')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of chosen) {
    if (name !== 'sqlite' && name !== 'mariadb') {
      throw new Error(`PREAU_TEST_DATABASES : moteur inconnu « ${name} » (sqlite ou mariadb)`);
    }
  }
  return chosen as TestEngine[];
}
