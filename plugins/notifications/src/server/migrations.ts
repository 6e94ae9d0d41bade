import type { PluginMigration } from '@preau/sdk';

/**
 * The plugin's tables, the same on SQLite and MariaDB (knex schema builder only). Every table
 * carries `ecole_id`, filled and filtered by the scoped database: a person in two écoles has
 * two feeds, two sets of choices. Times are milliseconds since the epoch.
 */
export const migrations: PluginMigration[] = [
  {
    name: '0001-notifications',
    async up({ schema, tableName }) {
      await schema
        // What happened, once per notify() call; names copied so the feed never looks them up.
        .createTable(tableName('items'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.string('plugin_id', 64).notNullable();
          t.string('plugin_name', 200).notNullable();
          t.string('type', 64).notNullable();
          t.string('type_label', 200).notNullable();
          t.string('title', 200).notNullable();
          t.text('text').nullable();
          t.string('url', 500).notNullable();
          t.integer('actor_id').unsigned().nullable();
          t.bigInteger('created_at').notNullable();
          t.index(['ecole_id', 'created_at']);
          t.index(['actor_id']);
        })
        // One row per recipient: what their feed, bell and e-mails are made of.
        .createTable(tableName('inbox'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.integer('item_id').unsigned().notNullable();
          t.integer('person_id').unsigned().notNullable();
          t.string('channel', 20).notNullable();
          t.bigInteger('created_at').notNullable();
          // When the item leaves the person's quiet hours: hidden before, pushed and e-mailed after.
          t.bigInteger('visible_at').notNullable();
          t.bigInteger('read_at').nullable();
          // 0 until the live message for it has been pushed (at once or when quiet hours end).
          t.integer('pushed').notNullable().defaultTo(0);
          // null: no e-mail for this row; 'pending', 'sent', or the refusal ('pupil', 'no-address'…).
          t.string('email_state', 20).nullable();
          t.bigInteger('emailed_at').nullable();
          t.index(['ecole_id', 'person_id', 'visible_at']);
          t.index(['pushed', 'visible_at']);
          t.index(['email_state', 'visible_at']);
          t.index(['item_id']);
          t.index(['created_at']);
        })
        // A person's channel for a type, when they chose one (else the manifest's default).
        .createTable(tableName('preferences'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.integer('person_id').unsigned().notNullable();
          t.string('plugin_id', 64).notNullable();
          t.string('type', 64).notNullable();
          t.string('channel', 20).notNullable();
          // Named: knex's default name passes MariaDB's 64-character limit.
          t.unique(['ecole_id', 'person_id', 'plugin_id', 'type'], {
            indexName: tableName('preferences_unique'),
          });
          t.index(['person_id']);
        })
        // Quiet hours: the école's (person_id null) and each person's additions.
        .createTable(tableName('quiet_hours'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.integer('person_id').unsigned().nullable();
          t.text('intervals').notNullable();
          t.index(['ecole_id', 'person_id']);
          t.index(['person_id']);
        })
        // Reports of inappropriate items; the item's texts are copied, so purging the feed keeps them.
        .createTable(tableName('reports'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.integer('inbox_id').unsigned().notNullable();
          t.integer('reporter_id').unsigned().nullable();
          t.string('reason', 500).notNullable();
          t.string('plugin_name', 200).notNullable();
          t.string('type_label', 200).notNullable();
          t.string('title', 200).notNullable();
          t.text('text').nullable();
          t.string('url', 500).notNullable();
          t.bigInteger('created_at').notNullable();
          t.bigInteger('handled_at').nullable();
          t.integer('handled_by').unsigned().nullable();
          t.unique(['inbox_id']);
          t.index(['ecole_id', 'handled_at']);
          t.index(['reporter_id']);
          t.index(['handled_by']);
        })
        // Unsubscribe tokens, one per (person, plugin, type) of an école: random, never derived.
        .createTable(tableName('unsubscribe_tokens'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.integer('person_id').unsigned().notNullable();
          t.string('plugin_id', 64).notNullable();
          t.string('type', 64).notNullable();
          t.string('token', 64).notNullable().unique();
          t.unique(['ecole_id', 'person_id', 'plugin_id', 'type'], {
            indexName: tableName('tokens_unique'),
          });
          t.index(['person_id']);
        })
        // Digests sent (or refused), one per person, kind and slot: a re-run never sends twice.
        .createTable(tableName('digests'), (t: TableBuilder) => {
          t.increments('id');
          t.integer('ecole_id').unsigned().notNullable();
          t.integer('person_id').unsigned().notNullable();
          t.string('kind', 10).notNullable();
          t.bigInteger('slot').notNullable();
          t.string('state', 20).notNullable();
          t.integer('items').notNullable();
          t.bigInteger('sent_at').notNullable();
          t.unique(['ecole_id', 'person_id', 'kind', 'slot']);
          t.index(['person_id']);
          t.index(['sent_at']);
        });
    },
    async down({ schema, tableName }) {
      await schema
        .dropTableIfExists(tableName('digests'))
        .dropTableIfExists(tableName('unsubscribe_tokens'))
        .dropTableIfExists(tableName('reports'))
        .dropTableIfExists(tableName('quiet_hours'))
        .dropTableIfExists(tableName('preferences'))
        .dropTableIfExists(tableName('inbox'))
        .dropTableIfExists(tableName('items'));
    },
  },
];

// knex's TableBuilder, as far as these migrations use it (the SDK does not pin knex's types).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TableBuilder = any;
