import type { PluginMigration, QueryBuilder } from '@preau/sdk';

/**
 * The index: documents and their audience on both engines, plus each engine's full-text part
 * (raw SQL, branched on the engine): an external-content FTS5 table on SQLite, folded columns
 * with FULLTEXT indexes on MariaDB.
 */
export const migrations: PluginMigration[] = [
  {
    name: '0001-index',
    async up(db) {
      const { tableName, engine } = db;
      const documents = tableName('documents');
      await db.schema.createTable(documents, (t: QueryBuilder) => {
        t.increments('id');
        t.integer('ecole_id').unsigned().notNullable();
        t.string('plugin_id', 64).notNullable();
        t.string('provider', 64).notNullable();
        t.string('doc_id', 100).notNullable();
        t.string('title', 300).notNullable();
        t.text('body').notNullable();
        t.string('url', 500).notNullable();
        // 1: the whole école may find it; 0: only its audience rows.
        t.integer('everyone').notNullable();
        if (engine === 'mysql') {
          t.text('title_folded').notNullable();
          t.text('body_folded').notNullable();
        }
        t.unique(['ecole_id', 'plugin_id', 'provider', 'doc_id']);
      });
      await db.schema.createTable(tableName('audience'), (t: QueryBuilder) => {
        t.integer('document_id').unsigned().notNullable().index();
        t.string('kind', 8).notNullable();
        t.string('value', 20).notNullable();
        t.index(['kind', 'value', 'document_id']);
      });
      if (engine === 'mysql') {
        // InnoDB builds one FULLTEXT index per statement.
        await db.schema.raw(`ALTER TABLE ${documents} ADD FULLTEXT ft_title (title_folded)`);
        await db.schema.raw(
          `ALTER TABLE ${documents} ADD FULLTEXT ft_all (title_folded, body_folded)`,
        );
      } else {
        await db.schema.raw(
          `CREATE VIRTUAL TABLE ${tableName('fts')} USING fts5(title, body, ` +
            `content='${documents}', content_rowid='id', prefix='2 3', ` +
            `tokenize = "unicode61 remove_diacritics 2")`,
        );
      }
    },
    async down(db) {
      const { tableName } = db;
      // Each statement on a new builder: a builder runs everything it was given.
      if (db.engine === 'sqlite') await db.schema.raw(`DROP TABLE IF EXISTS ${tableName('fts')}`);
      await db.schema.dropTableIfExists(tableName('audience'));
      await db.schema.dropTableIfExists(tableName('documents'));
    },
  },
];
