import { expect } from 'chai';

import { startTestCore, type TestCore } from '../../src/testing/index.js';

// Headers only, no database behaviour: once, on SQLite.
describe('Security headers on every response', () => {
  let core: TestCore;
  let https: TestCore;
  before(async () => {
    core = await startTestCore();
    https = await startTestCore({ config: { server: { publicUrl: 'https://ent.example.fr' } } });
  });
  after(async () => {
    await core?.close();
    await https?.close();
  });

  const samples = () => [
    core.anonymous().get('/api/health'),
    core.anonymous().get('/api/me'),
    core.anonymous().get('/api/nulle-part'),
    core.anonymous().post('/api/auth/login', {}),
  ];

  it('sends nosniff and Referrer-Policy on answers, errors and 404s alike', async () => {
    for (const response of await Promise.all(samples())) {
      const what = `${response.request.url.pathname} ${response.statusCode}`;
      expect(response.headers['x-content-type-options'], what).to.equal('nosniff');
      expect(response.headers['referrer-policy'], what).to.equal('same-origin');
      expect(response.headers['x-frame-options'], what).to.equal('DENY');
    }
  });

  it('sends no Strict-Transport-Security when Préau is published over plain HTTP', async () => {
    for (const response of await Promise.all(samples())) {
      expect(response.headers['strict-transport-security']).to.equal(undefined);
    }
  });

  it('sends Strict-Transport-Security for a year when the public URL is https', async () => {
    for (const url of ['/api/health', '/api/nulle-part']) {
      const response = await https.anonymous().get(url);
      expect(response.headers['strict-transport-security'], url).to.equal('max-age=31536000');
    }
  });

  it('gives an HTML page without a policy of its own the strict default one', async () => {
    // As a plugin or a future core page would answer: HTML built by hand, no policy.
    core.preau.server.route({
      method: 'GET',
      path: '/essai/page-html',
      options: { auth: false },
      handler: (_request, h) => h.response('<p>Bonjour</p>').type('text/html; charset=utf-8'),
    });
    const page = await core.anonymous().get('/essai/page-html');
    expect(page.headers['content-security-policy']).to.equal(
      "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it('keeps the policy a page chose (the portal’s, with its import map)', async () => {
    const page = await core.anonymous().get('/connexion');
    if (page.statusCode === 503) return; // No browser build here: nothing of its own to keep.
    expect(String(page.headers['content-security-policy'])).to.contain(
      "script-src 'self' 'sha256-",
    );
  });
});
