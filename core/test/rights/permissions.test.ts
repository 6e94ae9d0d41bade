import { expect } from 'chai';

import { OVERRIDES_TTL_MS } from '../../src/rights/permissions.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

const NOTES_WRITE = 'test-ext.notes.write';
const NOTES_READ = 'test-ext.notes.read';

interface PermissionsBody {
  permissions: {
    name: string;
    grants: Record<string, { granted: boolean; byDefault: boolean; overridden: boolean }>;
  }[];
}

for (const engine of testEngines()) {
  describe(`Permissions (${engine})`, () => {
    let core: TestCore;
    const url = (ecole: 'a1' | 'a2' = 'a1') =>
      `/api/admin/ecoles/${core.world.ecoles[ecole]}/permissions`;
    const has = (profile: string, permission = NOTES_WRITE, ecole: 'a1' | 'a2' = 'a1') =>
      core.preau.services.permissions.has(core.world.ecoles[ecole], profile, permission);
    const overrides = () =>
      core.preau.ctx.knex('permission_overrides').orderBy(['ecole_id', 'profile', 'permission']);

    before(async () => {
      core = await startTestCore({ engine });
      core.preau.services.permissions.declare([
        { name: NOTES_WRITE, defaultProfiles: ['ENS', 'DIR'], description: { fr: 'Écrire' } },
        { name: NOTES_READ, defaultProfiles: ['ENS', 'DIR', 'ELV', 'TUT'] },
      ]);
    });
    after(() => core?.close());
    afterEach(async () => {
      await core.preau.ctx.knex('permission_overrides').delete();
      core.preau.services.permissions.invalidate();
    });

    it('grants a declared permission to its default profiles only', async () => {
      expect(await has('ENS')).to.equal(true);
      expect(await has('ELV')).to.equal(false);
    });

    it('grants nothing for a permission nobody declared', async () => {
      expect(await has('ENS', 'test-ext.notes.delete')).to.equal(false);
    });

    it('lists each declared permission with every profile’s grant', async () => {
      const response = await (await core.as('admin.a')).get(url());
      expect(response.statusCode).to.equal(200);
      const write = (response.result as unknown as PermissionsBody).permissions.find(
        (p) => p.name === NOTES_WRITE,
      );
      expect(write?.grants.ENS).to.deep.equal({
        granted: true,
        byDefault: true,
        overridden: false,
      });
      expect(write?.grants.ELV).to.deep.equal({
        granted: false,
        byDefault: false,
        overridden: false,
      });
    });

    it('grants a permission to a profile in one école only when overridden', async () => {
      const response = await (
        await core.as('admin.a')
      ).patch(url(), {
        overrides: [{ profile: 'ELV', permission: NOTES_WRITE, granted: true }],
      });
      expect(response.statusCode, response.payload).to.equal(200);
      expect(await has('ELV')).to.equal(true);
      expect(await has('ELV', NOTES_WRITE, 'a2')).to.equal(false);
      const write = (response.result as unknown as PermissionsBody).permissions.find(
        (p) => p.name === NOTES_WRITE,
      );
      expect(write?.grants.ELV).to.deep.equal({
        granted: true,
        byDefault: false,
        overridden: true,
      });
    });

    it('withdraws a default grant when overridden with false', async () => {
      await (
        await core.as('admin.a')
      ).patch(url(), {
        overrides: [{ profile: 'ENS', permission: NOTES_WRITE, granted: false }],
      });
      expect(await has('ENS')).to.equal(false);
    });

    it('goes back to the default when the override is set to null', async () => {
      const admin = await core.as('admin.a');
      await admin.patch(url(), {
        overrides: [{ profile: 'ENS', permission: NOTES_WRITE, granted: false }],
      });
      await admin.patch(url(), {
        overrides: [{ profile: 'ENS', permission: NOTES_WRITE, granted: null }],
      });
      expect(await has('ENS')).to.equal(true);
      expect(await overrides()).to.deep.equal([]);
    });

    it('records the change in the audit log', async () => {
      const admin = await core.as('admin.a');
      await admin.patch(url(), {
        overrides: [{ profile: 'TUT', permission: NOTES_WRITE, granted: true }],
      });
      const entry = await core.preau.ctx
        .knex('audit_log')
        .where({ action: 'permissions.changed' })
        .orderBy('id', 'desc')
        .first();
      expect(Number(entry.actor_id)).to.equal(admin.personId);
      expect(entry.details).to.contain(NOTES_WRITE);
    });

    it('rejects a batch with an unknown permission, naming it, and applies none of it', async () => {
      const response = await (
        await core.as('admin.a')
      ).patch(url(), {
        overrides: [
          { profile: 'ELV', permission: NOTES_WRITE, granted: true },
          { profile: 'ELV', permission: 'test-ext.notes.unknown', granted: true },
        ],
      });
      expect(response.statusCode).to.equal(400);
      expect(JSON.parse(response.payload).message).to.contain('overrides.1.permission');
      expect(await overrides()).to.deep.equal([]);
      expect(await has('ELV')).to.equal(false);
    });

    it('rejects an unknown profile, naming the field', async () => {
      const response = await (
        await core.as('admin.a')
      ).patch(url(), {
        overrides: [{ profile: 'XYZ', permission: NOTES_WRITE, granted: true }],
      });
      expect(response.statusCode).to.equal(400);
      expect(JSON.parse(response.payload).message).to.contain('overrides.0.profile');
    });

    it('rejects a grant that is neither true, false nor null', async () => {
      const response = await (
        await core.as('admin.a')
      ).patch(url(), {
        overrides: [{ profile: 'ELV', permission: NOTES_WRITE, granted: 'oui' }],
      });
      expect(response.statusCode).to.equal(400);
      expect(JSON.parse(response.payload).message).to.contain('overrides.0.granted');
    });

    it('hides an école of A from the administrator of B, who changes nothing', async () => {
      const admin = await core.as('admin.b');
      expect((await admin.get(url())).statusCode).to.equal(404);
      const response = await admin.patch(url(), {
        overrides: [{ profile: 'ELV', permission: NOTES_WRITE, granted: true }],
      });
      expect(response.statusCode).to.equal(404);
      expect(await overrides()).to.deep.equal([]);
    });

    it('lets the école’s directeur change its grants, but not another école’s', async () => {
      const directeur = await core.as('directeur.a1');
      const change = { overrides: [{ profile: 'TUT', permission: NOTES_WRITE, granted: true }] };
      expect((await directeur.patch(url(), change)).statusCode).to.equal(200);
      expect((await directeur.patch(url('a2'), change)).statusCode).to.equal(404);
      expect(await has('TUT')).to.equal(true);
      expect(await has('TUT', NOTES_WRITE, 'a2')).to.equal(false);
    });

    it('answers from memory, without reading the table, until the cache expires', async () => {
      expect(await has('ELV')).to.equal(false);
      await core.preau.ctx.knex('permission_overrides').insert({
        ecole_id: core.world.ecoles.a1,
        profile: 'ELV',
        permission: NOTES_WRITE,
        granted: 1,
      });
      core.clock.advance(OVERRIDES_TTL_MS - 1);
      expect(await has('ELV')).to.equal(false);
    });

    it('sees a change written by another instance once the cache has expired', async () => {
      expect(await has('ELV')).to.equal(false);
      await core.preau.ctx.knex('permission_overrides').insert({
        ecole_id: core.world.ecoles.a1,
        profile: 'ELV',
        permission: NOTES_WRITE,
        granted: 1,
      });
      core.clock.advance(OVERRIDES_TTL_MS);
      expect(await has('ELV')).to.equal(true);
    });

    it('refuses to declare a permission whose name does not follow <plugin>.<resource>.<action>', () => {
      expect(() =>
        core.preau.services.permissions.declare([{ name: 'notes', defaultProfiles: ['ENS'] }]),
      ).to.throw(/mal nommée/);
    });

    it('refuses to declare a permission granted to an unknown profile', () => {
      expect(() =>
        core.preau.services.permissions.declare([
          { name: 'test-ext.notes.share', defaultProfiles: ['PROF'] },
        ]),
      ).to.throw(/PROF/);
    });
  });
}
