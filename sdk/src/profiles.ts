/**
 * Profile codes a person holds in an école: the SDET national codes, then Préau's local ones.
 *
 * @example
 * ```ts
 * const canPublish = user.profile === 'DIR' || user.profile === 'COL';
 * ```
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
/**
 * Profiles the national directory does not know: partenaire, invité.
 *
 * @example
 * ```ts
 * const outsider = (LOCAL_PROFILES as readonly string[]).includes(user.profile);
 * ```
 */
export const LOCAL_PROFILES = ['PRT', 'INV'] as const;
/**
 * Every profile a membership may carry.
 *
 * @example
 * ```ts
 * const options = PROFILES.map((code) => ({ value: code, label: PROFILE_LABELS[code] }));
 * ```
 */
export const PROFILES = [...NATIONAL_PROFILES, ...LOCAL_PROFILES] as const;

/**
 * One profile code, e.g. `'ELV'` (élève) or `'TUT'` (parent).
 *
 * @example
 * ```ts
 * const writers: Profile[] = ['COL', 'DIR'];
 * ```
 */
export type Profile = (typeof PROFILES)[number];

/**
 * How each profile is named to people, in French.
 *
 * @example
 * ```ts
 * PROFILE_LABELS.TUT; // 'Parent'
 * ```
 */
export const PROFILE_LABELS: Readonly<Record<Profile, string>> = {
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

/**
 * Whether a string is a known profile code.
 *
 * @example
 * ```ts
 * isProfile('ENS'); // true
 * ```
 */
export function isProfile(value: string): value is Profile {
  return (PROFILES as readonly string[]).includes(value);
}

/**
 * Class levels in school order, maternelle (PS, MS, GS) then élémentaire.
 *
 * @example
 * ```ts
 * const maternelle = LEVELS.slice(0, 3); // ['PS', 'MS', 'GS']
 * ```
 */
export const LEVELS = ['PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const;
/**
 * One class level, e.g. `'CM1'`.
 *
 * @example
 * ```ts
 * const levels: Level[] = ['CM1', 'CM2'];
 * ```
 */
export type Level = (typeof LEVELS)[number];
