import { isUniqueViolation } from '@preau/sdk';
import { expect } from 'chai';
import type { Knex } from 'knex';

import { connectDatabase } from '../../src/db/connect.js';
import { migrateCore } from '../../src/db/migrate.js';
import { Collectivite } from '../../src/directory/models.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../src/testing/index.js';

/** The error a query fails with; the test fails if it succeeds. */
async function errorOf(query: PromiseLike<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error('the query was expected to fail');
}

const ville = { name: 'Ville de Lyon', slug: 'lyon', created_at: 1 };

for (const engine of testEngines()) {
  describe(`isUniqueViolation on a real database (${engine})`, () => {
    let database: TestDatabase;
    let knex: Knex;
    let villeId: number;
    before(async () => {
      database = await createTestDatabase(engine);
      knex = connectDatabase(database.url);
      await migrateCore(knex);
      villeId = Number((await knex('collectivites').insert(ville))[0]);
    });
    after(async () => {
      await knex?.destroy();
      await database?.drop();
    });

    it('recognises a second row with the same unique key, from knex', async () => {
      const error = await errorOf(knex('collectivites').insert({ ...ville, name: 'Autre' }));
      expect(isUniqueViolation(error)).to.equal(true);
    });

    it('recognises a primary key given twice', async () => {
      const error = await errorOf(
        knex('collectivites').insert({ ...ville, id: villeId, slug: 'x' }),
      );
      expect(isUniqueViolation(error)).to.equal(true);
    });

    // objection wraps MariaDB's error in a UniqueViolationError, and leaves better-sqlite3's as is.
    it('recognises the same violation through objection', async () => {
      const error = await errorOf(
        Collectivite.query(knex).insert({ name: 'Doublon', slug: 'lyon', createdAt: 2 }),
      );
      expect(isUniqueViolation(error)).to.equal(true);
    });

    it('takes no other failure for a duplicate: a missing value, a missing table, a non-error', async () => {
      const missing = await errorOf(
        knex('collectivites').insert({ name: 'Sans slug', created_at: 3 }),
      );
      const wrapped = await errorOf(
        Collectivite.query(knex).insert({ name: 'Sans slug', createdAt: 3 }),
      );
      const noTable = await errorOf(knex('absente').insert({ slug: 'lyon' }));
      expect(isUniqueViolation(missing)).to.equal(false);
      expect(isUniqueViolation(wrapped)).to.equal(false);
      expect(isUniqueViolation(noTable)).to.equal(false);
      expect(isUniqueViolation(new Error('ER_DUP_ENTRY'))).to.equal(false);
      expect(isUniqueViolation(null)).to.equal(false);
    });
  });
}
