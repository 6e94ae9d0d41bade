import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import knexFactory, { type Knex } from 'knex';

/** The two engines Préau runs on. */
export type DatabaseEngine = 'sqlite' | 'mysql';

/** Reads the engine from a database URL. */
export function engineOf(url: string): DatabaseEngine {
  return url.startsWith('sqlite:') ? 'sqlite' : 'mysql';
}

/** Where an SQLite URL points: a file path, or `:memory:`. */
export function sqliteFilename(url: string): string {
  return url.slice('sqlite:'.length) || ':memory:';
}

/**
 * Opens a knex instance for `sqlite:<file>` or `mysql://…` / `mariadb://…`.
 * SQLite gets write-ahead logging and enforced foreign keys; MySQL/MariaDB gets utf8mb4.
 */
export function connectDatabase(url: string): Knex {
  if (engineOf(url) === 'sqlite') {
    const filename = sqliteFilename(url);
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      pool: {
        afterCreate(connection: SqliteConnection, done: (error: Error | null) => void) {
          connection.pragma('journal_mode = WAL');
          connection.pragma('foreign_keys = ON');
          connection.pragma('busy_timeout = 5000');
          connection.pragma('synchronous = NORMAL');
          done(null);
        },
      },
    });
  }
  return knexFactory({
    client: 'mysql2',
    connection: {
      uri: url.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4',
      supportBigNumbers: true,
    },
    pool: { min: 0, max: 10 },
  } as Knex.Config);
}

interface SqliteConnection {
  pragma(statement: string): unknown;
}
