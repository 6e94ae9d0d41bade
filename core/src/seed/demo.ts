import type { Knex } from 'knex';

import type { Clock } from '../clock.js';
import type { Level } from '../directory/profiles.js';
import { makeUai } from '../directory/uai.js';
import { DirectoryBuilder } from '../directory/builder.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { ADULT_FIRST_NAMES, FIRST_NAMES, LAST_NAMES } from './french-names.js';

const SEEDED_KEY = 'demo.seeded-at';
const SCHOOL_YEAR = '2026-2027';
/** Pupils generated per class besides the documented accounts: enough to feel like a school. */
const PUPILS_PER_CLASS = 14;

/** The écoles of the demo, by key, with their ids once seeded. */
export interface DemoWorld {
  collectivites: { beaulieu: number; saintAubin: number };
  ecoles: { julesFerry: number; tilleuls: number; petitPrince: number };
}

/** Whether the demo collectivités are already in this database. */
export async function isDemoSeeded(knex: Knex): Promise<boolean> {
  return (await knex('preau_meta').where({ key: SEEDED_KEY }).first()) !== undefined;
}

/**
 * Seeds the demo: two collectivités (so isolation shows), three écoles with maternelle and
 * élémentaire classes, every profile, the documented accounts of demo-accounts.ts and
 * generated pupils and parents (accounts not activated). Runs in one transaction, once:
 * returns null when the demo is already there.
 */
