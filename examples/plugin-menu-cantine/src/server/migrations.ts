import type { PluginMigration } from '@preau/sdk';

/**
 * The plugin's tables. Names go through `tableName()` (`menus` → `menu_cantine_menus`); every
 * table carries `ecole_id`, which the scoped database fills and filters. No foreign key to
 * core's tables: a plugin knows only its own.
 */
export const migrations: PluginMigration[] = [
  {
    name: '0001-menus',
    async up({ schema, tableName }) {
      // One chained builder, awaited once: it runs both statements in order.
      await schema
        .createTable(tableName('menus'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.string('date', 10).notNullable();
          t.string('note', 200).nullable();
          t.bigInteger('updated_at').notNullable();
          // Personal data (see the manifest's privacy section): exported and erased by the hooks.
          t.integer('updated_by').unsigned().nullable();
          // Also the index of every read: a week is a list of dates.
          t.unique(['ecole_id', 'date']);
          t.index(['updated_by']);
        })
        .createTable(tableName('dishes'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.integer('menu_id')
            .unsigned()
            .notNullable()
            .references('id')
            .inTable(tableName('menus'));
          t.string('course', 16).notNullable();
          t.integer('position').notNullable();
          t.string('name', 120).notNullable();
          // Codes separated by commas: a short, closed list that is never searched.
          t.string('allergens', 160).notNullable();
          t.string('labels', 40).notNullable();
          t.index(['ecole_id', 'menu_id']);
        });
    },
    async down({ schema, tableName }) {
      await schema.dropTableIfExists(tableName('dishes')).dropTableIfExists(tableName('menus'));
    },
  },
];

// knex's TableBuilder, as far as these migrations use it (the SDK does not pin knex's types).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TableBuilder = any;
