import type { CoreContext } from '../context.js';
import { DEFAULT_PREFERENCES, type Preferences } from './portal-options.js';

/** Each person's theme and language, kept in `person_preferences` (a row once they choose). */
export class PreferencesStore {
  constructor(private readonly ctx: CoreContext) {}

  /** The person's preferences; the defaults when they never chose. */
  async of(personId: number): Promise<Preferences> {
    const row = await this.ctx.sql.first<Preferences>(
      'SELECT theme, locale FROM person_preferences WHERE person_id = ?',
      [personId],
    );
    return row ? { theme: row.theme, locale: row.locale } : { ...DEFAULT_PREFERENCES };
  }

  /** Changes the given preferences, keeps the others; returns them all. */
  async update(personId: number, changes: Partial<Preferences>): Promise<Preferences> {
    const next = { ...(await this.of(personId)), ...changes };
    // One statement on both engines: ON CONFLICT … DO UPDATE (SQLite), ON DUPLICATE KEY (MariaDB).
    await this.ctx
      .knex('person_preferences')
      .insert({ person_id: personId, ...next, updated_at: this.ctx.clock.now() })
      .onConflict('person_id')
      .merge();
    return next;
  }
}
