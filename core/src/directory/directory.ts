import { PromiseCache } from '../cache/promise-cache.js';
import type { CoreContext } from '../context.js';
import { PROFILE_LABELS, type Profile } from './profiles.js';
import {
  toClasse,
  toClasseInfo,
  toEcoleSummary,
  toPerson,
  type ClasseRow,
  type MembershipRow,
  type PersonRow,
} from './rows.js';
import {
  createClasse,
  createEcole,
  type Actor,
  type NewClasse,
  type NewEcole,
} from './structures.js';
import type {
  AdministrationScope,
  ChildInfo,
  ClasseInfo,
  EcoleInfo,
  MembershipInfo,
  PersonSummary,
  WhoAmI,
} from './types.js';

/** How long a « who am I » answer is reused; see `Directory.whoAmI`. */
export const WHO_AM_I_TTL_MS = 30_000;
/** Enough for every person of a large collectivité active at once, a few MB at most. */
const WHO_AM_I_MAX_ENTRIES = 20_000;

/** Who is asking: the person and the (école, profile) their session acts in. */
export interface Requester {
  personId: number;
  ecoleId: number | null;
  profile: string | null;
}

/**
 * Reads and changes the directory: collectivités, écoles, classes, people, memberships.
 *
 * The readers run on every page and in every communication check, so they are prepared
 * statements with joins: each answers in one query, whatever the number of rows.
 */
export class Directory {
  private readonly whoAmICache: PromiseCache<string, WhoAmI | null>;

  constructor(protected readonly ctx: CoreContext) {
    this.whoAmICache = new PromiseCache(ctx.clock, {
      ttlMs: WHO_AM_I_TTL_MS,
      maxEntries: WHO_AM_I_MAX_ENTRIES,
      keep: (me) => me !== null,
    });
    ctx.bus.subscribe('directory.changed', ({ personIds }) => this.forget(personIds));
  }

  /**
   * Everything the portal needs to know about the requester (`GET /api/me`). Every page asks
   * it, and it changes a few times a year, so it is cached per (person, école, profile) for
   * WHO_AM_I_TTL_MS; `directory.changed` events drop it at once.
   */
  whoAmI(requester: Requester): Promise<WhoAmI | null> {
    const { personId, ecoleId, profile } = requester;
    return this.whoAmICache.get(`${personId}:${ecoleId}:${profile}`, () =>
      this.loadWhoAmI(requester),
    );
  }

  /** Forgets cached directory data of some people, or of everyone (null). */
  forget(personIds: readonly number[] | null): void {
    if (personIds === null) return this.whoAmICache.clear();
    const people = new Set(personIds.map(String));
    this.whoAmICache.clear((key) => people.has(key.slice(0, key.indexOf(':'))));
  }

  private async loadWhoAmI(requester: Requester): Promise<WhoAmI | null> {
    const { personId, ecoleId, profile } = requester;
    const [person, memberships, classes, children, administrations] = await Promise.all([
      this.personWithLogin(personId),
      this.membershipsOf(personId),
      ecoleId === null ? Promise.resolve([]) : this.classesOf(personId, ecoleId),
      this.childrenOf(personId),
      this.administrationsOf(personId),
    ]);
    if (!person) return null;
    // The session may point at a membership removed since login: then nothing is current.
    const current = memberships.find((m) => m.ecole.id === ecoleId && m.profile === profile);
    return {
      person: person.summary,
      login: person.login,
      current: {
        ecole: current?.ecole ?? null,
        profile: current?.profile ?? null,
        profileLabel: current?.profileLabel ?? null,
      },
      memberships: memberships.map((m) => ({
        ecole: { id: m.ecole.id, uai: m.ecole.uai, name: m.ecole.name },
        profile: m.profile,
        profileLabel: m.profileLabel,
        classe: m.classe,
      })),
      classes,
      children,
      administrations,
    };
  }

  async person(id: number): Promise<PersonSummary | null> {
    const row = await this.ctx.sql.first<PersonRow>(
      'SELECT id, uuid, first_name, last_name FROM people WHERE id = ?',
      [id],
    );
    return row ? toPerson(row) : null;
  }

  async ecole(id: number): Promise<EcoleInfo | null> {
    const row = await this.ctx.sql.first<{
      id: number;
      uai: string;
      name: string;
      collectivite_id: number;
      commune: string | null;
      circonscription: string | null;
    }>('SELECT id, uai, name, collectivite_id, commune, circonscription FROM ecoles WHERE id = ?', [
      id,
    ]);
    if (!row) return null;
    return {
      id: row.id,
      uai: row.uai,
      name: row.name,
      collectiviteId: Number(row.collectivite_id),
      commune: row.commune,
      circonscription: row.circonscription,
    };
  }

