import { expect } from 'chai';

import { ManualClock } from '../../src/clock.js';
import { connectDatabase } from '../../src/db/connect.js';
import { migrateCore } from '../../src/db/migrate.js';
import { isValidUai } from '../../src/directory/uai.js';
import { verifyPassword } from '../../src/identity/passwords.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/seed/demo-accounts.js';
import { seedDemo } from '../../src/seed/demo.js';
import { createTestDatabase, testEngines } from '../../src/testing/index.js';

for (const engine of testEngines()) {
  describe(`Demo seed (${engine})`, () => {
    const database = createTestDatabase(engine);
    const knex = database.then((db) => connectDatabase(db.url));
    before(async () => {
      await migrateCore(await knex);
      await seedDemo(await knex, new ManualClock());
    });
    after(async () => {
      await (await knex).destroy();
      await (await database).drop();
    });

    it('creates two collectivités and three écoles with valid UAIs', async () => {
      const db = await knex;
      expect(await db('collectivites').count({ n: '*' }).first()).to.deep.include({ n: 2 });
      const ecoles = await db('ecoles').select('uai');
      expect(ecoles).to.have.length(3);
      for (const { uai } of ecoles) expect(isValidUai(uai), uai).to.equal(true);
    });

    it('has maternelle and élémentaire classes', async () => {
      const levels = (await (await knex)('classes').pluck('levels')).join(',').split(',');
      expect(levels).to.include.members(['PS', 'MS', 'GS', 'CP', 'CM2']);
    });

    it('gives every documented account the documented password', async () => {
      const db = await knex;
      const rows = await db('accounts').whereIn(
        'login',
        DEMO_ACCOUNTS.map((a) => a.login),
      );
      expect(rows).to.have.length(DEMO_ACCOUNTS.length);
      expect(await verifyPassword(rows[0].password_hash, DEMO_PASSWORD)).to.equal(true);
    });

    it('has at least one account of every profile and both kinds of administrator', async () => {
      const db = await knex;
      const profiles = await db('memberships')
        .join('accounts', 'accounts.person_id', 'memberships.person_id')
        .whereIn(
          'accounts.login',
          DEMO_ACCOUNTS.map((a) => a.login),
        )
        .distinct('profile')
        .pluck('profile');
      expect(profiles).to.include.members(['ELV', 'TUT', 'ENS', 'DIR', 'COL', 'ACA', 'PRT']);
      const admins = await db('administrations').pluck('collectivite_id');
      expect(admins).to.include(null);
      expect(admins.filter((id) => id !== null)).to.have.length(2);
    });

    it('links the demo parent to two children in different classes', async () => {
      const db = await knex;
      const classes = await db('family_links')
        .join('accounts', 'accounts.person_id', 'family_links.parent_id')
        .join('memberships', 'memberships.person_id', 'family_links.child_id')
        .where('accounts.login', 'camille.martin')
        .pluck('memberships.class_id');
      expect(new Set(classes).size).to.equal(2);
    });

    it('seeds only once', async () => {
      expect(await seedDemo(await knex, new ManualClock())).to.equal(null);
      expect(await (await knex)('ecoles').count({ n: '*' }).first()).to.deep.include({ n: 3 });
    });
  });
}
