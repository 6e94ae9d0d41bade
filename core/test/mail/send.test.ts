import { expect } from 'chai';

import { startTestCore, testEngines, type TestCore } from '../../src/testing/index.js';
import { COURRIER_PLUGIN, courrier, enableCourrier } from './courrier.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

for (const engine of testEngines()) {
  describe(`ctx.mail.send through SMTP (${engine})`, () => {
    let sink: SmtpSink;
    let core: TestCore;

    before(async () => {
      sink = await startSmtpSink(['enseignant.ce1@example.test']);
      core = await startTestCore({
        engine,
        plugins: [COURRIER_PLUGIN],
        config: { mail: { smtpUrl: sink.url } },
      });
      await enableCourrier(core, core.world.ecoles.a1);
    });
    after(async () => {
      await core?.close();
      await sink?.close();
    });
    beforeEach(() => {
      sink.received.length = 0;
    });

    const message = (login: keyof TestCore['world']['people'], ecole: 'a1' | 'a2' | 'b1') => ({
      ecoleId: core.world.ecoles[ecole],
      toPersonId: core.world.people[login],
      subject: 'Préau : 2 nouveautés à l’école A1',
      text: 'Bonjour,\nLe menu de la semaine est en ligne.',
    });

    it('delivers to a parent, from the platform, with subject, bodies and extra headers', async () => {
      const outcome = await courrier(core).send({
        ...message('parent.a1', 'a1'),
        html: '<p>Bonjour,</p><p>Le menu de la semaine est en ligne.</p>',
        headers: { 'List-Unsubscribe': '<http://localhost/preferences>' },
      });

      expect(outcome).to.deep.equal({ sent: true });
      expect(sink.received).to.have.length(1);
      const [{ rcptTo, mail }] = sink.received as [SmtpSink['received'][number]];
      expect(rcptTo).to.deep.equal(['parent.a1@example.test']);
      expect(mail.from?.value).to.deep.equal([
        { address: 'ne-pas-repondre@localhost', name: 'Préau' },
      ]);
      expect(mail.subject).to.equal('Préau : 2 nouveautés à l’école A1');
      expect(mail.text?.trim()).to.equal('Bonjour,\nLe menu de la semaine est en ligne.');
      expect(mail.html).to.contain('<p>Le menu de la semaine est en ligne.</p>');
      const unsubscribe = mail.headerLines.find((line) => line.key === 'list-unsubscribe');
      expect(unsubscribe?.line).to.equal('List-Unsubscribe: <http://localhost/preferences>');
      expect(core.mails.at(-1)).to.deep.include({
        to: 'parent.a1@example.test',
        subject: 'Préau : 2 nouveautés à l’école A1',
      });
    });

    it('gives the plugin the public address to build links with', () => {
      expect(courrier(core).publicUrl).to.equal('http://localhost');
    });

    it('refuses a pupil, even one with an address on file, and sends nothing', async () => {
      const address = await core.preau.ctx
        .knex('people')
        .where('id', core.world.people['eleve.cm1a'])
        .first('email');
      expect(address.email).to.equal('eleve.cm1a@example.test');

      const outcome = await courrier(core).send(message('eleve.cm1a', 'a1'));

      expect(outcome).to.deep.equal({ sent: false, reason: 'pupil' });
      expect(sink.received).to.be.empty;
      expect(core.mails.map((sent) => sent.to)).not.to.include('eleve.cm1a@example.test');
    });

    it('refuses someone who is not a member of the école, and sends nothing', async () => {
      const outcome = await courrier(core).send({
        ...message('parent.b1', 'b1'),
        ecoleId: core.world.ecoles.a1,
      });

      expect(outcome).to.deep.equal({ sent: false, reason: 'not-member' });
      expect(sink.received).to.be.empty;
    });

    it('refuses a person without an address, and sends nothing', async () => {
      const atsem = core.world.people['atsem.a1'];
      await core.preau.ctx.knex('people').where('id', atsem).update({ email: null });
      try {
        const outcome = await courrier(core).send(message('atsem.a1', 'a1'));

        expect(outcome).to.deep.equal({ sent: false, reason: 'no-address' });
        expect(sink.received).to.be.empty;
      } finally {
        await core.preau.ctx
          .knex('people')
          .where('id', atsem)
          .update({ email: 'atsem.a1@example.test' });
      }
    });

    for (const [state, change] of [
      ['was never activated', { activated_at: null }],
      ['is blocked', { blocked_at: 1_790_000_000_000 }],
    ] as const) {
      it(`refuses a person whose account ${state}: they do not use Préau`, async () => {
        const parent = core.world.people['parent2.a1'];
        const accounts = () => core.preau.ctx.knex('accounts').where('person_id', parent);
        const before = await accounts().first('activated_at', 'blocked_at');
        await accounts().update(change);
        try {
          const outcome = await courrier(core).send(message('parent2.a1', 'a1'));

          expect(outcome).to.deep.equal({ sent: false, reason: 'inactive-account' });
          expect(sink.received).to.be.empty;
        } finally {
          await accounts().update(before);
        }
      });
    }

    it('refuses to write for a plugin the école has not enabled', async () => {
      const outcome = await courrier(core).send(message('enseignant.a2', 'a2'));

      expect(outcome).to.deep.equal({ sent: false, reason: 'plugin-disabled' });
      expect(sink.received).to.be.empty;
    });

    for (const header of ['Bcc', 'to', 'Reply-To', 'Sender', 'Subject']) {
      it(`refuses an extra ${header} header: only core chooses who and what`, async () => {
        const sending = courrier(core).send({
          ...message('parent.a1', 'a1'),
          headers: { [header]: 'quelquun@example.test' },
        });

        await expectRejection(sending, `l’en-tête « ${header} » est réservé`);
        expect(sink.received).to.be.empty;
      });
    }

    it('refuses a header value that would start another header', async () => {
      const sending = courrier(core).send({
        ...message('parent.a1', 'a1'),
        headers: { 'X-Note': 'ok\r\nBcc: quelquun@example.test' },
      });

      await expectRejection(sending, 'doit tenir sur une ligne');
      expect(sink.received).to.be.empty;
    });

    it('refuses an empty subject, a subject over 250 characters or on two lines', async () => {
      const base = message('parent.a1', 'a1');
      await expectRejection(courrier(core).send({ ...base, subject: '  ' }), 'le sujet');
      await expectRejection(
        courrier(core).send({ ...base, subject: 'x'.repeat(251) }),
        'dépasse 250 caractères',
      );
      await expectRejection(
        courrier(core).send({ ...base, subject: 'Ligne 1\nLigne 2' }),
        'tient sur une ligne',
      );
      expect(sink.received).to.be.empty;
    });

    it('refuses an empty text', async () => {
      await expectRejection(
        courrier(core).send({ ...message('parent.a1', 'a1'), text: '' }),
        'le texte (text) est vide',
      );
    });

    it('rejects when the SMTP server refuses the message, so that the caller can retry', async () => {
      await expectRejection(courrier(core).send(message('enseignant.ce1', 'a1')), 'pleine');
    });
  });
}

async function expectRejection(promise: Promise<unknown>, fragment: string): Promise<void> {
  let failure: unknown;
  try {
    await promise;
  } catch (error) {
    failure = error;
  }
  expect(failure, 'la promesse aurait dû être rejetée').to.be.instanceOf(Error);
  expect((failure as Error).message).to.contain(fragment);
}
