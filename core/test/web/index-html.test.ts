import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

import { startTestCore, type TestCore } from '../../src/testing/index.js';

/** The shared specifiers, read the way the rollup build reads them. */
const SHARED = [
  ...readFileSync(
    fileURLToPath(new URL('../../../web/vendor/shared-modules.ts', import.meta.url)),
    'utf8',
  ).matchAll(/^\s+'([^']+)',$/gm),
].map((match) => match[1]);

const importMapOf = (html: string): string =>
  /<script type="importmap">([^<]*)<\/script>/.exec(html)?.[1] ?? '';

// Static: no database involved beyond start, so once, on SQLite.
describe('index.html on the portal’s page paths', () => {
  let core: TestCore;
  let html: string;
  before(async () => {
    core = await startTestCore({
      config: {
        branding: { name: 'Écoles de Beaulieu & Cie', accentColor: '#aa3300', logoUrl: null },
      },
    });
    const response = await core.anonymous().get('/');
    expect(response.statusCode).to.equal(200);
    html = response.payload;
  });
  after(() => core?.close());

  it('is a French HTML page, served without a session', async () => {
    const response = await core.anonymous().get('/');
    expect(response.headers['content-type']).to.equal('text/html; charset=utf-8');
    expect(html).to.match(/^<!doctype html>\n<html lang="fr">/);
    expect(html).to.contain('<meta charset="utf-8">');
    expect(html).to.contain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).to.contain('<preau-app></preau-app>');
    expect(html).to.match(/<noscript>[^<]*JavaScript[^<]*<\/noscript>/);
  });

  it('takes its title from the configured branding, escaped', () => {
    expect(html).to.contain('<title>Écoles de Beaulieu &#38; Cie</title>');
  });

  it('maps every shared specifier to a served vendor file in its import map', async () => {
    const imports = (JSON.parse(importMapOf(html)) as { imports: Record<string, string> }).imports;
    expect(SHARED).to.have.length.greaterThan(5);
    expect(Object.keys(imports)).to.have.members(SHARED);
    for (const url of Object.values(imports)) {
      expect(url).to.match(/^\/assets\/vendor\/[\w.-]+\.js$/);
      expect((await core.anonymous().get(url)).statusCode, url).to.equal(200);
    }
  });

  it('places the import map before any module script or preload', () => {
    const map = html.indexOf('<script type="importmap">');
    expect(map).to.be.greaterThan(0);
    expect(html.indexOf('modulepreload')).to.be.greaterThan(map);
    expect(html.indexOf('<script type="module"')).to.be.greaterThan(map);
  });

  it('loads the shell and preloads it with Lit', async () => {
    const shell = /<script type="module" src="(\/assets\/shell\/shell-[\w-]+\.js)"><\/script>/.exec(
      html,
    )?.[1];
    expect(shell).to.be.a('string');
    expect((await core.anonymous().get(String(shell))).statusCode).to.equal(200);
    const imports = (JSON.parse(importMapOf(html)) as { imports: Record<string, string> }).imports;
    expect(html).to.contain(`<link rel="modulepreload" href="${shell}">`);
    expect(html).to.contain(`<link rel="modulepreload" href="${imports.lit}">`);
  });

  it('links the default theme’s tokens with the id the shell swaps', () => {
    expect(html).to.contain(
      '<link id="preau-theme" rel="stylesheet" href="/themes/default/tokens.css">',
    );
  });

  it('allows scripts from this origin and the import map by its hash only', async () => {
    const response = await core.anonymous().get('/');
    const hash = createHash('sha256').update(importMapOf(html)).digest('base64');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).to.contain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp).to.contain("default-src 'self'");
    expect(csp).to.contain("object-src 'none'");
    expect(csp).to.contain("frame-ancestors 'none'");
    expect(csp).not.to.contain('unsafe-eval');
  });

  it('asks browsers to revalidate it each time, and answers 304 when unchanged', async () => {
    const response = await core.anonymous().get('/');
    expect(response.headers['cache-control']).to.equal('no-cache');
    const etag = String(response.headers.etag);
    const again = await core.inject({ url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).to.equal(304);
  });

  it('is the answer of every page path, with or without a query string', async () => {
    for (const path of [
      '/connexion',
      '/connexion?retour=%2Fapplis',
      '/applis',
      '/preferences',
      '/apps',
      '/apps/menu-cantine',
      '/apps/menu-cantine/menus/2026-11-30',
    ]) {
      const response = await core.anonymous().get(path);
      expect(response.statusCode, path).to.equal(200);
      expect(response.payload, path).to.equal(html);
    }
  });

  it('leaves unknown API paths a JSON 404', async () => {
    const response = await core.anonymous().get('/api/nope');
    expect(response.statusCode).to.equal(404);
    expect(response.headers['content-type']).to.contain('application/json');
    expect(JSON.parse(response.payload).message).to.be.a('string');
  });

  it('does not answer paths that are not pages', async () => {
    for (const path of ['/nimporte-quoi', '/applis/x', '/index.html']) {
      expect((await core.anonymous().get(path)).statusCode, path).to.equal(404);
    }
  });
});
