import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { ConfigError, loadConfig } from '../../src/config/load.js';

describe('Configuration', () => {
  const emptyDir = () => mkdtempSync(join(tmpdir(), 'preau-config-'));

  it('defaults to SQLite in ./data and port 3000 with nothing configured', () => {
    const cwd = emptyDir();
    const config = loadConfig({ cwd, env: {} });
    expect(config.server.port).to.equal(3000);
    expect(config.database.url).to.equal(`sqlite:${join(cwd, 'data', 'preau.sqlite')}`);
    expect(config.sessions.secureCookie).to.equal(false);
  });

  it('reads preau.config.json, then lets the environment win', () => {
    const cwd = emptyDir();
    writeFileSync(
      join(cwd, 'preau.config.json'),
      JSON.stringify({
        server: { port: 4000 },
        plugins: ['a'],
        branding: { name: 'ENT de Beaulieu' },
      }),
    );
    const config = loadConfig({ cwd, env: { PORT: '5000', PREAU_PLUGINS: 'b, c' } });
    expect(config.server.port).to.equal(5000);
    expect(config.plugins).to.deep.equal(['b', 'c']);
    expect(config.branding.name).to.equal('ENT de Beaulieu');
    expect(config.branding.accentColor).to.match(/^#/);
  });

  it('takes DATABASE_URL for MariaDB', () => {
    const config = loadConfig({
      cwd: emptyDir(),
      env: { DATABASE_URL: 'mysql://u:p@db:3306/preau' },
    });
    expect(config.database.url).to.equal('mysql://u:p@db:3306/preau');
  });

  it('makes the cookie Secure when the public address is https', () => {
    const config = loadConfig({
      cwd: emptyDir(),
      env: { PREAU_PUBLIC_URL: 'https://ent.example.fr' },
    });
    expect(config.sessions.secureCookie).to.equal(true);
  });

  it('refuses an out-of-range port with a message naming the field', () => {
    expect(() => loadConfig({ cwd: emptyDir(), env: { PORT: '70000' } }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('server.port');
  });

  it('refuses a PORT that is not a number', () => {
    expect(() => loadConfig({ cwd: emptyDir(), env: { PORT: 'trois-mille' } })).to.throw(
      ConfigError,
      /PORT doit être un nombre/,
    );
  });

  it('refuses an unknown setting instead of ignoring a typo', () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'preau.config.json'), JSON.stringify({ sesions: {} }));
    expect(() => loadConfig({ cwd, env: {} })).to.throw(ConfigError, /sesions/);
  });

  it('says which file is not valid JSON', () => {
    const cwd = emptyDir();
    writeFileSync(join(cwd, 'preau.config.json'), '{ port: 3000 ');
    expect(() => loadConfig({ cwd, env: {} })).to.throw(
      ConfigError,
      /preau\.config\.json n’est pas du JSON valide/,
    );
  });

  it('refuses a missing file named by PREAU_CONFIG', () => {
    expect(() => loadConfig({ cwd: emptyDir(), env: { PREAU_CONFIG: 'absent.json' } })).to.throw(
      ConfigError,
      /introuvable/,
    );
  });

  it('refuses a password floor below the CNIL minimum', () => {
    expect(() =>
      loadConfig({ cwd: emptyDir(), env: {}, overrides: { passwords: { minEntropyBits: 40 } } }),
    ).to.throw(ConfigError, /passwords\.minEntropyBits/);
  });
});
