import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'chai';
import { simpleParser } from 'mailparser';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { COURRIER_PLUGIN, courrier, enableCourrier } from './courrier.js';

for (const engine of testEngines()) {
  describe(`ctx.mail.send without an SMTP server (${engine})`, () => {
    let core: TestCore;

    before(async () => {
      core = await startTestCore({ engine, plugins: [COURRIER_PLUGIN] });
      await enableCourrier(core, core.world.ecoles.a1);
    });
    after(() => core?.close());

    it('writes the message as an .eml file in <dataDir>/outbox', async () => {
      expect(core.preau.ctx.config.mail.smtpUrl).to.equal(null);

      const outcome = await courrier(core).send({
        ecoleId: core.world.ecoles.a1,
        toPersonId: core.world.people['enseignant.cm1a'],
        subject: 'Réunion de rentrée',
        text: 'Jeudi à 17 h, salle polyvalente.',
      });

      expect(outcome).to.deep.equal({ sent: true });
      const outbox = join(core.dataDir, 'outbox');
      const files = readdirSync(outbox);
      expect(files).to.have.length(1);
      expect(files[0]).to.match(/^2026-09-01T08-00-00-000Z-[0-9a-f]{8}\.eml$/);
      const mail = await simpleParser(readFileSync(join(outbox, files[0] as string)));
      expect(mail.subject).to.equal('Réunion de rentrée');
      expect(mail.text?.trim()).to.equal('Jeudi à 17 h, salle polyvalente.');
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      expect(to?.value[0]?.address).to.equal('enseignant.cm1a@example.test');
    });

    it('writes nothing for a refused recipient', async () => {
      const outbox = join(core.dataDir, 'outbox');
      const before = readdirSync(outbox).length;

      const outcome = await courrier(core).send({
        ecoleId: core.world.ecoles.a1,
        toPersonId: core.world.people['eleve.cm1a'],
        subject: 'Réunion de rentrée',
        text: 'Jeudi à 17 h.',
      });

      expect(outcome).to.deep.equal({ sent: false, reason: 'pupil' });
      expect(readdirSync(outbox)).to.have.length(before);
    });
  });
}
