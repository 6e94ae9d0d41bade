import type { PluginDatabase, QueryBuilder } from '@preau/sdk';

import { SqlIndexProvider, type DocumentRow } from './sql-index.js';

/**
 * SQLite: an external-content FTS5 table over the documents' title and body, tokenized with
 * `unicode61 remove_diacritics 2` (accents and case folded by SQLite), queried with prefix
 * terms and ranked by bm25, a title match weighing ten times a body match.
 */
export class SqliteIndexProvider extends SqlIndexProvider {
  protected extraColumns(): Record<string, unknown> {
    return {};
  }

  protected async written(db: PluginDatabase, row: DocumentRow, previous?: DocumentRow) {
    if (previous) await this.forget(db, previous);
    await db.table('fts').insert({ rowid: row.id, title: row.title, body: row.body });
  }

  protected override async writtenMany(db: PluginDatabase, rows: readonly DocumentRow[]) {
    // New rows only: nothing to forget. 200 rows × 3 values stay far below SQLite's limit.
    for (let start = 0; start < rows.length; start += 200) {
      await db
        .table('fts')
        .insert(
          rows.slice(start, start + 200).map(({ id, title, body }) => ({ rowid: id, title, body })),
        );
    }
  }

  protected async removing(db: PluginDatabase, row: DocumentRow) {
    await this.forget(db, row);
  }

  protected match(builder: QueryBuilder, terms: string[]): QueryBuilder {
    const documents = this.db.tableName('documents');
    const fts = this.db.tableName('fts');
    // Terms hold letters and digits only (queryTerms): quoting them is enough.
    const query = terms.map((term) => `"${term}"*`).join(' ');
    return builder
      .join(fts, `${fts}.rowid`, `${documents}.id`)
      .whereRaw(`${fts} MATCH ?`, [query])
      .orderByRaw(`bm25(${fts}, 10.0, 1.0), ${documents}.id`);
  }

  // An external-content table forgets a row only when told its old values.
  private async forget(db: PluginDatabase, row: DocumentRow) {
    await db
      .table('fts')
      .insert({ [db.tableName('fts')]: 'delete', rowid: row.id, title: row.title, body: row.body });
  }
}
