import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { fixturePlugin } from './fixtures.js';

for (const engine of testEngines()) {
  describe(`Plugin route guard (${engine})`, () => {
    let core: TestCore;
    const enable = async (ecoleId: number) => {
      const admin = await core.as('admin.plateforme');
      const response = await admin.put(`/api/admin/ecoles/${ecoleId}/plugins/carnet-essai`);
      expect(response.statusCode).to.equal(200);
    };
    const message = (response: { payload: string }) =>
      (JSON.parse(response.payload) as { message: string }).message;
    const countNotes = async () =>
      Number((await core.preau.ctx.knex('carnet_essai_notes').count({ n: '*' }).first())?.n);

    before(async () => {
      core = await startTestCore({ engine, plugins: [fixturePlugin('carnet-essai')] });
      await enable(core.world.ecoles.a2);
    });
    after(() => core?.close());

    describe('while the plugin is enabled for École A2 only', () => {
      it('answers 404 to a teacher of École A1, saying the service is not enabled', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const response = await teacher.get('/api/plugins/carnet-essai/notes');
        expect(response.statusCode).to.equal(404);
        expect(message(response)).to.equal('Ce service n’est pas activé pour votre école.');
      });

      it('answers 404 to a teacher of École B1, another collectivité', async () => {
        const teacher = await core.as('enseignant.b1');
        expect((await teacher.get('/api/plugins/carnet-essai/notes')).statusCode).to.equal(404);
      });

      it('answers 404 rather than 400 to a malformed payload from an école without it', async () => {
        const teacher = await core.as('enseignant.b1');
        const response = await teacher.post('/api/plugins/carnet-essai/notes', { texte: 42 });
        expect(response.statusCode).to.equal(404);
      });

      it('answers 200 to the teacher of École A2', async () => {
        const teacher = await core.as('enseignant.a2');
        expect((await teacher.get('/api/plugins/carnet-essai/notes')).statusCode).to.equal(200);
      });
    });

    describe('once enabled for École A1 too', () => {
      before(() => enable(core.world.ecoles.a1));

      it('answers 200 to the teacher of École A1', async () => {
        const teacher = await core.as('enseignant.cm1a');
        expect((await teacher.get('/api/plugins/carnet-essai/notes')).statusCode).to.equal(200);
      });

      it('answers 401 to an anonymous caller on a session route', async () => {
        const response = await core.anonymous().get('/api/plugins/carnet-essai/notes');
        expect(response.statusCode).to.equal(401);
      });

      it('answers an anonymous caller on a public route, telling the plugin nobody is there', async () => {
        const response = await core.anonymous().get('/api/plugins/carnet-essai/horaires');
        expect(response.statusCode).to.equal(200);
        expect(JSON.parse(response.payload)).to.deep.equal({ ouverture: '07:30', connecte: false });
      });

      it('tells a public route who calls when they have a session where the plugin is on', async () => {
        const parent = await core.as('parent.a1');
        const response = await parent.get('/api/plugins/carnet-essai/horaires');
        expect(JSON.parse(response.payload)).to.deep.equal({ ouverture: '07:30', connecte: true });
      });

      it('answers 403 to a pupil on a route reserved to teachers, naming the right', async () => {
        const pupil = await core.as('eleve.cm1a');
        const response = await pupil.post('/api/plugins/carnet-essai/notes', { texte: 'Coucou' });
        expect(response.statusCode).to.equal(403);
        expect(message(response)).to.contain('« Écrire des notes »');
      });

      it('lets a pupil use a route whose permission pupils hold', async () => {
        const pupil = await core.as('eleve.cm1a');
        expect((await pupil.get('/api/plugins/carnet-essai/notes')).statusCode).to.equal(200);
      });

      it('answers 400 naming the field to a malformed payload, and writes nothing', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const before = await countNotes();
        const response = await teacher.post('/api/plugins/carnet-essai/notes', { texte: '' });
        expect(response.statusCode).to.equal(400);
        expect(message(response)).to.contain('texte');
        expect(await countNotes()).to.equal(before);
      });

      it('answers 400 to an unexpected field, naming it', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const response = await teacher.post('/api/plugins/carnet-essai/notes', {
          texte: 'Bonjour',
          auteur: 3,
        });
        expect(response.statusCode).to.equal(400);
        expect(message(response)).to.contain('auteur');
      });

      it('sends the status, body and headers a handler chose with respond()', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const response = await teacher.post('/api/plugins/carnet-essai/notes', { texte: 'Sortie' });
        expect(response.statusCode).to.equal(201);
        const { id } = JSON.parse(response.payload) as { id: number };
        expect(response.headers.location).to.equal(`/api/plugins/carnet-essai/notes/${id}`);
      });

      it('sends a plain object with status and body fields as a 200 body', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const response = await teacher.get('/api/plugins/carnet-essai/message');
        expect(response.statusCode).to.equal(200);
        expect(JSON.parse(response.payload)).to.deep.equal({ status: 3, body: 'Bonjour' });
      });

      it('answers 204 when the handler returns nothing', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const created = await teacher.post('/api/plugins/carnet-essai/notes', {
          texte: 'À effacer',
        });
        const { id } = JSON.parse(created.payload) as { id: number };
        const response = await teacher.delete(`/api/plugins/carnet-essai/notes/${id}`);
        expect(response.statusCode).to.equal(204);
      });

      it('turns an HttpError into its status and message', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const response = await teacher.get('/api/plugins/carnet-essai/conflit');
        expect(response.statusCode).to.equal(409);
        expect(message(response)).to.equal('Ce carnet est déjà clos.');
      });

      it('turns any other error into a 500 that shows nothing of it', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const response = await teacher.get('/api/plugins/carnet-essai/panne');
        expect(response.statusCode).to.equal(500);
        expect(response.payload).not.to.contain('table_secrete');
      });

      it('hands the handler the person, their école and their language', async () => {
        const teacher = await core.as('enseignant.cm1a');
        const response = await core.inject({
          method: 'GET',
          url: '/api/plugins/carnet-essai/moi',
          headers: {
            cookie: `${core.preau.ctx.config.sessions.cookieName}=${teacher.cookie}`,
            'accept-language': 'de-DE, en-GB;q=0.8, fr;q=0.5',
          },
        });
        expect(JSON.parse(response.payload)).to.deep.equal({
          user: {
            personId: core.world.people['enseignant.cm1a'],
            ecoleId: core.world.ecoles.a1,
            profile: 'ENS',
          },
          ecole: {
            id: core.world.ecoles.a1,
            uai: '0350101' + (await uaiLetter(core, core.world.ecoles.a1)),
            name: 'École A1',
            collectiviteId: core.world.collectivites.a,
          },
          locale: 'en',
        });
      });

      it('never shows one école the rows another école wrote', async () => {
        const inA1 = await core.as('enseignant.cm1a');
        const inA2 = await core.as('enseignant.a2');
        await inA1.post('/api/plugins/carnet-essai/notes', { texte: 'Note de A1' });
        await inA2.post('/api/plugins/carnet-essai/notes', { texte: 'Note de A2' });
        const seen = JSON.parse((await inA2.get('/api/plugins/carnet-essai/notes')).payload) as {
          notes: Array<{ texte: string }>;
        };
        expect(seen.notes.map((note) => note.texte)).to.include('Note de A2');
        expect(seen.notes.map((note) => note.texte)).not.to.include('Note de A1');
      });

      it('does not let one école delete a row of another', async () => {
        const inA1 = await core.as('enseignant.cm1a');
        const inA2 = await core.as('enseignant.a2');
        const created = await inA1.post('/api/plugins/carnet-essai/notes', { texte: 'À garder' });
        const { id } = JSON.parse(created.payload) as { id: number };
        const response = await inA2.delete(`/api/plugins/carnet-essai/notes/${id}`);
        expect(response.statusCode).to.equal(404);
        const row = await core.preau.ctx.knex('carnet_essai_notes').where({ id }).first();
        expect(row).to.not.equal(undefined);
      });
    });

    describe('widget data', () => {
      before(() => enable(core.world.ecoles.a1));

      it('serves a widget’s data to someone holding its permission', async () => {
        const parent = await core.as('parent.a1');
        const response = await parent.get('/api/plugins/carnet-essai/widgets/dernieres-notes/data');
        expect(response.statusCode).to.equal(200);
        expect(JSON.parse(response.payload)).to.have.property('nombre').that.is.a('number');
      });

      it('answers 403 to someone without the widget’s permission', async () => {
        const atsem = await core.as('atsem.a1');
        const response = await atsem.get('/api/plugins/carnet-essai/widgets/dernieres-notes/data');
        expect(response.statusCode).to.equal(403);
      });

      it('answers 404 in an école where the plugin is not enabled', async () => {
        const parent = await core.as('parent.b1');
        const response = await parent.get('/api/plugins/carnet-essai/widgets/dernieres-notes/data');
        expect(response.statusCode).to.equal(404);
      });

      it('gives the dashboard the same data through loadWidgetData, checked the same way', async () => {
        const { a1, b1 } = core.world.ecoles;
        const plugins = core.preau.services.plugins;
        const ecoleA1 = { id: a1, uai: 'x', name: 'École A1', collectiviteId: 1 };
        const parentA1 = {
          personId: core.world.people['parent.a1'],
          ecoleId: a1,
          profile: 'TUT' as const,
        };
        const data = await plugins.loadWidgetData(
          'carnet-essai',
          'dernieres-notes',
          parentA1,
          ecoleA1,
        );
        expect(data).to.have.property('nombre');
        const parentB1 = {
          personId: core.world.people['parent.b1'],
          ecoleId: b1,
          profile: 'TUT' as const,
        };
        const ecoleB1 = { ...ecoleA1, id: b1 };
        const refused = await plugins
          .loadWidgetData('carnet-essai', 'dernieres-notes', parentB1, ecoleB1)
          .catch((error: { output?: { statusCode: number } }) => error.output?.statusCode);
        expect(refused).to.equal(404);
      });
    });
  });
}

async function uaiLetter(core: TestCore, ecoleId: number): Promise<string> {
  const row = await core.preau.ctx.knex('ecoles').where({ id: ecoleId }).first('uai');
  return String(row.uai).slice(7);
}
