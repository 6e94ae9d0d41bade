import { expect } from 'chai';
import knex, { type Knex } from 'knex';

import { isUniqueViolation } from '@preau/sdk';
import { testEngines } from '@preau/sdk/testing';

const mysqlUrl = (process.env.PREAU_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(
  /\/+$/,
  '',
);

/** A throwaway database of the engine, with one table keyed on `login`. */
async function openEngine(engine: string): Promise<{ db: Knex; close(): Promise<void> }> {
  if (engine === 'sqlite') {
    const db = knex({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    return { db, close: () => db.destroy() };
  }
  const name = `preau_sdk_errors_${process.pid}`;
  const server = knex({ client: 'mysql2', connection: mysqlUrl });
  await server.raw(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
  const db = knex({ client: 'mysql2', connection: `${mysqlUrl}/${name}` });
  return {
    db,
    async close() {
      await db.destroy();
      await server.raw(`DROP DATABASE IF EXISTS \`${name}\``);
      await server.destroy();
    },
  };
}

async function errorOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('the query was expected to fail');
}

for (const engine of testEngines()) {
  describe(`isUniqueViolation (${engine})`, () => {
    let db: Knex;
    let close: () => Promise<void>;
    before(async () => {
      ({ db, close } = await openEngine(engine));
      await db.schema.createTable('accounts', (table) => {
        table.increments('id');
        table.string('login', 60).notNullable().unique();
      });
      await db('accounts').insert({ login: 'lea.martin' });
    });
    after(() => close?.());

    it('recognises a second row with the same unique key', async () => {
      const error = await errorOf(db('accounts').insert({ login: 'lea.martin' }));
      expect(isUniqueViolation(error)).to.equal(true);
    });

    it('recognises a primary key given twice', async () => {
      const [id] = await db('accounts').insert({ login: 'tom.petit' });
      const error = await errorOf(db('accounts').insert({ id, login: 'autre.login' }));
      expect(isUniqueViolation(error)).to.equal(true);
    });

    it('does not take another failure for a duplicate: a missing column, a missing table', async () => {
      const notNull = await errorOf(db('accounts').insert({ login: null }));
      const noTable = await errorOf(db('absent').insert({ login: 'x' }));
      expect(isUniqueViolation(notNull)).to.equal(false);
      expect(isUniqueViolation(noTable)).to.equal(false);
    });

    it('sees through a wrapper that keeps the driver error as nativeError (objection)', async () => {
      const error = await errorOf(db('accounts').insert({ login: 'lea.martin' }));
      expect(isUniqueViolation({ name: 'DBError', nativeError: error })).to.equal(true);
      expect(isUniqueViolation({ name: 'UniqueViolationError' })).to.equal(true);
      expect(isUniqueViolation(new Error('ER_DUP_ENTRY'))).to.equal(false);
      expect(isUniqueViolation(null)).to.equal(false);
    });
  });
}
