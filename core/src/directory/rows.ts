import { LEVELS, type Level } from './profiles.js';
import type { ClasseInfo, ClasseSummary, EcoleSummary, PersonSummary } from './types.js';

/** Rows as the directory's SQL returns them (snake_case), and their public shapes. */

export interface PersonRow {
  id: number;
  uuid: string;
  first_name: string;
  last_name: string;
}

/** A membership joined with its école and (optional) classe. */
export interface MembershipRow {
  id: number;
  profile: string;
  ecole_id: number;
  uai: string;
  ecole_name: string;
  collectivite_id: number;
  class_id: number | null;
  class_name: string | null;
  levels: string | null;
}

export interface ClasseRow {
  id: number;
  ecole_id: number;
  name: string;
  levels: string;
  school_year: string;
}

export function toPerson(row: PersonRow): PersonSummary {
  return {
    id: row.id,
    uuid: row.uuid,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: `${row.first_name} ${row.last_name}`,
  };
}

/** The école of a joined row, or null when the LEFT JOIN found none. */
export function toEcoleSummary(row: Partial<MembershipRow>): EcoleSummary | null {
  if (!row.ecole_id) return null;
  return { id: row.ecole_id, uai: row.uai ?? '', name: row.ecole_name ?? '' };
}

/** The classe of a joined row, or null when the LEFT JOIN found none. */
export function toClasse(row: Partial<MembershipRow>): ClasseSummary | null {
  if (!row.class_id) return null;
  return { id: row.class_id, name: row.class_name ?? '', levels: parseLevels(row.levels ?? '') };
}

export function toClasseInfo(row: ClasseRow): ClasseInfo {
  return {
    id: row.id,
    ecoleId: row.ecole_id,
    name: row.name,
    levels: parseLevels(row.levels),
    schoolYear: row.school_year,
  };
}

/** Levels as stored (`PS,MS`), keeping only known ones. */
export function parseLevels(stored: string): Level[] {
  return stored.split(',').filter((level): level is Level => LEVELS.includes(level as Level));
}
