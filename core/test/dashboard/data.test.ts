import { expect } from 'chai';

import { makeUai } from '../../src/directory/uai.js';
import { testEngines, type TestCore } from '../../src/testing/index.js';
import { body, startDashboardCore, W } from './setup.js';

type Results = Record<string, { status: string; data?: unknown; message?: string }>;

for (const engine of testEngines()) {
  describe(`Tableau de bord : données des widgets (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startDashboardCore(engine);
    });
    after(() => core?.close());

    async function dataOf(login: string, query = ''): Promise<Results> {
      const response = await (await core.as(login)).get(`/api/dashboard/data${query}`);
      expect(response.statusCode).to.equal(200);
      return body(response).widgets as Results;
    }

    it('loads the data of every widget on my dashboard, for me and my école', async () => {
      const results = await dataOf('eleve.cm1a');
      expect(Object.keys(results)).to.deep.equal([W.resume]);
      expect(results[W.resume]).to.deep.equal({
        status: 'ok',
        data: {
          bonjour: 'ELV',
          personId: core.world.people['eleve.cm1a'],
          uai: makeUai('0350101'),
        },
      });
    });

    it('gives a failing widget an error in French, without its internals', async () => {
      const results = await dataOf('parent.a1');
      expect(results[W.panne]?.status).to.equal('erreur');
      expect(results[W.panne]?.message).to.contain('« En panne »').and.not.to.contain('SELECT');
    });

    it('gives a widget slower than the timeout its own status', async () => {
      const results = await dataOf('parent.a1');
      expect(results[W.lent]).to.deep.include({ status: 'délai-dépassé' });
      expect(results[W.lent]?.message).to.contain('« Très lent »');
    });

    it('still delivers the other widgets’ data beside a failing and a slow one', async () => {
      const results = await dataOf('parent.a1');
      expect(Object.keys(results)).to.deep.equal([W.resume, W.panne, W.lent]);
      expect(results[W.resume]).to.deep.include({ status: 'ok' });
    });

    it('loads only the widgets asked for', async () => {
      const results = await dataOf('parent.a1', `?widgets=${W.grand},${W.resume}`);
      expect(Object.keys(results)).to.deep.equal([W.grand, W.resume]);
      expect(results[W.grand]).to.deep.equal({ status: 'ok', data: { grand: true } });
    });

    it('follows my own layout once I have one', async () => {
      const client = await core.as('enseignant.ce1');
      await client.put('/api/dashboard/layout', { widgets: [{ widget: W.classe, w: 1, h: 1 }] });
      const response = await client.get('/api/dashboard/data');
      expect(body(response).widgets).to.deep.equal({
        [W.classe]: { status: 'ok', data: { classe: 'ENS' } },
      });
    });

    it('gives a widget without a data loader no data, and no error', async () => {
      const results = await dataOf('enseignant.a2', `?widgets=${W.liens},${W.secret}`);
      expect(results).to.deep.equal({
        [W.liens]: { status: 'ok', data: null },
        [W.secret]: { status: 'ok', data: { secret: makeUai('0350102') } },
      });
    });

    it('refuses a widget whose permission I lack', async () => {
      const response = await (
        await core.as('eleve.cm1a')
      ).get(`/api/dashboard/data?widgets=${W.classe}`);
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain(W.classe);
    });

    it('refuses a malformed widget list, naming the parameter', async () => {
      const response = await (await core.as('eleve.cm1a')).get('/api/dashboard/data?widgets=x');
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain('widgets');
    });
  });
}
