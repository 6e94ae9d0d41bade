import {
  isProfile,
  LEVELS,
  type Audience,
  type AudienceMember,
  type DirectoryClass,
  type DirectoryMembership,
  type DirectoryPerson,
  type DirectoryReader,
  type Level,
  type PluginEcole,
  type Profile,
} from '@preau/sdk';

import type { Statements } from '../db/statements.js';

/**
 * The directory as plugins read it: names, memberships, classes and family links. Never logins,
 * e-mail addresses, birth dates or anything about accounts: those stay with core.
 */
export class SqlDirectoryReader implements DirectoryReader {
  constructor(private readonly sql: Statements) {}

  async person(personId: number): Promise<DirectoryPerson | null> {
    const row = await this.sql.first<PersonRow>(
      'SELECT id, first_name, last_name FROM people WHERE id = ?',
      [personId],
    );
    return row ? toPerson(row) : null;
  }

  async ecole(ecoleId: number): Promise<PluginEcole | null> {
    return readEcole(this.sql, ecoleId);
  }

  async membershipsOf(personId: number): Promise<DirectoryMembership[]> {
    const rows = await this.sql.all<{
      ecole_id: number;
      profile: string;
      class_id: number | null;
    }>('SELECT ecole_id, profile, class_id FROM memberships WHERE person_id = ? ORDER BY id', [
      personId,
    ]);
    return rows.flatMap((row) =>
      isProfile(row.profile)
        ? [
            {
              ecoleId: Number(row.ecole_id),
              profile: row.profile,
              classId: row.class_id === null ? null : Number(row.class_id),
            },
          ]
        : [],
    );
  }

  async classesOf(ecoleId: number): Promise<DirectoryClass[]> {
    const rows = await this.sql.all<{ id: number; ecole_id: number; name: string; levels: string }>(
      'SELECT id, ecole_id, name, levels FROM classes WHERE ecole_id = ? ORDER BY name, id',
      [ecoleId],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      ecoleId: Number(row.ecole_id),
      name: row.name,
      levels: row.levels
        .split(',')
        .filter((level): level is Level => (LEVELS as readonly string[]).includes(level)),
    }));
  }

  async childrenOf(parentId: number): Promise<DirectoryPerson[]> {
    const rows = await this.sql.all<PersonRow>(
      'SELECT p.id, p.first_name, p.last_name FROM family_links f ' +
        'JOIN people p ON p.id = f.child_id ' +
        'WHERE f.parent_id = ? AND f.legal_representative <> 0 ORDER BY p.first_name, p.id',
      [parentId],
    );
    return rows.map(toPerson);
  }

  async audienceOf(ecoleId: number, audience: Audience): Promise<AudienceMember[]> {
    const rows = await this.sql.all<{
      person_id: number;
      profile: string;
      class_id: number | null;
    }>(
      'SELECT person_id, profile, class_id FROM memberships WHERE ecole_id = ? ORDER BY person_id, id',
      [ecoleId],
    );
    const profilesOf = new Map<number, Set<Profile>>();
    for (const row of rows) {
      if (!isProfile(row.profile)) continue;
      const personId = Number(row.person_id);
      const set = profilesOf.get(personId) ?? new Set<Profile>();
      set.add(row.profile);
      profilesOf.set(personId, set);
    }
    let chosen: Set<number>;
    if (audience === 'ecole') {
      chosen = new Set(profilesOf.keys());
    } else {
      chosen = new Set();
      const classIds = new Set(audience.classIds ?? []);
      const profiles = new Set<string>(audience.profiles ?? []);
      for (const row of rows) {
        const personId = Number(row.person_id);
        const inClass =
          row.class_id !== null &&
          classIds.has(Number(row.class_id)) &&
          (row.profile === 'ELV' || row.profile === 'ENS');
        if (inClass || profiles.has(row.profile)) chosen.add(personId);
      }
      for (const personId of audience.personIds ?? []) {
        if (profilesOf.has(personId)) chosen.add(personId);
      }
      if (classIds.size > 0) {
        // Legal representatives of the classes' pupils, when they belong to the école as parents.
        const links = await this.sql.all<{ parent_id: number; class_id: number }>(
          'SELECT f.parent_id, m.class_id FROM family_links f ' +
            'JOIN memberships m ON m.person_id = f.child_id ' +
            "WHERE m.ecole_id = ? AND m.profile = 'ELV' AND f.legal_representative <> 0",
          [ecoleId],
        );
        for (const link of links) {
          const parentId = Number(link.parent_id);
          if (classIds.has(Number(link.class_id)) && profilesOf.get(parentId)?.has('TUT')) {
            chosen.add(parentId);
          }
        }
      }
    }
    return [...chosen]
      .sort((a, b) => a - b)
      .map((personId) => ({ personId, profiles: [...(profilesOf.get(personId) ?? [])] }));
  }
}

/** An école as plugins see it, or null. */
export async function readEcole(sql: Statements, ecoleId: number): Promise<PluginEcole | null> {
  const row = await sql.first<{ id: number; uai: string; name: string; collectivite_id: number }>(
    'SELECT id, uai, name, collectivite_id FROM ecoles WHERE id = ?',
    [ecoleId],
  );
  return row
    ? {
        id: Number(row.id),
        uai: row.uai,
        name: row.name,
        collectiviteId: Number(row.collectivite_id),
      }
    : null;
}

// Module-private helpers.

interface PersonRow {
  id: number;
  first_name: string;
  last_name: string;
}

function toPerson(row: PersonRow): DirectoryPerson {
  return { id: Number(row.id), firstName: row.first_name, lastName: row.last_name };
}