  /** A person's memberships, oldest first (the first one is where they land at login). */
  async membershipsOf(personId: number): Promise<MembershipInfo[]> {
    const rows = await this.ctx.sql.all<MembershipRow>(
      `SELECT m.id, m.profile, e.id AS ecole_id, e.uai, e.name AS ecole_name, e.collectivite_id,
         c.id AS class_id, c.name AS class_name, c.levels
       FROM memberships m
       JOIN ecoles e ON e.id = m.ecole_id
       LEFT JOIN classes c ON c.id = m.class_id
       WHERE m.person_id = ?
       ORDER BY m.id`,
      [personId],
    );
    return rows.map((row) => ({
      id: row.id,
      ecole: {
        id: row.ecole_id,
        uai: row.uai,
        name: row.ecole_name,
        collectiviteId: Number(row.collectivite_id),
      },
      profile: row.profile as Profile,
      profileLabel: PROFILE_LABELS[row.profile as Profile] ?? row.profile,
      classe: toClasse(row),
    }));
  }

  /** The children a person is legal representative of, in any école. */
  async childrenOf(parentId: number): Promise<ChildInfo[]> {
    const rows = await this.ctx.sql.all<
      PersonRow & Partial<MembershipRow> & { membership_id: number | null }
    >(
      `SELECT p.id, p.first_name, p.last_name, m.id AS membership_id,
         e.id AS ecole_id, e.uai, e.name AS ecole_name, c.id AS class_id, c.name AS class_name,
         c.levels
       FROM family_links f
       JOIN people p ON p.id = f.child_id
       LEFT JOIN memberships m ON m.person_id = p.id AND m.profile = 'ELV'
       LEFT JOIN ecoles e ON e.id = m.ecole_id
       LEFT JOIN classes c ON c.id = m.class_id
       WHERE f.parent_id = ? AND f.legal_representative = 1
       ORDER BY p.last_name, p.first_name, p.id, m.id`,
      [parentId],
    );
    const children = new Map<number, ChildInfo>();
    for (const row of rows) {
      // A pupil enrolled in two écoles appears twice: the oldest enrolment stands for them.
      if (children.has(row.id)) continue;
      children.set(row.id, {
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        ecole: toEcoleSummary(row),
        classe: toClasse(row),
      });
    }
    return [...children.values()];
  }

  /**
   * A person's classes in one école: those of their own memberships (pupil, teacher) and, when
   * they are a parent in that école, the classes of the children they legally represent.
   */
  async classesOf(personId: number, ecoleId: number): Promise<ClasseInfo[]> {
    const rows = await this.ctx.sql.all<ClasseRow>(
      `SELECT c.id, c.ecole_id, c.name, c.levels, c.school_year
       FROM classes c
       WHERE c.ecole_id = ? AND c.id IN (
         SELECT m.class_id FROM memberships m
         WHERE m.person_id = ? AND m.ecole_id = ? AND m.class_id IS NOT NULL
         UNION
         SELECT cm.class_id FROM family_links f
         JOIN memberships cm ON cm.person_id = f.child_id
         JOIN memberships pm ON pm.person_id = f.parent_id AND pm.ecole_id = cm.ecole_id
           AND pm.profile = 'TUT'
         WHERE f.parent_id = ? AND f.legal_representative = 1 AND cm.ecole_id = ?
           AND cm.profile = 'ELV' AND cm.class_id IS NOT NULL
       )
       ORDER BY c.school_year DESC, c.name, c.id`,
      [ecoleId, personId, ecoleId, personId, ecoleId],
    );
    return rows.map(toClasseInfo);
  }

  /** Every classe of an école, latest school year first. */
  async classesOfEcole(ecoleId: number): Promise<ClasseInfo[]> {
    const rows = await this.ctx.sql.all<ClasseRow>(
      `SELECT id, ecole_id, name, levels, school_year FROM classes WHERE ecole_id = ?
       ORDER BY school_year DESC, name, id`,
      [ecoleId],
    );
    return rows.map(toClasseInfo);
  }

  /** What a person administers: the platform, and/or collectivités. */
  async administrationsOf(personId: number): Promise<AdministrationScope> {
    const rows = await this.ctx.sql.all<{ collectivite_id: number | null; name: string | null }>(
      `SELECT ad.collectivite_id, c.name
       FROM administrations ad LEFT JOIN collectivites c ON c.id = ad.collectivite_id
       WHERE ad.person_id = ?
       ORDER BY c.name, ad.collectivite_id`,
      [personId],
    );
    return {
      platform: rows.some((row) => row.collectivite_id === null),
      collectivites: rows
        .filter((row) => row.collectivite_id !== null)
        .map((row) => ({ id: Number(row.collectivite_id), name: row.name ?? '' })),
    };
  }

  /** Creates an école with its default communication rules, in one transaction. */
  createEcole(input: NewEcole, actor: Actor) {
    return createEcole(this.ctx, input, actor);
  }

  /** Creates a classe in an école. */
  createClasse(input: NewClasse, actor: Actor) {
    return createClasse(this.ctx, input, actor);
  }

  private async personWithLogin(
    personId: number,
  ): Promise<{ summary: PersonSummary; login: string } | null> {
    const row = await this.ctx.sql.first<PersonRow & { login: string | null }>(
      `SELECT p.id, p.uuid, p.first_name, p.last_name, a.login
       FROM people p LEFT JOIN accounts a ON a.person_id = p.id WHERE p.id = ?`,
      [personId],
    );
    return row ? { summary: toPerson(row), login: row.login ?? '' } : null;
  }
}
