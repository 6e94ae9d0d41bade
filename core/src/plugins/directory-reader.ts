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
import {
  classesOfEcole,
  ecoleById,
  legalChildrenOf,
  legalParentsOfPupils,
  membershipsOfEcole,
  membershipsOfPerson,
  personName,
} from '../directory/queries.js';

/**
 * The directory as plugins read it (`ctx.directory`): names, memberships, classes and family
 * links, over the directory's own queries. Never logins, e-mail addresses, birth dates or
 * anything about accounts: those stay with core.
 */
export class SqlDirectoryReader implements DirectoryReader {
  constructor(private readonly sql: Statements) {}

  person(personId: number): Promise<DirectoryPerson | null> {
    return personName(this.sql, personId);
  }

  ecole(ecoleId: number): Promise<PluginEcole | null> {
    return readEcole(this.sql, ecoleId);
  }

  async membershipsOf(personId: number): Promise<DirectoryMembership[]> {
    const memberships = await membershipsOfPerson(this.sql, personId);
    return memberships.flatMap(({ ecoleId, profile, classId }) =>
      isProfile(profile) ? [{ ecoleId, profile, classId }] : [],
    );
  }

  async classesOf(ecoleId: number): Promise<DirectoryClass[]> {
    const classes = await classesOfEcole(this.sql, ecoleId);
    return classes.map((classe) => ({
      ...classe,
      levels: classe.levels
        .split(',')
        .filter((level): level is Level => (LEVELS as readonly string[]).includes(level)),
    }));
  }

  childrenOf(parentId: number): Promise<DirectoryPerson[]> {
    return legalChildrenOf(this.sql, parentId);
  }

  async audienceOf(ecoleId: number, audience: Audience): Promise<AudienceMember[]> {
    const memberships = await membershipsOfEcole(this.sql, ecoleId);
    const profilesOf = new Map<number, Set<Profile>>();
    for (const { personId, profile } of memberships) {
      if (!isProfile(profile)) continue;
      const set = profilesOf.get(personId) ?? new Set<Profile>();
      set.add(profile);
      profilesOf.set(personId, set);
    }
    let chosen: Set<number>;
    if (audience === 'ecole') {
      chosen = new Set(profilesOf.keys());
    } else {
      chosen = new Set();
      const classIds = new Set(audience.classIds ?? []);
      const profiles = new Set<string>(audience.profiles ?? []);
      for (const { personId, profile, classId } of memberships) {
        const inClass =
          classId !== null && classIds.has(classId) && (profile === 'ELV' || profile === 'ENS');
        if (inClass || profiles.has(profile)) chosen.add(personId);
      }
      for (const personId of audience.personIds ?? []) {
        if (profilesOf.has(personId)) chosen.add(personId);
      }
      if (classIds.size > 0) {
        // Legal representatives of the classes' pupils, when they belong to the école as parents.
        for (const { parentId, classId } of await legalParentsOfPupils(this.sql, ecoleId)) {
          if (classId !== null && classIds.has(classId) && profilesOf.get(parentId)?.has('TUT')) {
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
export function readEcole(sql: Statements, ecoleId: number): Promise<PluginEcole | null> {
  return ecoleById(sql, ecoleId);
}
