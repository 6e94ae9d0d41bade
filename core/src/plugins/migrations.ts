import type { MigrationContext, PluginMigration } from '@preau/sdk';
import type { Knex } from 'knex';

import { tablePrefix, TableNaming } from './database.js';

/** What migrating a plugin needs: its id, its migrations, and the other plugins' ids. */
export interface MigratablePlugin {
  id: string;
  migrations?: readonly PluginMigration[];
  /** Ids of the other installed plugins, so that no table lands in their namespace. */
  otherPluginIds?: readonly string[];
}

/** The table where knex records a plugin's migrations: `<prefix>_migrations`. */
export function pluginMigrationsTable(pluginId: string): string {
  return `${tablePrefix(pluginId)}_migrations`;
}

/**
 * Brings a plugin's tables up to date (every migration not yet run, in order); returns the
 * names of the migrations it ran. A plugin without migrations gets no migrations table.
 */
export async function migratePluginUp(knex: Knex, plugin: MigratablePlugin): Promise<string[]> {
  if (!plugin.migrations?.length) return [];
  const [, ran] = (await knex.migrate.latest(migratorConfig(plugin))) as [number, string[]];
  return ran;
}

/**
 * Undoes every migration a plugin ran, newest first (`preau migrate --plugin x --down`, tests);
 * returns their names. The migrations table stays, empty.
 */
export async function migratePluginDown(knex: Knex, plugin: MigratablePlugin): Promise<string[]> {
  if (!plugin.migrations?.length) return [];
  const [, undone] = (await knex.migrate.rollback(migratorConfig(plugin), true)) as [
    number,
    string[],
  ];
  return undone;
}

/** The names of a plugin's migrations that have run, oldest first. */
export async function completedPluginMigrations(
  knex: Knex,
  plugin: MigratablePlugin,
): Promise<string[]> {
  if (!plugin.migrations?.length) return [];
  const [completed] = (await knex.migrate.list(migratorConfig(plugin))) as [
    Array<{ name: string }>,
    unknown,
  ];
  return completed.map((migration) => migration.name);
}

// Module-private helpers.

function migratorConfig(plugin: MigratablePlugin): Knex.MigratorConfig {
  const naming = new TableNaming(plugin.id, plugin.otherPluginIds ?? []);
  const migrations = plugin.migrations ?? [];
  const source: Knex.MigrationSource<PluginMigration> = {
    getMigrations: async () => [...migrations],
    getMigrationName: (migration) => migration.name,
    // knex hands each step its own connection or transaction: the context is built on that.
    getMigration: async (migration) => ({
      up: (knex: Knex) => migration.up(migrationContext(knex, naming)),
      down: (knex: Knex) => migration.down(migrationContext(knex, naming)),
    }),
  };
  return { migrationSource: source, tableName: pluginMigrationsTable(plugin.id) };
}

function migrationContext(knex: Knex, naming: TableNaming): MigrationContext {
  return {
    // A getter: knex.schema builds a new builder on each read, and a step may await several.
    get schema() {
      return knex.schema;
    },
    tableName: (name) => naming.of(name),
    table: (name) => knex(naming.of(name)),
    engine: engineOf(knex),
  };
}

/** The engine of a knex instance, from its client's name (`better-sqlite3` or `mysql2`). */
function engineOf(knex: Knex): 'sqlite' | 'mysql' {
  return /mysql/.test(String(knex.client.config.client)) ? 'mysql' : 'sqlite';
}
