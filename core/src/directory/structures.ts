import Boom from '@hapi/boom';
import { isUniqueViolation } from '@preau/sdk';

import type { CoreContext } from '../context.js';
import { resetCommunicationRules } from '../rights/communication-defaults.js';
import { Classe, Collectivite, Ecole } from './models.js';
import { LEVELS, type Level } from './profiles.js';
import { isValidUai, makeUai, uaiCheckLetter } from './uai.js';
import type { ClasseInfo, EcoleInfo } from './types.js';

/** Who performs an administrative change, for the audit log. */
export interface Actor {
  personId: number;
  ip: string | null;
}

export interface NewEcole {
  collectiviteId: number;
  uai: string;
  name: string;
  commune?: string | null;
  circonscription?: string | null;
}

export interface NewClasse {
  ecoleId: number;
  name: string;
  levels: Level[];
  schoolYear: string;
}

/** The collectivités in a scope (`'all'` for a platform administrator), by name. */
export async function listCollectivites(
  ctx: CoreContext,
  scope: number[] | 'all',
): Promise<Array<{ id: number; name: string; slug: string }>> {
  if (scope !== 'all' && scope.length === 0) return [];
  const query = Collectivite.query(ctx.knex).select('id', 'name', 'slug').orderBy(['name', 'id']);
  if (scope !== 'all') query.whereIn('id', scope);
  const rows = await query;
  return rows.map((row) => ({ id: row.id, name: row.name, slug: row.slug }));
}

/** Whether a collectivité exists (a platform administrator may name any id). */
export async function collectiviteExists(ctx: CoreContext, id: number): Promise<boolean> {
  return (await Collectivite.query(ctx.knex).findById(id).select('id')) !== undefined;
}

/** A collectivité's écoles, by name. */
export async function listEcoles(ctx: CoreContext, collectiviteId: number): Promise<EcoleInfo[]> {
  const rows = await Ecole.query(ctx.knex)
    .where('collectivite_id', collectiviteId)
    .orderBy(['name', 'id']);
  return rows.map(toEcoleInfo);
}

/**
 * Checks a UAI and returns it normalised (trimmed, uppercase letter), or throws a 400 that says
 * what is wrong: the expected shape, or the right check letter when only the letter is wrong.
 */
export function normaliseUai(input: string): string {
  const uai = input.trim().toUpperCase();
  if (isValidUai(uai)) return uai;
  const digits = /^(\d{7})[A-Z]$/.exec(uai)?.[1];
  if (digits) {
    throw Boom.badRequest(
      `UAI invalide : la lettre de contrôle de ${digits} est ${uaiCheckLetter(digits)}, ` +
        `pas ${uai.slice(7)} (UAI attendu : ${makeUai(digits)}).`,
    );
  }
  throw Boom.badRequest(
    `UAI invalide : 7 chiffres et une lettre de contrôle (ex. ${makeUai('0350101')}).`,
  );
}

/** Creates an école and its default communication rules in one transaction, audited. */
export async function createEcole(
  ctx: CoreContext,
  input: NewEcole,
  actor: Actor,
): Promise<EcoleInfo> {
  const uai = normaliseUai(input.uai);
  const name = input.name.trim();
  if (!name) throw Boom.badRequest('Donnez un nom à l’école.');
  const existing = await Ecole.query(ctx.knex).where('uai', uai).first().select('id');
  if (existing) throw Boom.conflict(`Une école porte déjà l’UAI ${uai}.`);
  try {
    return await ctx.knex.transaction(async (trx) => {
      const ecole = await Ecole.query(trx).insertAndFetch({
        collectiviteId: input.collectiviteId,
        uai,
        name,
        commune: blankToNull(input.commune),
        circonscription: blankToNull(input.circonscription),
        createdAt: ctx.clock.now(),
      });
      await resetCommunicationRules(trx, ecole.id);
      await ctx.audit.record(
        {
          action: 'ecole.created',
          actorId: actor.personId,
          collectiviteId: input.collectiviteId,
          ecoleId: ecole.id,
          target: uai,
          ip: actor.ip,
        },
        trx,
      );
      return toEcoleInfo(ecole);
    });
  } catch (error) {
    // Two administrators creating the same école at once: the second meets the unique key.
    if (isUniqueViolation(error)) throw Boom.conflict(`Une école porte déjà l’UAI ${uai}.`);
    throw error;
  }
}

/** Creates a classe, after checking its levels and school year; audited. */
export async function createClasse(
  ctx: CoreContext,
  input: NewClasse,
  actor: Actor,
): Promise<ClasseInfo> {
  const name = input.name.trim();
  if (!name) throw Boom.badRequest('Donnez un nom à la classe.');
  checkLevels(input.levels);
  checkSchoolYear(input.schoolYear);
  const ecole = await Ecole.query(ctx.knex).findById(input.ecoleId).select('collectivite_id');
  if (!ecole) throw Boom.notFound('École introuvable.');
  const duplicate = await Classe.query(ctx.knex)
    .where({ ecole_id: input.ecoleId, school_year: input.schoolYear, name })
    .first()
    .select('id');
  const conflict = () =>
    Boom.conflict(`L’école a déjà une classe « ${name} » en ${input.schoolYear}.`);
  if (duplicate) throw conflict();
  try {
    return await ctx.knex.transaction(async (trx) => {
      const classe = await Classe.query(trx).insertAndFetch({
        ecoleId: input.ecoleId,
        name,
        levels: input.levels.join(','),
        schoolYear: input.schoolYear,
        createdAt: ctx.clock.now(),
      });
      await ctx.audit.record(
        {
          action: 'classe.created',
          actorId: actor.personId,
          collectiviteId: Number(ecole.collectiviteId),
          ecoleId: input.ecoleId,
          target: `${name} (${input.schoolYear})`,
          ip: actor.ip,
        },
        trx,
      );
      return {
        id: classe.id,
        ecoleId: classe.ecoleId,
        name: classe.name,
        levels: input.levels,
        schoolYear: classe.schoolYear,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** Levels must be distinct and in school order (PS … CM2), as classes are named. */
function checkLevels(levels: Level[]): void {
  const positions = levels.map((level) => LEVELS.indexOf(level));
  const ordered = positions.every((position, i) => i === 0 || position > (positions[i - 1] ?? -1));
  if (!ordered) {
    const sorted = [...new Set(levels)].sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b));
    throw Boom.badRequest(
      `Niveaux invalides : donnez chaque niveau une fois, dans l’ordre de l’école (${sorted.join(', ')}).`,
    );
  }
}

/** A school year is two consecutive years: `2026-2027`. */
function checkSchoolYear(schoolYear: string): void {
  const match = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw Boom.badRequest(
      'Année scolaire invalide : deux années qui se suivent, par exemple 2026-2027.',
    );
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toEcoleInfo(ecole: Ecole): EcoleInfo {
  return {
    id: ecole.id,
    uai: ecole.uai,
    name: ecole.name,
    collectiviteId: Number(ecole.collectiviteId),
    commune: ecole.commune,
    circonscription: ecole.circonscription,
  };
}
