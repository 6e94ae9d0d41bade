import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect } from 'chai';

import { ConfigError, loadConfig } from '../../src/config/load.js';

describe('Configuration of e-mail', () => {
  const cwd = () => mkdtempSync(join(tmpdir(), 'preau-config-mail-'));

  it('has no SMTP server by default, and a no-reply sender on localhost', () => {
    const config = loadConfig({ cwd: cwd(), env: {} });
    expect(config.mail).to.deep.equal({
      smtpUrl: null,
      from: 'Préau <ne-pas-repondre@localhost>',
    });
  });

  it('derives the sender’s domain from the public address', () => {
    const config = loadConfig({ cwd: cwd(), env: { PREAU_PUBLIC_URL: 'https://ent.example.fr' } });
    expect(config.mail.from).to.equal('Préau <ne-pas-repondre@ent.example.fr>');
  });

  it('takes PREAU_SMTP_URL and PREAU_MAIL_FROM from the environment', () => {
    const config = loadConfig({
      cwd: cwd(),
      env: {
        PREAU_SMTP_URL: 'smtps://ent:secret@smtp.example.fr:465',
        PREAU_MAIL_FROM: 'ENT de Beaulieu <ent@beaulieu.fr>',
      },
    });
    expect(config.mail).to.deep.equal({
      smtpUrl: 'smtps://ent:secret@smtp.example.fr:465',
      from: 'ENT de Beaulieu <ent@beaulieu.fr>',
    });
  });

  it('reads an empty PREAU_SMTP_URL as « no SMTP server », over the file', () => {
    const folder = cwd();
    writeFileSync(
      join(folder, 'preau.config.json'),
      JSON.stringify({ mail: { smtpUrl: 'smtp://smtp.example.fr' } }),
    );
    expect(loadConfig({ cwd: folder, env: {} }).mail.smtpUrl).to.equal('smtp://smtp.example.fr');
    expect(loadConfig({ cwd: folder, env: { PREAU_SMTP_URL: '' } }).mail.smtpUrl).to.equal(null);
  });

  it('refuses an SMTP address that is not smtp:// or smtps://, naming the field', () => {
    expect(() => loadConfig({ cwd: cwd(), env: { PREAU_SMTP_URL: 'http://smtp.example.fr' } }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('mail.smtpUrl');
  });

  it('refuses a sender without an address', () => {
    expect(() => loadConfig({ cwd: cwd(), env: { PREAU_MAIL_FROM: 'Préau' } }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.contains('mail.from');
  });
});
