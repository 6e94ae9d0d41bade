import { expect } from 'chai';

import { makeUai } from '../../src/directory/uai.js';
import { DirectoryBuilder } from '../../src/directory/builder.js';
import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { body, countRows } from '../identity/http-helpers.js';

// Names of écoles, classes and people reach e-mail subjects: a CR/LF would cut the header.
for (const engine of testEngines()) {
  describe(`Directory names stay on one line (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const ecolesUrl = () => `/api/admin/collectivites/${core.world.collectivites.a}/ecoles`;
    const classesUrl = () => `/api/admin/ecoles/${core.world.ecoles.a1}/classes`;
    const message = 'ne doit contenir ni retour à la ligne';

    it('refuses an école name with CR/LF, saying so in French, writing nothing', async () => {
      const admin = await core.as('admin.a');
      const before = await countRows(core, 'ecoles');
      const response = await admin.post(ecolesUrl(), {
        uai: makeUai('0350901'),
        name: 'École A\r\nBcc: tous@example.org',
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain(`name : ${message}`);
      expect(await countRows(core, 'ecoles')).to.equal(before);
    });

    it('refuses a commune with a tab or another control character', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.post(ecolesUrl(), {
        uai: makeUai('0350902'),
        name: 'École des Lilas',
        commune: 'Rennes\u0007',
      });
      expect(response.statusCode).to.equal(400);
      expect(body(response).message).to.contain(`commune : ${message}`);
    });

    it('accepts the same école with a one-line name, accents and apostrophes included', async () => {
      const admin = await core.as('admin.a');
      const response = await admin.post(ecolesUrl(), {
        uai: makeUai('0350903'),
        name: 'École élémentaire l’Îlot « Saint-Exupéry »',
        commune: 'Rennes',
      });
      expect(response.statusCode, response.payload).to.equal(201);
    });

    it('refuses a class name with a line break, and accepts it on one line', async () => {
      const admin = await core.as('admin.a');
      const refused = await admin.post(classesUrl(), {
        name: 'CM2\nB',
        levels: ['CM2'],
        schoolYear: '2026-2027',
      });
      expect(refused.statusCode).to.equal(400);
      expect(body(refused).message).to.contain(`name : ${message}`);
      const accepted = await admin.post(classesUrl(), {
        name: 'CM2 B',
        levels: ['CM2'],
        schoolYear: '2026-2027',
      });
      expect(accepted.statusCode, accepted.payload).to.equal(201);
    });

    it('refuses to create a person whose name spans two lines', async () => {
      const build = new DirectoryBuilder(core.preau.ctx.knex, core.clock);
      let error: unknown;
      try {
        await build.person({ firstName: 'Léa\r\nX', lastName: 'Martin' });
      } catch (caught) {
        error = caught;
      }
      expect((error as Error)?.message).to.contain('une seule ligne');
      expect(await build.person({ firstName: 'Léa', lastName: 'Martin' })).to.be.a('number');
    });
  });
}
