import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';

describe('GET /api/portal', () => {
  let core: TestCore;
  before(async () => {
    core = await startTestCore({
      config: {
        branding: { name: 'ENT de Beaulieu', accentColor: '#aa3300', logoUrl: '/logo.svg' },
      },
    });
  });
  after(() => core?.close());

  it('gives the configured branding and the themes and languages offered, without a session', async () => {
    const response = await core.anonymous().get('/api/portal');
    expect(response.statusCode).to.equal(200);
    expect(JSON.parse(response.payload)).to.deep.equal({
      name: 'ENT de Beaulieu',
      accentColor: '#aa3300',
      logoUrl: '/logo.svg',
      locales: ['fr', 'en'],
      themes: [
        { id: 'default', label: { fr: 'Standard', en: 'Standard' } },
        { id: 'contraste', label: { fr: 'Contraste élevé', en: 'High contrast' } },
      ],
    });
  });
});

for (const engine of testEngines()) {
  describe(`My preferences at /api/me/preferences (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const rowsOf = (personId: number) =>
      core.preau.ctx.knex('person_preferences').where({ person_id: personId });

    it('gives the defaults to someone who never chose', async () => {
      const response = await (await core.as('eleve.cm1a')).get('/api/me/preferences');
      expect(response.statusCode).to.equal(200);
      expect(JSON.parse(response.payload)).to.deep.equal({ theme: 'default', locale: 'fr' });
    });

    it('keeps a change and gives it back', async () => {
      const parent = await core.as('parent.a1');
      const put = await parent.put('/api/me/preferences', { theme: 'contraste', locale: 'en' });
      expect(put.statusCode).to.equal(200);
      expect(JSON.parse(put.payload)).to.deep.equal({ theme: 'contraste', locale: 'en' });
      const got = await parent.get('/api/me/preferences');
      expect(JSON.parse(got.payload)).to.deep.equal({ theme: 'contraste', locale: 'en' });
    });

    it('changes one preference and keeps the other', async () => {
      const teacher = await core.as('enseignant.cm1a');
      await teacher.put('/api/me/preferences', { theme: 'contraste' });
      const put = await teacher.put('/api/me/preferences', { locale: 'en' });
      expect(JSON.parse(put.payload)).to.deep.equal({ theme: 'contraste', locale: 'en' });
      expect(await rowsOf(teacher.personId)).to.have.length(1);
    });

    it('keeps each person’s preferences apart', async () => {
      await (await core.as('enseignant.ce1')).put('/api/me/preferences', { locale: 'en' });
      const other = await (await core.as('eleve.ce1')).get('/api/me/preferences');
      expect(JSON.parse(other.payload)).to.deep.equal({ theme: 'default', locale: 'fr' });
    });

    it('refuses an unknown theme with a 400 naming the field, and writes nothing', async () => {
      const pupil = await core.as('eleve2.cm1a');
      const response = await pupil.put('/api/me/preferences', { theme: 'sombre', locale: 'fr' });
      expect(response.statusCode).to.equal(400);
      const message = JSON.parse(response.payload).message as string;
      expect(message).to.contain('theme');
      expect(message).to.contain('contraste');
      expect(await rowsOf(pupil.personId)).to.have.length(0);
    });

    it('refuses an unknown language or field, and an empty change', async () => {
      const director = await core.as('directeur.a1');
      for (const payload of [{ locale: 'de' }, { couleur: 'rouge' }, {}]) {
        const response = await director.put('/api/me/preferences', payload);
        expect(response.statusCode, JSON.stringify(payload)).to.equal(400);
      }
      expect(await rowsOf(director.personId)).to.have.length(0);
    });

    it('answers 401 to someone not logged in', async () => {
      const anonymous = core.anonymous();
      expect((await anonymous.get('/api/me/preferences')).statusCode).to.equal(401);
      const put = await anonymous.put('/api/me/preferences', { theme: 'contraste' });
      expect(put.statusCode).to.equal(401);
    });
  });
}
