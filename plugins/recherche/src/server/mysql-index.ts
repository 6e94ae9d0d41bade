import type { QueryBuilder, SearchDocument } from '@preau/sdk';

import { fold } from './fold.js';
import { SqlIndexProvider } from './sql-index.js';

/**
 * InnoDB's default `innodb_ft_min_token_size`: shorter words are not indexed, so shorter query
 * words are left out (a query made only of them finds nothing on MariaDB).
 */
export const MARIADB_MIN_TOKEN = 3;

/**
 * MariaDB: InnoDB FULLTEXT indexes on folded copies of the title and body (lower case, no
 * accents, folded here since the collation's folding is not applied to the words), queried in
 * BOOLEAN MODE with `+mot*`, ranked by relevance with a title match weighing ten times more.
 */
export class MysqlIndexProvider extends SqlIndexProvider {
  protected extraColumns(document: SearchDocument): Record<string, unknown> {
    return { title_folded: fold(document.title), body_folded: fold(document.text) };
  }

  protected async written() {}

  protected async removing() {}

  protected match(builder: QueryBuilder, terms: string[]): QueryBuilder | null {
    const words = terms.filter((term) => term.length >= MARIADB_MIN_TOKEN);
    if (!words.length) return null;
    const documents = this.db.tableName('documents');
    const query = words.map((term) => `+${term}*`).join(' ');
    const all = `MATCH(${documents}.title_folded, ${documents}.body_folded) AGAINST (? IN BOOLEAN MODE)`;
    const title = `MATCH(${documents}.title_folded) AGAINST (? IN BOOLEAN MODE)`;
    return builder
      .whereRaw(all, [query])
      .orderByRaw(`(${title} * 10 + ${all}) DESC, ${documents}.id`, [query, query]);
  }
}
