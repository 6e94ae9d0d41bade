import type { Profile } from '../profiles.js';

/**
 * The three écoles of the fixture world, by key:
 * - `a1`: « École A1 » (UAI 0350101V), collectivité « Commune A » — classes « CM1 A », « CE1 »,
 *   « PS-MS »; almost every profile is there;
 * - `a2`: « École A2 » (UAI 0350102W), collectivité A — one teacher, and the IEN of the
 *   circonscription, who also belongs to A1;
 * - `b1`: « École B1 » (UAI 0290201L), collectivité « Commune B » — class « CP », a pupil, their
 *   parent, their teacher.
 *
 * Two collectivités, so a test can show that nothing leaks from one to the other.
 *
 * @example
 * ```ts
 * await test.enable('b1');
 * const parentB1 = await test.actAs('TUT', { ecole: 'b1' });
 * ```
 */
export type EcoleKey = 'a1' | 'a2' | 'b1';

/**
 * Every école key, in order.
 *
 * @example
 * ```ts
 * for (const ecole of ECOLE_KEYS) await test.enable(ecole);
 * ```
 */
export const ECOLE_KEYS: readonly EcoleKey[] = ['a1', 'a2', 'b1'];

/**
 * The fixture accounts; every one can be acted as with `test.actAs(login)`. Every adult has the
 * e-mail address `<login>@example.test`; among pupils only `eleve.cm1a` has one (core never
 * writes to a pupil: `ctx.mail.send` answers `{ sent: false, reason: 'pupil' }`).
 *
 * @example
 * ```ts
 * const parent = await test.actAs('parent.a1');
 * ```
 */
export const FIXTURE_LOGINS = [
  'eleve.cm1a',
  'eleve2.cm1a',
  'eleve.ce1',
  'eleve.psms',
  'parent.a1',
  'parent2.a1',
  'enseignant.cm1a',
  'enseignant.ce1',
  'directeur.a1',
  'atsem.a1',
  'ien.a',
  'partenaire.a1',
  'enseignant.a2',
  'eleve.b1',
  'parent.b1',
  'enseignant.b1',
  'admin.a',
  'admin.b',
  'admin.plateforme',
] as const;

/**
 * One fixture login, e.g. `'parent.a1'`.
 *
 * @example
 * ```ts
 * const login: FixtureLogin = 'atsem.a1';
 * const personId = test.world.people[login];
 * ```
 */
export type FixtureLogin = (typeof FIXTURE_LOGINS)[number];

/**
 * A membership of a fixture person: who they are, where, as what.
 *
 * @example
 * ```ts
 * const m: FixtureMembership = { login: 'directeur.a1', ecole: 'a1', profile: 'DIR' };
 * const client = await test.actAs(m.login, m);
 * ```
 */
export interface FixtureMembership {
  login: FixtureLogin;
  ecole: EcoleKey;
  profile: Profile;
  /** Class name, for pupils and teachers attached to one. */
  classe?: string;
}

/**
 * Every membership of the fixture world. Family links: `parent.a1` is the legal representative
 * of `eleve.cm1a` and `eleve.ce1`; `parent2.a1` of `eleve.psms`; `parent.b1` of `eleve.b1`.
 * Administrators hold no membership: `admin.a` administers collectivité A, `admin.b`
 * collectivité B, `admin.plateforme` the whole platform. No fixture person holds EVS, ETA, DOC
 * or INV.
 *
 * @example
 * ```ts
 * const teachers = FIXTURE_MEMBERSHIPS.filter((m) => m.profile === 'ENS' && m.ecole === 'a1');
 * ```
 */
export const FIXTURE_MEMBERSHIPS: readonly FixtureMembership[] = [
  { login: 'eleve.cm1a', ecole: 'a1', profile: 'ELV', classe: 'CM1 A' },
  { login: 'eleve2.cm1a', ecole: 'a1', profile: 'ELV', classe: 'CM1 A' },
  { login: 'eleve.ce1', ecole: 'a1', profile: 'ELV', classe: 'CE1' },
  { login: 'eleve.psms', ecole: 'a1', profile: 'ELV', classe: 'PS-MS' },
  { login: 'parent.a1', ecole: 'a1', profile: 'TUT' },
  { login: 'parent2.a1', ecole: 'a1', profile: 'TUT' },
  { login: 'enseignant.cm1a', ecole: 'a1', profile: 'ENS', classe: 'CM1 A' },
  { login: 'enseignant.ce1', ecole: 'a1', profile: 'ENS', classe: 'CE1' },
  { login: 'directeur.a1', ecole: 'a1', profile: 'DIR' },
  { login: 'directeur.a1', ecole: 'a1', profile: 'ENS', classe: 'PS-MS' },
  { login: 'atsem.a1', ecole: 'a1', profile: 'COL' },
  { login: 'ien.a', ecole: 'a1', profile: 'ACA' },
  { login: 'ien.a', ecole: 'a2', profile: 'ACA' },
  { login: 'partenaire.a1', ecole: 'a1', profile: 'PRT' },
  { login: 'enseignant.a2', ecole: 'a2', profile: 'ENS' },
  { login: 'eleve.b1', ecole: 'b1', profile: 'ELV', classe: 'CP' },
  { login: 'parent.b1', ecole: 'b1', profile: 'TUT' },
  { login: 'enseignant.b1', ecole: 'b1', profile: 'ENS', classe: 'CP' },
];

/**
 * The ids of the fixture world, as the test core created them.
 *
 * @example
 * ```ts
 * const { ecoles, people } = test.world;
 * expect(body.ecoleId).to.equal(ecoles.a1);
 * expect(body.authorId).to.equal(people['atsem.a1']);
 * ```
 */
export interface FixtureWorld {
  collectivites: { a: number; b: number };
  ecoles: Record<EcoleKey, number>;
  classes: { cm1a: number; ce1: number; psms: number; b1cp: number };
  /** Person ids by login. */
  people: Record<FixtureLogin, number>;
}

/**
 * The fixture person `actAs(profile)` picks: the first one holding `profile` in `ecole`
 * (`eleve.cm1a` for ELV in A1, `parent.a1` for TUT, `enseignant.cm1a` for ENS, `directeur.a1`
 * for DIR, `atsem.a1` for COL, `ien.a` for ACA, `partenaire.a1` for PRT); undefined when nobody
 * holds it there.
 *
 * @example
 * ```ts
 * fixtureLoginFor('TUT', 'b1'); // 'parent.b1'
 * fixtureLoginFor('DOC'); // undefined
 * ```
 */
export function fixtureLoginFor(
  profile: Profile,
  ecole: EcoleKey = 'a1',
): FixtureLogin | undefined {
  return FIXTURE_MEMBERSHIPS.find((m) => m.profile === profile && m.ecole === ecole)?.login;
}

/**
 * The profiles someone of the fixture world holds in an école: handy to check that « everyone
 * of the école » may do something.
 *
 * @example
 * ```ts
 * for (const profile of fixtureProfilesIn('a1')) {
 *   const client = await test.actAs(profile);
 *   expect((await client.get('/menus')).status).to.equal(200);
 * }
 * ```
 */
export function fixtureProfilesIn(ecole: EcoleKey): Profile[] {
  return [...new Set(FIXTURE_MEMBERSHIPS.filter((m) => m.ecole === ecole).map((m) => m.profile))];
}
