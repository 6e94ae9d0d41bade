import type { MigrationContext, PluginMigration, QueryBuilder } from '@preau/sdk';

import { fold } from './fold.js';
import { ecoleWords } from './mysql-index.js';

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
  {
    // MariaDB only: the folded copies carry the école in each word (see `ecoleWords`).
    name: '0002-ecole-words',
    up: (db) => refold(db, (ecoleId, text) => ecoleWords(ecoleId, fold(text))),
    down: (db) => refold(db, (_ecoleId, text) => fold(text)),
  },
];

/** Rows rewritten per statement batch when the folded copies change. */
const REFOLD_BATCH = 500;

/** Rewrites the folded copies of every document on MariaDB (SQLite has none). */
async function refold(
  db: MigrationContext,
  folded: (ecoleId: number, text: string) => string,
): Promise<void> {
  if (db.engine !== 'mysql') return;
  let after = 0;
  for (;;) {
    const rows = (await db
      .table('documents')
      .where('id', '>', after)
      .orderBy('id')
      .limit(REFOLD_BATCH)
      .select('id', 'ecole_id', 'title', 'body')) as Array<{
      id: number;
      ecole_id: number;
      title: string;
      body: string;
    }>;
    if (rows.length === 0) return;
    for (const row of rows) {
      await db
        .table('documents')
        .where({ id: row.id })
        .update({
          title_folded: folded(Number(row.ecole_id), row.title),
          body_folded: folded(Number(row.ecole_id), row.body),
        });
    }
    after = Number(rows[rows.length - 1]!.id);
  }
}
