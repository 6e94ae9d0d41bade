import type { Knex } from 'knex';

import type { Statements } from '../db/statements.js';
import { Person } from './models.js';

/*
 * The directory's reads and writes that other parts of core need: identity (logins, password
 * rules), mail (who may receive), plugins (what `ctx.directory` shows, which écoles exist).
 * The directory owns its tables (collectivités, écoles, classes, people, accounts, memberships,
 * family links, administrations, groups): no SQL on them outside core/src/directory/, which the
 * lint configuration checks (ADR 0018). The ones on a page's hot path are prepared statements
 * (`Statements`); the others are knex.
 */

/** A person's name, as plugins and messages show it. */
export interface PersonName {
  id: number;
  firstName: string;
  lastName: string;
}

/** One membership, as stored: an école, a profile, a class for pupils and teachers. */
export interface MembershipRecord {
  personId: number;
  ecoleId: number;
  profile: string;
  classId: number | null;
}

/** A class of an école, with its levels as stored (`CM1,CM2`). */
export interface ClassRecord {
  id: number;
  ecoleId: number;
  name: string;
  levels: string;
}

/** An école with its collectivité. */
export interface EcoleRecord {
  id: number;
  uai: string;
  name: string;
  collectiviteId: number;
}

/** What logging in needs of an account. */
export interface AccountRecord {
  personId: number;
  login: string;
  passwordHash: string | null;
  blockedAt: number | null;
}

/** What a person's password rule depends on (`identity/password-policy.ts`). */
export interface PasswordFacts {
  firstName: string;
  lastName: string;
  login: string | null;
  administrations: number;
  memberships: number;
  adultMemberships: number;
  ecoleNames: string[];
}

/** What deciding whether to e-mail a person needs (`mail/recipients.ts`). */
export interface MailFacts {
  email: string | null;
  activatedAt: number | null;
  blockedAt: number | null;
  /** The person's memberships, empty when they have none. */
  memberships: Array<{ ecoleId: number; profile: string }>;
}

export async function personName(sql: Statements, personId: number): Promise<PersonName | null> {
  const row = await sql.first<{ id: number; first_name: string; last_name: string }>(
    'SELECT id, first_name, last_name FROM people WHERE id = ?',
    [personId],
  );
  return row ? toName(row) : null;
}

/** A person's memberships, oldest first (the first is where a login lands). */
export async function membershipsOfPerson(
  sql: Statements,
  personId: number,
): Promise<MembershipRecord[]> {
  const rows = await sql.all<MembershipRow>(
    'SELECT person_id, ecole_id, profile, class_id FROM memberships WHERE person_id = ? ORDER BY id',
    [personId],
  );
  return rows.map(toMembership);
}

/** Every membership of an école, by person. */
export async function membershipsOfEcole(
  sql: Statements,
  ecoleId: number,
): Promise<MembershipRecord[]> {
  const rows = await sql.all<MembershipRow>(
    'SELECT person_id, ecole_id, profile, class_id FROM memberships WHERE ecole_id = ? ORDER BY person_id, id',
    [ecoleId],
  );
  return rows.map(toMembership);
}

/** Which of these people belong to the école (any profile). */
export async function membersAmong(
  knex: Knex,
  ecoleId: number,
  personIds: readonly number[],
): Promise<Set<number>> {
  const rows = await knex('memberships')
    .where('ecole_id', ecoleId)
    .whereIn('person_id', [...personIds])
    .distinct<Array<{ person_id: number }>>('person_id');
  return new Set(rows.map((row) => Number(row.person_id)));
}

/** The legal representatives of the école's pupils, with each pupil's class. */
export async function legalParentsOfPupils(
  sql: Statements,
  ecoleId: number,
): Promise<Array<{ parentId: number; classId: number | null }>> {
  const rows = await sql.all<{ parent_id: number; class_id: number | null }>(
    'SELECT f.parent_id, m.class_id FROM family_links f ' +
      'JOIN memberships m ON m.person_id = f.child_id ' +
      "WHERE m.ecole_id = ? AND m.profile = 'ELV' AND f.legal_representative <> 0",
    [ecoleId],
  );
  return rows.map((row) => ({
    parentId: Number(row.parent_id),
    classId: row.class_id === null ? null : Number(row.class_id),
  }));
}

/** The children a person is the legal representative of, by first name. */
export async function legalChildrenOf(sql: Statements, parentId: number): Promise<PersonName[]> {
  const rows = await sql.all<{ id: number; first_name: string; last_name: string }>(
    'SELECT p.id, p.first_name, p.last_name FROM family_links f ' +
      'JOIN people p ON p.id = f.child_id ' +
      'WHERE f.parent_id = ? AND f.legal_representative <> 0 ORDER BY p.first_name, p.id',
    [parentId],
  );
  return rows.map(toName);
}

