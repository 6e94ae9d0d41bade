import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import knexFactory from 'knex';

/** The engines the test suite runs on. */
export type TestEngine = 'sqlite' | 'mariadb';

/** A throwaway database: its URL, and how to drop it. */
export interface TestDatabase {
  engine: TestEngine;
  url: string;
  drop(): Promise<void>;
}

/**
 * The engines to test on: both by default. MariaDB is reached at PREAU_TEST_MYSQL_URL
 * (default `mysql://root@127.0.0.1:3306`, the server `.ci/run` starts). Set
 * PREAU_TEST_DATABASES=sqlite to run on SQLite alone, e.g. on a machine without MariaDB.
 */
export function testEngines(): TestEngine[] {
  const chosen = (process.env.PREAU_TEST_DATABASES ?? 'sqlite,mariadb')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of chosen) {
    if (name !== 'sqlite' && name !== 'mariadb') {
      throw new Error(`PREAU_TEST_DATABASES : moteur inconnu « ${name} » (sqlite ou mariadb)`);
    }
  }
  return chosen as TestEngine[];
}

function mysqlServerUrl(): string {
  return (process.env.PREAU_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
}

/** Creates an empty database on `engine`: a temporary SQLite file, or a new MariaDB schema. */
export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'preau-test-'));
    return {
      engine,
      url: `sqlite:${join(dir, 'preau.sqlite')}`,
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `preau_test_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'mysql2', connection: { uri: mysqlServerUrl() } as never });
  try {
    await admin.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } catch (error) {
    throw new Error(
      `MariaDB injoignable à ${mysqlServerUrl()} (${(error as Error).message}). ` +
        'Démarrez MariaDB, réglez PREAU_TEST_MYSQL_URL, ou lancez PREAU_TEST_DATABASES=sqlite.',
      { cause: error },
    );
  } finally {
    await admin.destroy();
  }
  return {
    engine,
    url: `${mysqlServerUrl()}/${name}`,
    async drop() {
      const dropper = knexFactory({
        client: 'mysql2',
        connection: { uri: mysqlServerUrl() } as never,
      });
      try {
        await dropper.raw(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await dropper.destroy();
      }
    },
  };
}
