import type { Knex } from 'knex';
import type BetterSqlite3 from 'better-sqlite3';
import { createPool, type Pool } from 'mysql2/promise';

type Params = Parameters<Pool['execute']>[1];

import { engineOf, type DatabaseEngine } from './connect.js';

/**
 * Prepared statements for the hot paths (session lookup, dashboard, plugin guard).
 *
 * Measured on a 2-core machine, objection models ran at about a quarter of raw prepared
 * statements and knex at about half, so the requests every page makes skip the query builder:
 * SQL written once with `?` placeholders, prepared once, run straight on the driver.
 * Everything else goes through knex and objection. See docs/adr/0003-data-access.md.
 */
export interface Statements {
  readonly engine: DatabaseEngine;
  /** All rows of a read. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row of a read, or undefined. */
  first<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** A write; resolves to the number of rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  close(): Promise<void>;
}

/** Opens the hot-path statements beside a knex instance, on the same database. */
export async function openStatements(knex: Knex, url: string): Promise<Statements> {
  if (engineOf(url) === 'sqlite') return openSqliteStatements(knex);
  return openMysqlStatements(url);
}

async function openSqliteStatements(knex: Knex): Promise<Statements> {
  // better-sqlite3 is synchronous and knex keeps exactly one connection to it: borrowing that
  // connection shares its view of the data (and any open transaction) with knex, which is what
  // a single-process embedded database wants.
  const client = knex.client as {
    acquireConnection(): Promise<unknown>;
    releaseConnection(c: unknown): Promise<void>;
  };
  const connection = (await client.acquireConnection()) as BetterSqlite3.Database;
  await client.releaseConnection(connection);
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return {
    engine: 'sqlite',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async first<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).get(...params) as T | undefined;
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).run(...params).changes;
    },
    async close() {
      cache.clear();
    },
  };
}

function openMysqlStatements(url: string): Statements {
  const pool: Pool = createPool({
    uri: url.replace(/^mariadb:/, 'mysql:'),
    charset: 'utf8mb4',
    supportBigNumbers: true,
    connectionLimit: 8,
  });
  return {
    engine: 'mysql',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      const [rows] = await pool.execute(sql, params as Params);
      return rows as T[];
    },
    async first<T>(sql: string, params: readonly unknown[] = []) {
      const [rows] = await pool.execute(sql, params as Params);
      return (rows as T[])[0];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      const [result] = await pool.execute(sql, params as Params);
      return (result as { affectedRows: number }).affectedRows;
    },
    async close() {
      await pool.end();
    },
  };
}
