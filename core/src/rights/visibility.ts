import type { Knex } from 'knex';

import type { CoreContext } from '../context.js';
import { PROFILES, PROFILE_LABELS, type Profile } from '../directory/profiles.js';
import { isGroupTarget, type CommunicationScope } from './communication-rules.js';
import { classGroups, schoolGroups, storedGroup, type GroupEntry } from './groups.js';
import { nameCondition, startsAnyWord } from './name-search.js';
import { ecoleNames } from './reach.js';
import type { Sender } from './sender.js';

/** A person the recipient picker offers: what identifies them to a school user, nothing more. */
export interface PersonEntry {
  type: 'personne';
  id: number;
  firstName: string;
  lastName: string;
  /** Profile labels (« Élève », « Parent »…) in the écoles looked at. */
  profiles: string[];
  /** Class names in those écoles. */
  classes: string[];
}

/** Who a person may write to, as far as a search shows: each list bounded by the limit. */
export interface VisibleRecipients {
  people: PersonEntry[];
  groups: GroupEntry[];
}

/** The most entries a search returns, per list. */
export const MAX_VISIBLE = 50;

/**
 * The people and groups the sender may write to, matching `query`. People come from one SQL
 * query: a UNION of one membership select per (école, scope) the sender's rules allow, joined to
 * `people`, filtered by name, sorted and cut in the database; only the page is read back. Groups
 * are derived from the rules and the école's classes, a few dozen at most.
 */
export async function visibleTo(
  ctx: CoreContext,
  sender: Sender,
  query: string,
  limit: number,
): Promise<VisibleRecipients> {
  const bounded = Math.max(1, Math.min(MAX_VISIBLE, Math.trunc(limit)));
  const q = query.trim();
  const [people, groups] = await Promise.all([
    visiblePeople(ctx, sender, q, bounded),
    visibleGroups(ctx, sender, q, bounded),
  ]);
  return { people, groups };
}

async function visiblePeople(
  ctx: CoreContext,
  sender: Sender,
  q: string,
  limit: number,
): Promise<PersonEntry[]> {
  const knex = ctx.knex;
  const parts = reachQueries(knex, sender);
  const [first, ...others] = parts;
  if (!first) return [];
  const reach = others.length > 0 ? first.union(others) : first;
  const query = knex
    .from(reach.as('v'))
    .join('people as p', 'p.id', 'v.person_id')
    .distinct('p.id', 'p.first_name', 'p.last_name')
    .whereNot('p.id', sender.personId);
  if (q) {
    const condition = nameCondition(ctx.sql.engine, 'p', q);
    query.whereRaw(condition.sql, condition.bindings);
  }
  if (ctx.sql.engine === 'sqlite') {
    query.orderByRaw('p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id');
  } else {
    query.orderBy([{ column: 'p.last_name' }, { column: 'p.first_name' }, { column: 'p.id' }]);
  }
  const rows = (await query.limit(limit)) as {
    id: number;
    first_name: string;
    last_name: string;
  }[];
  const details = await membershipDetails(
    knex,
    rows.map((row) => Number(row.id)),
    new Set(sender.ecoles.keys()),
  );
  return rows
    .map((row) => {
      const id = Number(row.id);
      const found = details.get(id);
      return {
        type: 'personne' as const,
        id,
        firstName: row.first_name,
        lastName: row.last_name,
        profiles: found?.profiles ?? [],
        classes: found?.classes ?? [],
      };
    })
    .sort(
      (a, b) =>
        collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName),
    );
}

/** One `SELECT person_id FROM memberships …` per (école, scope) with person targets. */
function reachQueries(knex: Knex, sender: Sender): Knex.QueryBuilder[] {
  const parts: Knex.QueryBuilder[] = [];
  const familyTargets = new Set<Profile>();
  for (const [ecoleId, inEcole] of sender.ecoles) {
    const byScope = new Map<CommunicationScope, Set<Profile>>();
    for (const rule of inEcole.rules) {
      if (isGroupTarget(rule.target)) continue;
      const targets = byScope.get(rule.scope) ?? new Set<Profile>();
      targets.add(rule.target);
      byScope.set(rule.scope, targets);
    }
    const members = (scope: CommunicationScope) =>
      knex('memberships')
        .select('person_id')
        .where('ecole_id', ecoleId)
        .whereIn('profile', [...(byScope.get(scope) ?? [])]);
    if (byScope.has('ecole')) parts.push(members('ecole'));
    if (byScope.has('classe') && inEcole.classes.size > 0) {
      parts.push(members('classe').whereIn('class_id', [...inEcole.classes]));
    }
    if (byScope.has('classe-enfant') && inEcole.childClasses.size > 0) {
      parts.push(members('classe-enfant').whereIn('class_id', [...inEcole.childClasses]));
    }
    for (const target of byScope.get('famille') ?? []) familyTargets.add(target);
  }
  // Family links cross écoles: the family rule of the sender's école reaches a child enrolled elsewhere.
  if (familyTargets.size > 0 && sender.family.size > 0) {
    parts.push(
      knex('memberships')
        .select('person_id')
        .whereIn('person_id', [...sender.family])
        .whereIn('profile', [...familyTargets]),
    );
  }
  return parts;
}

