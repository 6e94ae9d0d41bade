import { expect } from 'chai';

import { connectDatabase } from '../../src/db/connect.js';
import { migrateCore, rollbackCore } from '../../src/db/migrate.js';
import { createTestDatabase, testEngines } from '../../src/testing/index.js';

for (const engine of testEngines()) {
  describe(`Core migrations (${engine})`, () => {
    it('run up, down and up again', async () => {
      const database = await createTestDatabase(engine);
      const knex = connectDatabase(database.url);
      try {
        expect(await migrateCore(knex)).to.have.length.greaterThan(0);
        expect(await knex.schema.hasTable('memberships')).to.equal(true);
        await rollbackCore(knex);
        expect(await knex.schema.hasTable('memberships')).to.equal(false);
        expect(await knex.schema.hasTable('sessions')).to.equal(false);
        await migrateCore(knex);
        expect(await knex.schema.hasTable('communication_rules')).to.equal(true);
        expect(await migrateCore(knex)).to.deep.equal([]);
      } finally {
        await knex.destroy();
        await database.drop();
      }
    });
  });
}
