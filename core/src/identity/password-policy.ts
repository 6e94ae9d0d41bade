import type { CoreContext } from '../context.js';
import { passwordFacts } from '../directory/queries.js';
import { passwordStrength, type PasswordStrength } from './password-strength.js';

/**
 * CNIL délibération 2022-100: a password's strength is estimated as length × log2(pool), the
 * pool being the sum of the character classes it uses. Ordinary adult accounts need 50 bits
 * (case 2: allowed because login throttling is always on), administrators 80 bits (case 1).
 * Pupils' accounts are managed by their teacher and are not held to the rule.
 *
 * The CNIL estimate alone accepts « aaaaaaaaaaaaaaaaaaaaaaaa »: on top of it, zxcvbn-ts must
 * score the password at least 3 of 4 for adults and 4 for administrators (ADR 0014), knowing the
 * person's login, names and écoles.
 */

/** What a person's new password must satisfy; `null` bits means exempt (pupils). */
export interface PasswordRule {
  minEntropyBits: number | null;
  /** The lowest zxcvbn-ts score accepted (0–4); null for pupils. */
  minScore: number | null;
  /** The names of the person's écoles, which an attacker would try too. */
  ecoleNames?: string[];
  /** The account's login and the person's names, which the password must not contain. */
  login: string;
  firstName: string;
  lastName: string;
}

/** The verdict on a candidate password, with reasons a person can act on (French). */
export interface PasswordVerdict {
  accepted: boolean;
  entropyBits: number;
  reasons: string[];
}

/** Estimated entropy in bits: length (in characters) × log2(sum of the classes present). */
export function passwordEntropyBits(password: string): number {
  const characters = Array.from(password.normalize('NFC'));
  if (characters.length === 0) return 0;
  const pool = internals.classes
    .filter((characterClass) => characters.some((c) => characterClass.test(c)))
    .reduce((sum, characterClass) => sum + characterClass.size, 0);
  return characters.length * Math.log2(pool);
}

/**
 * Checks a candidate password against a rule; pure, so it is easy to test and to reuse. The
 * zxcvbn-ts `strength` is computed by the caller (it needs the dictionaries, loaded lazily).
 */
export function evaluatePassword(
  password: string,
  rule: PasswordRule,
  strength?: PasswordStrength,
): PasswordVerdict {
  const entropyBits = passwordEntropyBits(password);
  if (rule.minEntropyBits === null) return { accepted: true, entropyBits, reasons: [] };
  const reasons: string[] = [];
  if (entropyBits < rule.minEntropyBits) reasons.push(lengthAdvice(rule.minEntropyBits));
  if (strength && rule.minScore !== null && strength.score < rule.minScore) {
    reasons.push(
      'Ce mot de passe serait trop vite deviné : évitez les répétitions, les suites ' +
        '(« 1234 », « abcd ») et les mots seuls ; préférez quelques mots sans rapport entre eux.',
      ...strength.feedback.map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)),
    );
  }
  const folded = fold(password);
  const login = fold(rule.login);
  if (login.length >= 3 && folded.includes(login)) {
    reasons.push('N’utilisez pas votre identifiant dans le mot de passe.');
  }
  const names = [rule.firstName, rule.lastName].flatMap(nameParts);
  if (names.some((name) => folded.includes(name))) {
    reasons.push('N’utilisez pas votre prénom ni votre nom dans le mot de passe.');
  }
  if (isCommon(folded)) {
    reasons.push(
      'Ce mot de passe fait partie des plus courants : choisissez-en un moins prévisible.',
    );
  }
  return { accepted: reasons.length === 0, entropyBits, reasons };
}

/** Reads, for one person, the rule their password must follow. */
export class PasswordPolicy {
  constructor(private readonly ctx: CoreContext) {}

  async ruleFor(personId: number): Promise<PasswordRule> {
    const facts = await passwordFacts(this.ctx.knex, personId);
    if (!facts) throw new Error(`Personne ${personId} introuvable`);
    const { passwords } = this.ctx.config;
    const isAdministrator = facts.administrations > 0;
    const isPupil = !isAdministrator && facts.memberships > 0 && facts.adultMemberships === 0;
    return {
      minEntropyBits: isPupil
        ? null
        : isAdministrator
          ? passwords.privilegedMinEntropyBits
          : passwords.minEntropyBits,
      minScore: isPupil ? null : isAdministrator ? 4 : 3,
      ecoleNames: facts.ecoleNames,
      login: facts.login ?? '',
      firstName: facts.firstName,
      lastName: facts.lastName,
    };
  }

  async check(personId: number, password: string): Promise<PasswordVerdict> {
    const rule = await this.ruleFor(personId);
    if (rule.minScore === null) return evaluatePassword(password, rule);
    // Whole names and each of their words: « École Les Tilleuls » gives « tilleuls » too.
    const known = [rule.login, rule.firstName, rule.lastName, ...(rule.ecoleNames ?? [])];
    const words = known.flatMap((text) => text.split(/[^\p{L}\p{N}]+/u));
    const strength = await passwordStrength(
      password,
      [...known, ...words].filter((word) => word.length >= 3),
    );
    return evaluatePassword(password, rule, strength);
  }
}

/** Tells how long a password must be, with every class or with lowercase letters alone. */
function lengthAdvice(minEntropyBits: number): string {
  const mixed = Math.ceil(minEntropyBits / Math.log2(internals.fullPool));
  const lowercase = Math.ceil(minEntropyBits / Math.log2(26));
  return (
    `Ajoutez des caractères : ${mixed} caractères mêlant majuscules, minuscules, chiffres et ` +
    `symboles suffisent (ou ${lowercase} lettres minuscules, par exemple quelques mots).`
  );
}

/** Lowercase without accents, so « Élodie » and « elodie » compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The parts of a name worth looking for: « Jean-Éric Lô » gives « jean », « eric ». */
function nameParts(name: string): string[] {
  return fold(name)
    .split(/[^\p{L}]+/u)
    .filter((part) => part.length >= 3);
}

/** Common passwords, and common words padded with digits or symbols (« Azerty123! »). */
function isCommon(folded: string): boolean {
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return internals.common.has(folded) || (core.length > 0 && internals.common.has(core));
}

const internals = {
  classes: [
    { size: 26, test: (c: string) => /\p{Ll}/u.test(c) },
    { size: 26, test: (c: string) => /\p{Lu}/u.test(c) },
    { size: 10, test: (c: string) => /[0-9]/.test(c) },
    { size: 33, test: (c: string) => !/[\p{Ll}\p{Lu}0-9]/u.test(c) },
  ],
  fullPool: 26 + 26 + 10 + 33,
  // Lowercase, without accents: the most used passwords in France and in general, and the
  // words an ENT invites (école, préau…).
  common: new Set([
    '123456',
    '1234567',
    '12345678',
    '123456789',
    '1234567890',
    '000000',
    '111111',
    '123123',
    'azerty',
    'azertyuiop',
    'qwerty',
    'qwertyuiop',
    'password',
    'motdepasse',
    'mdp',
    'soleil',
    'bonjour',
    'doudou',
    'chouchou',
    'loulou',
    'coucou',
    'jetaime',
    'iloveyou',
    'marseille',
    'football',
    'princesse',
    'chocolat',
    'vacances',
    'bienvenue',
    'welcome',
    'admin',
    'administrateur',
    'ecole',
    'preau',
    'enseignant',
    'maitresse',
    'maitre',
    'directeur',
    'directrice',
    'abc123',
    'sunshine',
    'letmein',
    'dragon',
  ]),
};
