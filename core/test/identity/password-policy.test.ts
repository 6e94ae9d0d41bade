import { expect } from 'chai';

import {
  evaluatePassword,
  passwordEntropyBits,
  type PasswordRule,
} from '../../src/identity/password-policy.js';

const adult: PasswordRule = {
  minEntropyBits: 50,
  minScore: 3,
  login: 'claire.dupont',
  firstName: 'Élodie',
  lastName: 'Lefèvre',
};
const administrator: PasswordRule = { ...adult, minEntropyBits: 80, minScore: 4 };
const pupil: PasswordRule = { ...adult, minEntropyBits: null, minScore: null };

describe('Password entropy (CNIL 2022-100 estimate)', () => {
  it('is length × log2(26) for lowercase letters alone', () => {
    expect(passwordEntropyBits('abcdefghij')).to.be.closeTo(10 * Math.log2(26), 1e-9);
  });

  it('counts accented lowercase letters in the lowercase class', () => {
    expect(passwordEntropyBits('éèàçù')).to.be.closeTo(5 * Math.log2(26), 1e-9);
  });

  it('adds the pools of every class present: 26 + 26 + 10 + 33', () => {
    expect(passwordEntropyBits('aB3!')).to.be.closeTo(4 * Math.log2(95), 1e-9);
    expect(passwordEntropyBits('aB3')).to.be.closeTo(3 * Math.log2(62), 1e-9);
    expect(passwordEntropyBits('a b')).to.be.closeTo(3 * Math.log2(59), 1e-9);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordEntropyBits('ab🙂')).to.be.closeTo(3 * Math.log2(59), 1e-9);
  });

  it('is zero for an empty password', () => {
    expect(passwordEntropyBits('')).to.equal(0);
  });
});

describe('Password rule for adults (50 bits)', () => {
  it('accepts 8 characters mixing every class', () => {
    expect(evaluatePassword('Tx7#qL2!', adult)).to.include({ accepted: true });
  });

  it('accepts a passphrase of lowercase words', () => {
    expect(evaluatePassword('cheval pluie tartine', adult).accepted).to.equal(true);
  });

  it('refuses a short password and says how long a good one is', () => {
    const verdict = evaluatePassword('Tx7#qL2', adult);
    expect(verdict.accepted).to.equal(false);
    expect(verdict.reasons).to.deep.equal([
      'Ajoutez des caractères : 8 caractères mêlant majuscules, minuscules, chiffres et ' +
        'symboles suffisent (ou 11 lettres minuscules, par exemple quelques mots).',
    ]);
  });

  it('refuses a password containing the login, whatever its case', () => {
    const verdict = evaluatePassword('Mon-CLAIRE.Dupont-2026!', adult);
    expect(verdict.reasons).to.include('N’utilisez pas votre identifiant dans le mot de passe.');
  });

  it('refuses a password containing the first name, ignoring accents and case', () => {
    const verdict = evaluatePassword('ELODIE-aime-le-vélo-42', adult);
    expect(verdict.reasons).to.include(
      'N’utilisez pas votre prénom ni votre nom dans le mot de passe.',
    );
  });

  it('refuses a password containing the last name', () => {
    expect(evaluatePassword('Papa.lefevre.1985!', adult).accepted).to.equal(false);
  });

  it('ignores names shorter than three letters', () => {
    const rule = { ...adult, firstName: 'Lô', lastName: 'Ng', login: 'lo.ng' };
    expect(evaluatePassword('Long-soir-d-été-2026', rule).accepted).to.equal(true);
  });

  it('refuses a very common password even padded with digits and symbols', () => {
    const verdict = evaluatePassword('Azerty123456!', adult);
    expect(verdict.accepted).to.equal(false);
    expect(verdict.reasons).to.deep.equal([
      'Ce mot de passe fait partie des plus courants : choisissez-en un moins prévisible.',
    ]);
  });

  it('lists every reason at once', () => {
    expect(evaluatePassword('elodie', adult).reasons).to.have.length(2);
  });
});

describe('Password rule for administrators (80 bits)', () => {
  it('refuses 12 characters of every class (78.8 bits)', () => {
    const verdict = evaluatePassword('Tx7#qL2!mP9&', administrator);
    expect(verdict.accepted).to.equal(false);
    expect(verdict.reasons[0]).to.contain('13 caractères');
  });

  it('accepts 13 characters of every class', () => {
    expect(evaluatePassword('Tx7#qL2!mP9&z', administrator).accepted).to.equal(true);
  });
});

describe('Password rule for pupils', () => {
  it('accepts anything: the teacher manages the account', () => {
    expect(evaluatePassword('chat', pupil)).to.include({ accepted: true });
  });
});
