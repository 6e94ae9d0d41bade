import type { MigrationContext, PluginMigration } from '../context.js';
import type { CoreKnex, CoreTestCore } from './core-harness.js';

/**
 * Runs a started plugin's migrations by hand, up or down, for up/down/up tests. Uses the plugin
 * host's own `migrate()` when core offers one; otherwise drives knex's migrator the way the host
 * does, with the conventions the SDK documents: tables `<prefix>_<name>` and the bookkeeping
 * table `<prefix>_migrations`, the prefix being the id with `-` turned to `_`.
 */
export async function migratePlugin(
  core: CoreTestCore,
  pluginId: string,
  direction: 'up' | 'down',
): Promise<void> {
  const host = core.preau.services.plugins;
  if (host.migrate) {
    await host.migrate(pluginId, direction);
    return;
  }
  const plugin = host.get?.(pluginId);
  if (!plugin) throw new Error(`Le plugin « ${pluginId} » n’a pas démarré : rien à migrer.`);
  if (plugin.migrations.length === 0) return;
  const { knex } = core.preau.ctx;
  const config = internals.migratorConfig(pluginId, plugin.migrations);
  if (direction === 'up') await knex.migrate.latest(config);
  else await knex.migrate.rollback(config, true);
}

// Module-private helpers.

const internals = {
  migratorConfig(pluginId: string, migrations: readonly PluginMigration[]) {
    const prefix = pluginId.replace(/-/g, '_');
    return {
      tableName: `${prefix}_migrations`,
      migrationSource: {
        getMigrations: async () => [...migrations],
        getMigrationName: (migration: PluginMigration) => migration.name,
        getMigration: async (migration: PluginMigration) => ({
          // knex hands each step its own connection or transaction.
          up: (step: CoreKnex) => migration.up(internals.context(step, prefix)),
          down: (step: CoreKnex) => migration.down(internals.context(step, prefix)),
        }),
      },
    };
  },

  context(knex: CoreKnex, prefix: string): MigrationContext {
    return {
      // A getter: each use starts a new schema builder, as `knex.schema` itself does.
      get schema() {
        return knex.schema;
      },
      tableName: (name) => `${prefix}_${name}`,
      table: (name) => knex(`${prefix}_${name}`),
      engine: /mysql/.test(String(knex.client?.config?.client)) ? 'mysql' : 'sqlite',
    };
  },
};
