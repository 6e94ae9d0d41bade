import type { QueryBuilder, SearchDocument } from '@preau/sdk';

import { fold } from './fold.js';
import { SqlIndexProvider } from './sql-index.js';

/**
 * InnoDB's default `innodb_ft_min_token_size`: shorter words are not indexed, so shorter query
 * words are left out (a query made only of them finds nothing on MariaDB).
 */
export const MARIADB_MIN_TOKEN = 3;

/**
 * The words of a folded text as MariaDB indexes them: each prefixed with its école
 * (`e12xcantine`). InnoDB reads a word's whole list of documents before any other condition
 * applies; with the école in the word, that list holds only the école's documents, instead of
 * every école's (a common word of 100,000 documents took half a second). Words shorter than
 * InnoDB's minimum token size are dropped, as InnoDB would drop them unprefixed.
 */
export function ecoleWords(ecoleId: number, folded: string): string {
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MARIADB_MIN_TOKEN)
    .map((word) => `e${ecoleId}x${word}`)
    .join(' ');
}

/**
 * MariaDB: InnoDB FULLTEXT indexes on folded copies of the title and body (lower case, no
 * accents, folded here since the collation's folding is not applied to the words; each word
 * prefixed with its école, see `ecoleWords`), queried in BOOLEAN MODE with `+e12xmot*`, ranked
 * by relevance with a title match weighing ten times more.
 */
export class MysqlIndexProvider extends SqlIndexProvider {
  protected extraColumns(document: SearchDocument): Record<string, unknown> {
    return {
      title_folded: ecoleWords(document.ecoleId, fold(document.title)),
      body_folded: ecoleWords(document.ecoleId, fold(document.text)),
    };
  }

  protected async written() {}

  protected async removing() {}

  protected match(builder: QueryBuilder, terms: string[], ecoleId: number): QueryBuilder | null {
    const words = terms.filter((term) => term.length >= MARIADB_MIN_TOKEN);
    if (!words.length) return null;
    const documents = this.db.tableName('documents');
    const query = words.map((term) => `+e${ecoleId}x${term}*`).join(' ');
    const all = `MATCH(${documents}.title_folded, ${documents}.body_folded) AGAINST (? IN BOOLEAN MODE)`;
    const title = `MATCH(${documents}.title_folded) AGAINST (? IN BOOLEAN MODE)`;
    return builder
      .whereRaw(all, [query])
      .orderByRaw(`(${title} * 10 + ${all}) DESC, ${documents}.id`, [query, query]);
  }
}