export async function classesOfEcole(sql: Statements, ecoleId: number): Promise<ClassRecord[]> {
  const rows = await sql.all<{ id: number; ecole_id: number; name: string; levels: string }>(
    'SELECT id, ecole_id, name, levels FROM classes WHERE ecole_id = ? ORDER BY name, id',
    [ecoleId],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    ecoleId: Number(row.ecole_id),
    name: row.name,
    levels: row.levels,
  }));
}

export async function ecoleById(sql: Statements, ecoleId: number): Promise<EcoleRecord | null> {
  const row = await sql.first<EcoleRow>(
    'SELECT id, uai, name, collectivite_id FROM ecoles WHERE id = ?',
    [ecoleId],
  );
  return row ? toEcole(row) : null;
}

/** The écoles of these ids that exist, by id. */
export async function ecolesByIds(knex: Knex, ecoleIds: readonly number[]): Promise<EcoleRecord[]> {
  if (ecoleIds.length === 0) return [];
  const rows = await knex('ecoles')
    .whereIn('id', [...ecoleIds])
    .orderBy('id')
    .select<EcoleRow[]>('id', 'uai', 'name', 'collectivite_id');
  return rows.map(toEcole);
}

export async function ecoleIdsOfCollectivite(
  sql: Statements,
  collectiviteId: number,
): Promise<number[]> {
  const rows = await sql.all<{ id: number }>(
    'SELECT id FROM ecoles WHERE collectivite_id = ? ORDER BY id',
    [collectiviteId],
  );
  return rows.map((row) => Number(row.id));
}

export async function accountByLogin(
  sql: Statements,
  login: string,
): Promise<AccountRecord | undefined> {
  const row = await sql.first<AccountRow>(
    'SELECT person_id, login, password_hash, blocked_at FROM accounts WHERE login = ?',
    [login],
  );
  return row ? toAccount(row) : undefined;
}

export async function accountOfPerson(
  sql: Statements,
  personId: number,
): Promise<AccountRecord | undefined> {
  const row = await sql.first<AccountRow>(
    'SELECT person_id, login, password_hash, blocked_at FROM accounts WHERE person_id = ?',
    [personId],
  );
  return row ? toAccount(row) : undefined;
}

/** Stores a new password hash, inside the caller's transaction. */
export async function setPasswordHash(
  trx: Knex.Transaction,
  personId: number,
  hash: string,
  changedAt: number,
): Promise<void> {
  await trx('accounts')
    .where('person_id', personId)
    .update({ password_hash: hash, password_changed_at: changedAt });
}

/** Read with objection: one person and the relations their rule depends on. */
export async function passwordFacts(knex: Knex, personId: number): Promise<PasswordFacts | null> {
  const person = await Person.query(knex)
    .findById(personId)
    .withGraphFetched('[account, memberships.ecole]');
  if (!person) return null;
  const memberships = person.memberships ?? [];
  const administrations = await knex('administrations')
    .where('person_id', personId)
    .count<Array<{ count: number | string }>>({ count: '*' });
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    login: person.account?.login ?? null,
    administrations: Number(administrations[0]?.count ?? 0),
    memberships: memberships.length,
    adultMemberships: memberships.filter((membership) => membership.profile !== 'ELV').length,
    ecoleNames: [...new Set(memberships.flatMap((membership) => membership.ecole?.name ?? []))],
  };
}

/** Read with objection: a person's address, account state and memberships; null for no one. */
export async function mailFacts(knex: Knex, personId: number): Promise<MailFacts | null> {
  const person = await Person.query(knex)
    .findById(personId)
    .withGraphFetched('[account, memberships]');
  if (!person) return null;
  return {
    email: person.email,
    activatedAt: person.account?.activatedAt ?? null,
    blockedAt: person.account?.blockedAt ?? null,
    memberships: (person.memberships ?? []).map((membership) => ({
      ecoleId: Number(membership.ecoleId),
      profile: membership.profile,
    })),
  };
}

// Module-private helpers.

interface MembershipRow {
  person_id: number;
  ecole_id: number;
  profile: string;
  class_id: number | null;
}

interface EcoleRow {
  id: number;
  uai: string;
  name: string;
  collectivite_id: number;
}

interface AccountRow {
  person_id: number;
  login: string;
  password_hash: string | null;
  blocked_at: number | null;
}

function toName(row: { id: number; first_name: string; last_name: string }): PersonName {
  return { id: Number(row.id), firstName: row.first_name, lastName: row.last_name };
}

function toMembership(row: MembershipRow): MembershipRecord {
  return {
    personId: Number(row.person_id),
    ecoleId: Number(row.ecole_id),
    profile: row.profile,
    classId: row.class_id === null ? null : Number(row.class_id),
  };
}

function toEcole(row: EcoleRow): EcoleRecord {
  return {
    id: Number(row.id),
    uai: row.uai,
    name: row.name,
    collectiviteId: Number(row.collectivite_id),
  };
}

function toAccount(row: AccountRow): AccountRecord {
  return {
    personId: Number(row.person_id),
    login: row.login,
    passwordHash: row.password_hash,
    blockedAt: row.blocked_at === null ? null : Number(row.blocked_at),
  };
}
