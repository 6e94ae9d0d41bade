import type { Level, Profile } from './profiles.js';

/** An école as other modules see it. */
export interface EcoleInfo {
  id: number;
  uai: string;
  name: string;
  collectiviteId: number;
  commune: string | null;
  circonscription: string | null;
}

/** An école, named in lists (a membership, a child). */
export interface EcoleSummary {
  id: number;
  uai: string;
  name: string;
}

export interface ClasseSummary {
  id: number;
  name: string;
  /** In school order: `['PS', 'MS']`. */
  levels: Level[];
}

export interface ClasseInfo extends ClasseSummary {
  ecoleId: number;
  schoolYear: string;
}

export interface PersonSummary {
  id: number;
  /** Opaque id for connected services; never the login nor a name. */
  uuid: string;
  firstName: string;
  lastName: string;
  /** « Prénom Nom », as shown to others. */
  displayName: string;
}

/** One (école, profile, classe?) a person holds. */
export interface MembershipInfo {
  id: number;
  ecole: EcoleSummary & { collectiviteId: number };
  profile: Profile;
  profileLabel: string;
  classe: ClasseSummary | null;
}

/** What an administrator administers. */
export interface AdministrationScope {
  platform: boolean;
  collectivites: Array<{ id: number; name: string }>;
}

/** A child of a legal representative, with the école and classe of their (first) pupil membership. */
export interface ChildInfo {
  id: number;
  firstName: string;
  lastName: string;
  ecole: EcoleSummary | null;
  classe: ClasseSummary | null;
}

/** The body of `GET /api/me`: who I am, where I act now, what else I may act as. */
export interface WhoAmI {
  person: PersonSummary;
  login: string;
  current: {
    ecole: (EcoleSummary & { collectiviteId: number }) | null;
    profile: Profile | null;
    profileLabel: string | null;
  };
  memberships: Array<{
    ecole: EcoleSummary;
    profile: Profile;
    profileLabel: string;
    classe: ClasseSummary | null;
  }>;
  /** My classes in the current école: my own, and my children's when I am a parent there. */
  classes: ClasseInfo[];
  /** The children I am legal representative of, in any école. */
  children: ChildInfo[];
  administrations: AdministrationScope;
}