export async function seedDemo(knex: Knex, clock: Clock): Promise<DemoWorld | null> {
  if (await isDemoSeeded(knex)) return null;
  return knex.transaction(async (trx) => {
    const build = new DirectoryBuilder(trx, clock);
    const names = nameGenerator();
    const beaulieu = await build.collectivite({
      name: 'Ville de Beaulieu-sur-Rance',
      slug: 'beaulieu-sur-rance',
    });
    const saintAubin = await build.collectivite({
      name: 'Commune de Saint-Aubin-des-Landes',
      slug: 'saint-aubin-des-landes',
    });
    const circonscription = 'Circonscription de Beaulieu';
    const julesFerry = await build.ecole({
      collectiviteId: beaulieu,
      uai: makeUai('0351234'),
      name: 'École élémentaire Jules-Ferry',
      commune: 'Beaulieu-sur-Rance',
      circonscription,
    });
    const tilleuls = await build.ecole({
      collectiviteId: beaulieu,
      uai: makeUai('0351235'),
      name: 'École maternelle Les Tilleuls',
      commune: 'Beaulieu-sur-Rance',
      circonscription,
    });
    const petitPrince = await build.ecole({
      collectiviteId: saintAubin,
      uai: makeUai('0352468'),
      name: 'École primaire Le Petit-Prince',
      commune: 'Saint-Aubin-des-Landes',
      circonscription: 'Circonscription de Combourg',
    });

    const classe = (ecoleId: number, name: string, levels: Level[]) =>
      build.classe({ ecoleId, name, levels, schoolYear: SCHOOL_YEAR });
    const jf = {
      cp: await classe(julesFerry, 'CP', ['CP']),
      ce1ce2: await classe(julesFerry, 'CE1-CE2', ['CE1', 'CE2']),
      cm1cm2: await classe(julesFerry, 'CM1-CM2', ['CM1', 'CM2']),
    };
    const ti = {
      psms: await classe(tilleuls, 'PS-MS', ['PS', 'MS']),
      gs: await classe(tilleuls, 'GS', ['GS']),
    };
    const pp = {
      psmsgs: await classe(petitPrince, 'PS-MS-GS', ['PS', 'MS', 'GS']),
      cpce1: await classe(petitPrince, 'CP-CE1', ['CP', 'CE1']),
      ce1ce2: await classe(petitPrince, 'CE1-CE2', ['CE2']),
      cm1cm2: await classe(petitPrince, 'CM1-CM2', ['CM1', 'CM2']),
    };

    const demo = async (login: string) => {
      const known = DEMO_ACCOUNTS.find((entry) => entry.login === login);
      if (!known) throw new Error(`Compte de démonstration inconnu : ${login}`);
      return build.person({
        firstName: known.firstName,
        lastName: known.lastName,
        login,
        password: DEMO_PASSWORD,
        email: `${login}@demo.preau.invalid`,
      });
    };

    // Documented accounts, one of every profile.
    const lea = await demo('lea.martin');
    const noe = await demo('noe.martin');
    const lucas = await demo('lucas.garnier');
    const camille = await demo('camille.martin');
    const sophie = await demo('sophie.lefebvre');
    const marc = await demo('marc.dubois');
    const nadia = await demo('nadia.moreau');
    const anne = await demo('anne.girard');
    const julien = await demo('julien.roux');
    const claire = await demo('claire.fontaine');
    const thomas = await demo('thomas.petit');
    const jade = await demo('jade.petit');
    await build.membership({
      personId: lea,
      ecoleId: julesFerry,
      profile: 'ELV',
      classId: jf.cm1cm2,
    });
    await build.membership({ personId: noe, ecoleId: julesFerry, profile: 'ELV', classId: jf.cp });
    await build.membership({ personId: lucas, ecoleId: tilleuls, profile: 'ELV', classId: ti.gs });
    await build.membership({ personId: camille, ecoleId: julesFerry, profile: 'TUT' });
    await build.familyLink({ parentId: camille, childId: lea });
    await build.familyLink({ parentId: camille, childId: noe });
    await build.membership({
      personId: sophie,
      ecoleId: julesFerry,
      profile: 'ENS',
      classId: jf.cm1cm2,
    });
    await build.membership({ personId: marc, ecoleId: julesFerry, profile: 'DIR' });
    await build.membership({ personId: marc, ecoleId: julesFerry, profile: 'ENS', classId: jf.cp });
    await build.membership({ personId: nadia, ecoleId: tilleuls, profile: 'COL' });
    await build.membership({ personId: anne, ecoleId: julesFerry, profile: 'ACA' });
    await build.membership({ personId: anne, ecoleId: tilleuls, profile: 'ACA' });
    await build.membership({ personId: julien, ecoleId: julesFerry, profile: 'PRT' });
    await build.membership({
      personId: claire,
      ecoleId: petitPrince,
      profile: 'ENS',
      classId: pp.ce1ce2,
    });
    await build.membership({ personId: thomas, ecoleId: petitPrince, profile: 'TUT' });
    await build.membership({
      personId: jade,
      ecoleId: petitPrince,
      profile: 'ELV',
      classId: pp.ce1ce2,
    });
    await build.familyLink({ parentId: thomas, childId: jade });
    for (const [login, collectiviteId] of [
      ['admin.beaulieu', beaulieu],
      ['admin.saint-aubin', saintAubin],
      ['admin.plateforme', null],
    ] as const) {
      await build.administration({ personId: await demo(login), collectiviteId });
    }

    // The rest of each school: teachers, a directeur where missing, ATSEM, pupils and parents.
    const staff = async (ecoleId: number, profile: 'ENS' | 'DIR' | 'COL', classId?: number) => {
      const { firstName, lastName } = names.adult();
      const personId = await build.person({
        firstName,
        lastName,
        login: names.login(firstName, lastName),
      });
      await build.membership({ personId, ecoleId, profile, ...(classId ? { classId } : {}) });
    };
    await staff(julesFerry, 'ENS', jf.ce1ce2);
    await staff(tilleuls, 'DIR');
    await staff(tilleuls, 'ENS', ti.psms);
    await staff(tilleuls, 'ENS', ti.gs);
    await staff(petitPrince, 'DIR');
    await staff(petitPrince, 'ENS', pp.psmsgs);
    await staff(petitPrince, 'ENS', pp.cpce1);
    await staff(petitPrince, 'ENS', pp.cm1cm2);
    await staff(petitPrince, 'COL');
    const classes: Array<[number, number]> = [
      ...Object.values(jf).map((id) => [julesFerry, id] as [number, number]),
      ...Object.values(ti).map((id) => [tilleuls, id] as [number, number]),
      ...Object.values(pp).map((id) => [petitPrince, id] as [number, number]),
    ];
    for (const [ecoleId, classId] of classes) {
      for (let i = 0; i < PUPILS_PER_CLASS; i++) {
        const pupil = names.child();
        const pupilId = await build.person({
          ...pupil,
          login: names.login(pupil.firstName, pupil.lastName),
        });
        await build.membership({ personId: pupilId, ecoleId, profile: 'ELV', classId });
        const parent = { firstName: names.adult().firstName, lastName: pupil.lastName };
        const parentId = await build.person({
          ...parent,
          login: names.login(parent.firstName, parent.lastName),
        });
        await build.membership({ personId: parentId, ecoleId, profile: 'TUT' });
        await build.familyLink({ parentId, childId: pupilId });
      }
    }

    await trx('preau_meta').insert({ key: SEEDED_KEY, value: String(clock.now()) });
    return {
      collectivites: { beaulieu, saintAubin },
      ecoles: { julesFerry, tilleuls, petitPrince },
    };
  });
}

/** Deterministic names (the same demo on every machine) and unique logins. */
function nameGenerator() {
  let state = 20260901;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const pick = <T>(list: readonly T[]): T => list[next() % list.length] as T;
  const used = new Set(DEMO_ACCOUNTS.map((entry) => entry.login));
  return {
    child: () => ({ firstName: pick(FIRST_NAMES), lastName: pick(LAST_NAMES) }),
    adult: () => ({ firstName: pick(ADULT_FIRST_NAMES), lastName: pick(LAST_NAMES) }),
    login(firstName: string, lastName: string): string {
      const base = `${firstName}.${lastName}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z.]/g, '-');
      let login = base;
      for (let n = 2; used.has(login); n++) login = `${base}${n}`;
      used.add(login);
      return login;
    },
  };
}
