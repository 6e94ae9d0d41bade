import type { CoreContext } from '../context.js';
import { STAFF_PROFILES } from '../directory/profiles.js';

/**
 * Groups a person may address as a whole. Their ids are strings a client sends back as is:
 * - `ecole:<id>:ELV|TUT|ENS|PERSONNEL`: the école's pupils, parents, teachers or staff;
 * - `classe:<id>:ELV|TUT`: a class's pupils, or their parents (legal representatives);
 * - `groupe:<id>`: a manual group or a broadcast list of table `groups`.
 */
export type GroupRef =
  | { kind: 'ecole'; ecoleId: number; audience: SchoolAudience }
  | { kind: 'classe'; classId: number; audience: ClassAudience }
  | { kind: 'groupe'; groupId: number };

export type SchoolAudience = 'ELV' | 'TUT' | 'ENS' | 'PERSONNEL';
export type ClassAudience = 'ELV' | 'TUT';

/** A group as the recipient picker shows it. */
export interface GroupEntry {
  type: 'groupe';
  id: string;
  name: string;
  ecoleId: number;
  /** `ecole` and `classe` groups are derived from the directory; the others are hand-made. */
  kind: 'ecole' | 'classe' | 'manuel' | 'diffusion';
}

const SCHOOL_AUDIENCES: readonly SchoolAudience[] = ['ELV', 'TUT', 'ENS', 'PERSONNEL'];
const CLASS_AUDIENCES: readonly ClassAudience[] = ['ELV', 'TUT'];

const SCHOOL_GROUP_NAMES: Record<SchoolAudience, string> = {
  ELV: 'Tous les élèves de',
  TUT: 'Tous les parents de',
  ENS: 'Tous les enseignants de',
  PERSONNEL: 'Tout le personnel de',
};
const CLASS_GROUP_NAMES: Record<ClassAudience, string> = {
  ELV: 'Élèves de',
  TUT: 'Parents de',
};

/** Reads a group id; null when it is not one. */
export function parseGroupId(id: string): GroupRef | null {
  const match = /^(ecole|classe|groupe):([1-9][0-9]{0,9})(?::([A-Z]+))?$/.exec(id);
  if (!match) return null;
  const [, kind, number, audience] = match;
  const n = Number(number);
  if (kind === 'ecole' && SCHOOL_AUDIENCES.includes(audience as SchoolAudience)) {
    return { kind, ecoleId: n, audience: audience as SchoolAudience };
  }
  if (kind === 'classe' && CLASS_AUDIENCES.includes(audience as ClassAudience)) {
    return { kind, classId: n, audience: audience as ClassAudience };
  }
  if (kind === 'groupe' && audience === undefined) return { kind, groupId: n };
  return null;
}

/** The four school-wide groups of an école. */
export function schoolGroups(ecole: { id: number; name: string }): GroupEntry[] {
  return SCHOOL_AUDIENCES.map((audience) => ({
    type: 'groupe',
    id: `ecole:${ecole.id}:${audience}`,
    name: `${SCHOOL_GROUP_NAMES[audience]} ${ecole.name}`,
    ecoleId: ecole.id,
    kind: 'ecole',
  }));
}

/** The pupils' and the parents' group of a class. */
export function classGroups(classe: { id: number; name: string; ecoleId: number }): GroupEntry[] {
  return CLASS_AUDIENCES.map((audience) => ({
    type: 'groupe',
    id: `classe:${classe.id}:${audience}`,
    name: `${CLASS_GROUP_NAMES[audience]} ${classe.name}`,
    ecoleId: classe.ecoleId,
    kind: 'classe',
  }));
}

/** A hand-made group (`manuel`) or broadcast list (`diffusion`). */
export function storedGroup(row: {
  id: number;
  name: string;
  ecole_id: number;
  kind: string;
}): GroupEntry {
  return {
    type: 'groupe',
    id: `groupe:${Number(row.id)}`,
    name: row.name,
    ecoleId: Number(row.ecole_id),
    kind: row.kind === 'diffusion' ? 'diffusion' : 'manuel',
  };
}

/**
 * The people a group stands for at this moment, for whoever sends to it (after `canReachGroup`).
 * A class's parents are the legal representatives of its pupils.
 */
export async function groupMembers(ctx: CoreContext, group: GroupRef): Promise<number[]> {
  const knex = ctx.knex;
  let query;
  if (group.kind === 'ecole') {
    query = knex('memberships')
      .distinct('person_id')
      .where('ecole_id', group.ecoleId)
      .whereIn('profile', group.audience === 'PERSONNEL' ? STAFF_PROFILES : [group.audience]);
  } else if (group.kind === 'classe' && group.audience === 'ELV') {
    query = knex('memberships')
      .distinct('person_id')
      .where({ class_id: group.classId, profile: 'ELV' });
  } else if (group.kind === 'classe') {
    query = knex('family_links as f')
      .distinct('f.parent_id as person_id')
      .join('memberships as m', 'm.person_id', 'f.child_id')
      .where({ 'm.class_id': group.classId, 'm.profile': 'ELV', 'f.legal_representative': 1 });
  } else {
    query = knex('group_members').distinct('person_id').where('group_id', group.groupId);
  }
  const rows = (await query) as { person_id: number }[];
  return rows.map((row) => Number(row.person_id)).sort((a, b) => a - b);
}