/** Profile labels and class names of a page of people, in the écoles looked at when they have any. */
async function membershipDetails(
  knex: Knex,
  ids: number[],
  ecoleIds: Set<number>,
): Promise<Map<number, { profiles: string[]; classes: string[] }>> {
  const result = new Map<number, { profiles: string[]; classes: string[] }>();
  if (ids.length === 0) return result;
  const rows = (await knex('memberships as m')
    .leftJoin('classes as c', 'c.id', 'm.class_id')
    .whereIn('m.person_id', ids)
    .select('m.person_id', 'm.ecole_id', 'm.profile', 'c.name as class_name')) as {
    person_id: number;
    ecole_id: number;
    profile: string;
    class_name: string | null;
  }[];
  for (const id of ids) {
    const own = rows.filter((row) => Number(row.person_id) === id);
    const here = own.filter((row) => ecoleIds.has(Number(row.ecole_id)));
    const shown = here.length > 0 ? here : own;
    const profiles = PROFILES.filter((p) => shown.some((row) => row.profile === p));
    const classes = [...new Set(shown.flatMap((row) => (row.class_name ? [row.class_name] : [])))];
    result.set(id, {
      profiles: profiles.map((p) => PROFILE_LABELS[p]),
      classes: classes.sort(collator.compare),
    });
  }
  return result;
}

async function visibleGroups(
  ctx: CoreContext,
  sender: Sender,
  q: string,
  limit: number,
): Promise<GroupEntry[]> {
  const knex = ctx.knex;
  const ecoleIds = [...sender.ecoles.keys()];
  const names = await ecoleNames(ctx, ecoleIds);
  const groups: GroupEntry[] = [];
  for (const [ecoleId, inEcole] of sender.ecoles) {
    const schoolWide = inEcole.rules.some((rule) => rule.target === 'groupe-ecole');
    if (schoolWide) {
      groups.push(...schoolGroups({ id: ecoleId, name: names.get(ecoleId) ?? '' }));
      // Whoever may address the whole école may use its hand-made groups and broadcast lists.
      const stored = await knex('groups')
        .where('ecole_id', ecoleId)
        .select('id', 'name', 'ecole_id', 'kind');
      groups.push(...stored.map(storedGroup));
    }
    const classRules = inEcole.rules.filter((rule) => rule.target === 'groupe-classe');
    if (classRules.length > 0) {
      const everyClass = classRules.some((rule) => rule.scope === 'ecole');
      const chosen = new Set<number>();
      for (const rule of classRules) {
        if (rule.scope === 'classe') inEcole.classes.forEach((id) => chosen.add(id));
        if (rule.scope === 'classe-enfant') inEcole.childClasses.forEach((id) => chosen.add(id));
      }
      if (everyClass || chosen.size > 0) {
        // Classes nobody is enrolled in (last year's, not yet deleted) are not offered.
        const classes = knex('classes as c')
          .where('c.ecole_id', ecoleId)
          .whereExists(
            knex('memberships as cm').select(knex.raw('1')).whereRaw('cm.class_id = c.id'),
          )
          .select('c.id', 'c.name');
        if (!everyClass) classes.whereIn('c.id', [...chosen]);
        for (const row of (await classes) as { id: number; name: string }[]) {
          groups.push(...classGroups({ id: Number(row.id), name: row.name, ecoleId }));
        }
      }
    }
  }
  if (ecoleIds.length > 0) {
    // Members of a manual group may write to it; a broadcast list's members never see it this way.
    const own = await knex('groups as g')
      .join('group_members as gm', 'gm.group_id', 'g.id')
      .where({ 'gm.person_id': sender.personId, 'g.kind': 'manuel' })
      .whereIn('g.ecole_id', ecoleIds)
      .select('g.id', 'g.name', 'g.ecole_id', 'g.kind');
    groups.push(...own.map(storedGroup));
  }
  const unique = new Map(groups.map((group) => [group.id, group]));
  return [...unique.values()]
    .filter((group) => startsAnyWord(group.name, q))
    .sort((a, b) => collator.compare(a.name, b.name))
    .slice(0, limit);
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
