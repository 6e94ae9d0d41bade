import { expect } from 'chai';

import { startPluginTest, testEngines, type PluginTest } from '@preau/sdk/testing';

import { pluginFolder } from './helpers.js';

const mairie = {
  name: 'Service informatique de la mairie',
  role: 'Assistance ENT',
  email: 'ent@mairie-a.example',
  phone: '02 99 00 00 00',
  hours: 'Du lundi au vendredi, 9 h – 12 h',
  note: 'Pour un mot de passe perdu',
};

for (const engine of testEngines()) {
  describe(`aide: the école’s support contacts (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine, enableFor: ['a1', 'a2'] });
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const put = await directeur.put('/contacts', {
        contacts: [mairie, { name: 'Mme Durand', role: 'Directrice' }],
      });
      expect(put.status).to.equal(200);
    });
    after(() => test?.close());

    it('lets the directeur replace the list, and answers with it', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const put = await directeur.put('/contacts', {
        contacts: [mairie, { name: 'Mme Durand', role: 'Directrice' }],
      });
      expect(put.status).to.equal(200);
      expect(put.body).to.deep.equal({
        contacts: [mairie, { name: 'Mme Durand', role: 'Directrice' }],
        canWrite: true,
      });
    });

    it('shows the contacts to a parent, who may not change them', async () => {
      const contacts = await (await test.actAs('TUT')).get('/contacts');
      expect(contacts.status).to.equal(200);
      expect(contacts.body.contacts[0]).to.deep.equal(mairie);
      expect(contacts.body.canWrite).to.equal(false);
    });

    it('lists the contacts in the summary', async () => {
      const summary = await (await test.actAs('ELV')).get('/sommaire');
      expect(summary.body.contacts.map((c: { name: string }) => c.name)).to.deep.equal([
        mairie.name,
        'Mme Durand',
      ]);
    });

    it('refuses a parent who tries to change them (403)', async () => {
      const parent = await test.actAs('TUT');
      const put = await parent.put('/contacts', { contacts: [] });
      expect(put.status).to.equal(403);
      const after = await parent.get('/contacts');
      expect(after.body.contacts).to.have.length(2);
    });

    it('refuses the directeur acting as a teacher (403)', async () => {
      const teacher = await test.actAs('directeur.a1', { profile: 'ENS' });
      expect((await teacher.put('/contacts', { contacts: [] })).status).to.equal(403);
    });

    it('refuses an invalid e-mail with a 400 naming the field', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const put = await directeur.put('/contacts', {
        contacts: [{ name: 'Mairie', email: 'pas-une-adresse' }],
      });
      expect(put.status).to.equal(400);
      expect(put.body.message).to.include('contacts.0.email');
    });

    it('refuses a contact without a name', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      const put = await directeur.put('/contacts', { contacts: [{ name: '  ' }] });
      expect(put.status).to.equal(400);
      expect(put.body.message).to.include('contacts.0.name');
    });

    it('never shows A1’s contacts to another école of the same collectivité', async () => {
      const teacherA2 = await test.actAs('ENS', { ecole: 'a2' });
      const contacts = await teacherA2.get('/contacts');
      expect(contacts.status).to.equal(200);
      expect(contacts.body.contacts).to.deep.equal([]);
    });

    it('answers 404 in an école where the plugin is not enabled', async () => {
      const parentB1 = await test.actAs('TUT', { ecole: 'b1' });
      expect((await parentB1.get('/contacts')).status).to.equal(404);
    });

    it('empties the list when the directeur saves none', async () => {
      const directeur = await test.actAs('directeur.a1', { profile: 'DIR' });
      await directeur.put('/contacts', { contacts: [] });
      try {
        expect((await (await test.actAs('TUT')).get('/contacts')).body.contacts).to.deep.equal([]);
      } finally {
        await directeur.put('/contacts', {
          contacts: [mairie, { name: 'Mme Durand', role: 'Directrice' }],
        });
      }
    });
  });

  describe(`aide: migrations (${engine})`, () => {
    let test: PluginTest;
    before(async () => {
      test = await startPluginTest({ plugin: pluginFolder, engine });
    });
    after(() => test?.close());

    it('go down and up again', async () => {
      await test.migrations.down();
      await test.migrations.up();
      expect((await (await test.actAs('TUT')).get('/contacts')).body.contacts).to.deep.equal([]);
    });
  });
}
