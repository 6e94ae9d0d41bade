/**
 * Profile codes a membership carries in an école: the SDET national codes, then Préau's local
 * ones for people the national directory does not know.
 */
export const NATIONAL_PROFILES = [
  'ELV',
  'TUT',
  'ENS',
  'DIR',
  'EVS',
  'ETA',
  'ACA',
  'DOC',
  'COL',
] as const;
export const LOCAL_PROFILES = ['PRT', 'INV'] as const;
export const PROFILES = [...NATIONAL_PROFILES, ...LOCAL_PROFILES] as const;

export type Profile = (typeof PROFILES)[number];

/** How each profile is named to people, in French. */
export const PROFILE_LABELS: Record<Profile, string> = {
  ELV: 'Élève',
  TUT: 'Parent',
  ENS: 'Enseignant',
  DIR: 'Directeur',
  EVS: 'Vie scolaire',
  ETA: 'Personnel administratif',
  ACA: 'Circonscription',
  DOC: 'Documentaliste',
  COL: 'Personnel municipal',
  PRT: 'Partenaire',
  INV: 'Invité',
};

/** Adults who work in or for the école: reachable by pupils and parents as « personnel ». */
export const STAFF_PROFILES: readonly Profile[] = ['DIR', 'EVS', 'ETA', 'DOC', 'COL'];

export function isProfile(value: string): value is Profile {
  return (PROFILES as readonly string[]).includes(value);
}

/** Class levels in school order, maternelle then élémentaire. */
export const LEVELS = ['PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const;
export type Level = (typeof LEVELS)[number];
