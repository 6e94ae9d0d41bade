import { expect } from 'chai';

import { DEMO_PASSWORD } from '../../src/seed/demo-accounts.js';
import { passwordStrength } from '../../src/identity/password-strength.js';
import {
  FIXTURE_PASSWORD,
  startTestCore,
  testEngines,
  type TestCore,
} from '../../src/testing/index.js';
import { body, postLogin, sessionCookie, withCookie } from './http-helpers.js';

// Long enough for the CNIL estimate (≥ 50 bits) yet guessed in seconds.
const GUESSABLE = ['aaaaaaaaaaaaaaaaaaaaaaaa', '1234567890123456', 'motdepassemotdepasse'];
const PASSPHRASE = 'cheval agrafe nuage tilleul';

describe('Password strength (zxcvbn-ts)', () => {
  it('scores repeats, sequences and repeated words low, with French advice', async () => {
    for (const password of GUESSABLE) {
      const strength = await passwordStrength(password, []);
      expect(strength.score, password).to.be.below(3);
      expect(strength.feedback.join(' '), password).to.match(/mots|caractères|mot de passe/);
    }
  });

  it('scores a passphrase of unrelated words, and the demo password, at 4', async () => {
    expect((await passwordStrength(PASSPHRASE, [])).score).to.equal(4);
    expect((await passwordStrength(DEMO_PASSWORD, [])).score).to.equal(4);
  });
});

for (const engine of testEngines()) {
  describe(`Password change and strength (${engine})`, () => {
    let core: TestCore;
    before(async () => {
      core = await startTestCore({ engine });
    });
    after(() => core?.close());

    const logIn = async (login: string) =>
      sessionCookie(core, await postLogin(core, login, FIXTURE_PASSWORD)) as string;
    const change = (cookie: string, currentPassword: string, newPassword: string) =>
      withCookie(core, cookie, 'POST', '/api/me/password', { currentPassword, newPassword });

    for (const weak of GUESSABLE) {
      it(`refuses « ${weak} » for an adult with 400, saying what to do, changing nothing`, async () => {
        const cookie = await logIn('parent.a1');
        const response = await change(cookie, FIXTURE_PASSWORD, weak);
        expect(response.statusCode).to.equal(400);
        expect(body(response).message).to.contain('Ce mot de passe serait trop vite deviné');
        expect((await postLogin(core, 'parent.a1', weak)).statusCode).to.equal(401);
      });
    }

    it('accepts a passphrase for an adult, which then logs in', async () => {
      const cookie = await logIn('parent2.a1');
      expect((await change(cookie, FIXTURE_PASSWORD, PASSPHRASE)).statusCode).to.equal(204);
      expect((await postLogin(core, 'parent2.a1', PASSPHRASE)).statusCode).to.equal(200);
    });

    it('refuses the current password as the new one', async () => {
      const cookie = await logIn('atsem.a1');
      const response = await change(cookie, FIXTURE_PASSWORD, FIXTURE_PASSWORD);
      expect(response.statusCode).to.equal(400);
      expect(body<{ reasons: string[] }>(response).reasons).to.deep.equal([
        'Choisissez un mot de passe différent de l’actuel.',
      ]);
    });

    it('holds an administrator to a score of 4, where an adult needs 3', async () => {
      // Scores 3: enough for a teacher, not for an administrator.
      const three = 'Tilleuls-Beaulieu';
      const strength = await passwordStrength(three, []);
      expect(strength.score).to.equal(3);
      const admin = await change(await logIn('admin.b'), FIXTURE_PASSWORD, three);
      expect(admin.statusCode).to.equal(400);
      const teacher = await change(await logIn('enseignant.b1'), FIXTURE_PASSWORD, three);
      expect(teacher.statusCode, teacher.payload).to.equal(204);
    });

    it('still lets a pupil’s account take a simple password', async () => {
      const cookie = await logIn('eleve.b1');
      expect((await change(cookie, FIXTURE_PASSWORD, 'aaaa')).statusCode).to.equal(204);
    });
  });
}
