import { randomUUID } from 'node:crypto';

import type { Knex } from 'knex';

import type { Clock } from '../clock.js';
import { FamilyLink } from './models.js';
import type { Level, Profile } from './profiles.js';
import { breaksSingleLine } from '../http/single-line.js';
import { hashPassword } from '../identity/passwords.js';
import { resetCommunicationRules } from '../rights/communication-defaults.js';

/**
 * Writes a directory row by row: used by the demo seed and the test fixtures. Each password is
 * hashed once and its hash reused, since demo and fixture accounts share a few passwords.
 */
export class DirectoryBuilder {
  private readonly hashes = new Map<string, Promise<string>>();

  constructor(
    private readonly knex: Knex | Knex.Transaction,
    private readonly clock: Clock,
  ) {}

  async collectivite(input: { name: string; slug: string }): Promise<number> {
    return this.insert('collectivites', { ...input, created_at: this.clock.now() });
  }

  /** Creates an école with the default communication rules. */
  async ecole(input: {
    collectiviteId: number;
    uai: string;
    name: string;
    commune?: string;
    circonscription?: string;
  }): Promise<number> {
    const id = await this.insert('ecoles', {
      collectivite_id: input.collectiviteId,
      uai: input.uai,
      name: input.name,
      commune: input.commune ?? null,
      circonscription: input.circonscription ?? null,
      created_at: this.clock.now(),
    });
    await resetCommunicationRules(this.knex as Knex, id);
    return id;
  }

  async classe(input: {
    ecoleId: number;
    name: string;
    levels: Level[];
    schoolYear: string;
  }): Promise<number> {
    return this.insert('classes', {
      ecole_id: input.ecoleId,
      name: input.name,
      levels: input.levels.join(','),
      school_year: input.schoolYear,
      created_at: this.clock.now(),
    });
  }

  /** Creates a person, with an activated local account when a login is given. */
  async person(input: {
    firstName: string;
    lastName: string;
    email?: string;
    birthDate?: string;
    login?: string;
    password?: string;
  }): Promise<number> {
    // The only way people enter the directory today; their names reach e-mail subjects.
    for (const name of [input.firstName, input.lastName]) {
      if (breaksSingleLine(name)) {
        throw new Error(
          `Nom refusé (« ${JSON.stringify(name)} ») : écrivez-le sur une seule ligne.`,
        );
      }
    }
    const now = this.clock.now();
    const id = await this.insert('people', {
      uuid: randomUUID(),
      first_name: input.firstName,
      last_name: input.lastName,
      email: input.email ?? null,
      birth_date: input.birthDate ?? null,
      created_at: now,
    });
    if (input.login) {
      await this.knex('accounts').insert({
        person_id: id,
        login: input.login,
        password_hash: input.password ? await this.hash(input.password) : null,
        activated_at: input.password ? now : null,
        password_changed_at: input.password ? now : null,
      });
    }
    return id;
  }

  async membership(input: {
    personId: number;
    ecoleId: number;
    profile: Profile;
    classId?: number;
  }): Promise<number> {
    return this.insert('memberships', {
      person_id: input.personId,
      ecole_id: input.ecoleId,
      profile: input.profile,
      class_id: input.classId ?? null,
      created_at: this.clock.now(),
    });
  }

  async familyLink(input: { parentId: number; childId: number; legalRepresentative?: boolean }) {
    await FamilyLink.query(this.knex).insert({
      parentId: input.parentId,
      childId: input.childId,
      legalRepresentative: input.legalRepresentative ?? true,
    });
  }

  /** Makes a person administrator of a collectivité, or of the platform when it is null. */
  async administration(input: { personId: number; collectiviteId: number | null }) {
    await this.insert('administrations', {
      person_id: input.personId,
      collectivite_id: input.collectiviteId,
    });
  }

  private hash(password: string): Promise<string> {
    let hash = this.hashes.get(password);
    if (!hash) {
      hash = hashPassword(password);
      this.hashes.set(password, hash);
    }
    return hash;
  }

  private async insert(table: string, row: Record<string, unknown>): Promise<number> {
    const [id] = await this.knex(table).insert(row);
    return Number(id);
  }
}
