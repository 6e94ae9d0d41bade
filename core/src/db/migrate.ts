import type { Knex } from 'knex';

import * as directory from './migrations/0001-directory.js';
import * as identity from './migrations/0002-identity.js';
import * as rightsPluginsDashboard from './migrations/0003-rights-plugins-dashboard.js';
import * as preferences from './migrations/0004-preferences.js';
import * as scheduledJobs from './migrations/0005-scheduled-jobs.js';
import * as serverSecrets from './migrations/0006-server-secrets.js';

/** One named migration: the unit knex runs and records. */
export interface NamedMigration {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Core's migrations, in order. Plugins keep theirs in their own table (see plugins/migrations.ts). */
export const coreMigrations: readonly NamedMigration[] = [
  { name: '0001-directory', ...directory },
  { name: '0002-identity', ...identity },
  { name: '0003-rights-plugins-dashboard', ...rightsPluginsDashboard },
  { name: '0004-preferences', ...preferences },
  { name: '0005-scheduled-jobs', ...scheduledJobs },
  { name: '0006-server-secrets', ...serverSecrets },
];

/** Serves a fixed list of migrations to knex's migrator, in order. */
export function listSource(
  migrations: readonly NamedMigration[],
): Knex.MigrationSource<NamedMigration> {
  return {
    getMigrations: async () => [...migrations],
    getMigrationName: (migration) => migration.name,
    getMigration: async (migration) => migration,
  };
}

const CORE_TABLE = 'preau_migrations';

/** Brings core's tables up to date; returns the names of the migrations it ran. */
export async function migrateCore(knex: Knex): Promise<string[]> {
  const [, ran] = (await knex.migrate.latest({
    migrationSource: listSource(coreMigrations),
    tableName: CORE_TABLE,
  })) as [number, string[]];
  return ran;
}

/** Undoes every core migration (tests and `preau migrate --down`). */
export async function rollbackCore(knex: Knex): Promise<void> {
  await knex.migrate.rollback(
    { migrationSource: listSource(coreMigrations), tableName: CORE_TABLE },
    true,
  );
}
