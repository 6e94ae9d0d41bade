import type { Knex } from 'knex';

import type { Clock } from '../clock.js';
import type { Profile } from '../directory/profiles.js';
import { makeUai } from '../directory/uai.js';
import { DirectoryBuilder } from '../directory/builder.js';

/** The one password of every fixture account: it meets the 80-bit rule. */
export const FIXTURE_PASSWORD = 'Fixture-Préau-2026!';

/**
 * The small world every test starts from: two collectivités, so isolation shows.
 *
 * Collectivité A: école A1 (classes CM1 A, CE1, PS-MS) and école A2; collectivité B: école B1.
 * Logins are stable; ids come back in `FixtureWorld`.
 */
export interface FixtureWorld {
  collectivites: { a: number; b: number };
  ecoles: { a1: number; a2: number; b1: number };
  classes: { cm1a: number; ce1: number; psms: number; b1cp: number };
  /** Person ids by login. */
  people: Record<FixtureLogin, number>;
}

export const FIXTURE_LOGINS = [
  'eleve.cm1a', // ELV, A1, CM1 A
  'eleve2.cm1a', // ELV, A1, CM1 A
  'eleve.ce1', // ELV, A1, CE1
  'eleve.psms', // ELV, A1, PS-MS
  'parent.a1', // TUT, A1: legal representative of eleve.cm1a and eleve.ce1
  'parent2.a1', // TUT, A1: legal representative of eleve.psms
  'enseignant.cm1a', // ENS, A1, CM1 A
  'enseignant.ce1', // ENS, A1, CE1
  'directeur.a1', // DIR and ENS (PS-MS), A1
  'atsem.a1', // COL, A1
  'ien.a', // ACA in A1 and A2
  'partenaire.a1', // PRT, A1
  'enseignant.a2', // ENS, A2
  'eleve.b1', // ELV, B1, CP
  'parent.b1', // TUT, B1
  'enseignant.b1', // ENS, B1, CP
  'admin.a', // administrator of collectivité A
  'admin.b', // administrator of collectivité B
  'admin.plateforme', // platform administrator
] as const;
export type FixtureLogin = (typeof FIXTURE_LOGINS)[number];

export async function insertFixtures(knex: Knex, clock: Clock): Promise<FixtureWorld> {
  const build = new DirectoryBuilder(knex, clock);
  const year = '2026-2027';
  const a = await build.collectivite({ name: 'Commune A', slug: 'commune-a' });
  const b = await build.collectivite({ name: 'Commune B', slug: 'commune-b' });
  const a1 = await build.ecole({ collectiviteId: a, uai: makeUai('0350101'), name: 'École A1' });
  const a2 = await build.ecole({ collectiviteId: a, uai: makeUai('0350102'), name: 'École A2' });
  const b1 = await build.ecole({ collectiviteId: b, uai: makeUai('0290201'), name: 'École B1' });
  const cm1a = await build.classe({
    ecoleId: a1,
    name: 'CM1 A',
    levels: ['CM1'],
    schoolYear: year,
  });
  const ce1 = await build.classe({ ecoleId: a1, name: 'CE1', levels: ['CE1'], schoolYear: year });
  const psms = await build.classe({
    ecoleId: a1,
    name: 'PS-MS',
    levels: ['PS', 'MS'],
    schoolYear: year,
  });
  const b1cp = await build.classe({ ecoleId: b1, name: 'CP', levels: ['CP'], schoolYear: year });

  const people = {} as Record<FixtureLogin, number>;
  for (const login of FIXTURE_LOGINS) {
    const [first, last] = login.split('.') as [string, string];
    const email = fixtureEmailOf(login);
    people[login] = await build.person({
      firstName: capitalise(first),
      lastName: last.toUpperCase(),
      ...(email ? { email } : {}),
      login,
      password: FIXTURE_PASSWORD,
    });
  }
  const member = (login: FixtureLogin, ecoleId: number, profile: Profile, classId?: number) =>
    build.membership({
      personId: people[login],
      ecoleId,
      profile,
      ...(classId ? { classId } : {}),
    });

  await member('eleve.cm1a', a1, 'ELV', cm1a);
  await member('eleve2.cm1a', a1, 'ELV', cm1a);
  await member('eleve.ce1', a1, 'ELV', ce1);
  await member('eleve.psms', a1, 'ELV', psms);
  await member('parent.a1', a1, 'TUT');
  await member('parent2.a1', a1, 'TUT');
  await member('enseignant.cm1a', a1, 'ENS', cm1a);
  await member('enseignant.ce1', a1, 'ENS', ce1);
  await member('directeur.a1', a1, 'DIR');
  await member('directeur.a1', a1, 'ENS', psms);
  await member('atsem.a1', a1, 'COL');
  await member('ien.a', a1, 'ACA');
  await member('ien.a', a2, 'ACA');
  await member('partenaire.a1', a1, 'PRT');
  await member('enseignant.a2', a2, 'ENS');
  await member('eleve.b1', b1, 'ELV', b1cp);
  await member('parent.b1', b1, 'TUT');
  await member('enseignant.b1', b1, 'ENS', b1cp);
  await build.familyLink({ parentId: people['parent.a1'], childId: people['eleve.cm1a'] });
  await build.familyLink({ parentId: people['parent.a1'], childId: people['eleve.ce1'] });
  await build.familyLink({ parentId: people['parent2.a1'], childId: people['eleve.psms'] });
  await build.familyLink({ parentId: people['parent.b1'], childId: people['eleve.b1'] });
  await build.administration({ personId: people['admin.a'], collectiviteId: a });
  await build.administration({ personId: people['admin.b'], collectiviteId: b });
  await build.administration({ personId: people['admin.plateforme'], collectiviteId: null });

  return {
    collectivites: { a, b },
    ecoles: { a1, a2, b1 },
    classes: { cm1a, ce1, psms, b1cp },
    people,
  };
}

/**
 * The e-mail address of a fixture person: `<login>@example.test` for every adult; among pupils
 * only `eleve.cm1a` has one, to prove that core never writes to a pupil even with an address on
 * file. The other pupils have none.
 */
export function fixtureEmailOf(login: FixtureLogin): string | null {
  if (login.startsWith('eleve') && login !== 'eleve.cm1a') return null;
  return `${login}@example.test`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
