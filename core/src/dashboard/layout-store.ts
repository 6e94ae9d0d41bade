import type { Knex } from 'knex';

import { PromiseCache } from '../cache/promise-cache.js';
import type { CoreContext } from '../context.js';
import type { DashboardDefaults, WidgetPlacement } from './types.js';

/**
 * How long an école's default layouts stay cached. Writes through this instance invalidate the
 * cache at once; the TTL bounds how long another Préau instance may serve the old defaults.
 */
export const DEFAULTS_TTL_MS = 30_000;

/** Who changes an école's defaults, for the audit log. */
export interface DefaultsActor {
  personId: number;
  collectiviteId: number;
  ip: string | null;
}

/**
 * Layouts in the database: each person's own per école (`dashboard_layouts`), and each école's
 * defaults per profile (`dashboard_defaults`). Reads are on the dashboard's hot path, so they use
 * the prepared statements; the école's defaults, read by everyone and rarely written, are cached.
 */
export class LayoutStore {
  private readonly defaultsCache: PromiseCache<number, Map<string, DashboardDefaults>>;

  constructor(private readonly ctx: CoreContext) {
    this.defaultsCache = new PromiseCache(ctx.clock, { ttlMs: DEFAULTS_TTL_MS });
  }

  /** A person's own layout in an école, or null when they kept the default. */
  async personal(personId: number, ecoleId: number): Promise<WidgetPlacement[] | null> {
    const row = await this.ctx.sql.first<{ layout: string }>(
      'SELECT layout FROM dashboard_layouts WHERE person_id = ? AND ecole_id = ?',
      [personId, ecoleId],
    );
    return row ? this.parsePlacements(row.layout, `personne ${personId}`) : null;
  }

  async savePersonal(
    personId: number,
    ecoleId: number,
    placements: readonly WidgetPlacement[],
  ): Promise<void> {
    await this.ctx
      .knex('dashboard_layouts')
      .insert({
        person_id: personId,
        ecole_id: ecoleId,
        layout: serialise(placements),
        updated_at: this.ctx.clock.now(),
      })
      .onConflict(['person_id', 'ecole_id'])
      .merge(['layout', 'updated_at']);
  }

  async deletePersonal(personId: number, ecoleId: number): Promise<void> {
    await this.ctx.sql.run('DELETE FROM dashboard_layouts WHERE person_id = ? AND ecole_id = ?', [
      personId,
      ecoleId,
    ]);
  }

  /** The default an école set for a profile, or null when it set none. */
  async defaults(ecoleId: number, profile: string): Promise<DashboardDefaults | null> {
    const byProfile = await this.defaultsOf(ecoleId);
    return byProfile.get(profile) ?? null;
  }

  /** Sets an école's default for a profile, audited as `dashboard.defaults-changed`. */
  async saveDefaults(
    ecoleId: number,
    profile: string,
    defaults: DashboardDefaults,
    actor: DefaultsActor,
  ): Promise<void> {
    await this.writeDefaults(ecoleId, profile, actor, async (trx) => {
      await trx('dashboard_defaults')
        .insert({
          ecole_id: ecoleId,
          profile,
          layout: serialise(defaults.widgets),
          mandatory: JSON.stringify(defaults.mandatory),
        })
        .onConflict(['ecole_id', 'profile'])
        .merge(['layout', 'mandatory']);
      return { widgets: defaults.widgets.length, mandatory: defaults.mandatory.length };
    });
  }

  /** Forgets an école's default for a profile: the computed default applies again. */
  async deleteDefaults(ecoleId: number, profile: string, actor: DefaultsActor): Promise<void> {
    await this.writeDefaults(ecoleId, profile, actor, async (trx) => {
      await trx('dashboard_defaults').where({ ecole_id: ecoleId, profile }).delete();
      return { reset: true };
    });
  }

  /** Forgets cached defaults (one école, or all). */
  invalidate(ecoleId?: number): void {
    if (ecoleId === undefined) this.defaultsCache.clear();
    else this.defaultsCache.delete(ecoleId);
  }

  private async writeDefaults(
    ecoleId: number,
    profile: string,
    actor: DefaultsActor,
    write: (trx: Knex.Transaction) => Promise<Record<string, string | number | boolean>>,
  ): Promise<void> {
    try {
      await this.ctx.knex.transaction(async (trx) => {
        const details = await write(trx);
        await this.ctx.audit.record(
          {
            action: 'dashboard.defaults-changed',
            actorId: actor.personId,
            collectiviteId: actor.collectiviteId,
            ecoleId,
            target: `ecole:${ecoleId}:${profile}`,
            ip: actor.ip,
            details: { profile, ...details },
          },
          trx,
        );
      });
    } finally {
      // Even a failed write may have raced with a reader: start from the database next time.
      this.defaultsCache.delete(ecoleId);
    }
  }

  /** Every profile's default in an école, read in one query and kept for DEFAULTS_TTL_MS. */
  private defaultsOf(ecoleId: number): Promise<Map<string, DashboardDefaults>> {
    return this.defaultsCache.get(ecoleId, () => this.loadDefaults(ecoleId));
  }

  private loadDefaults(ecoleId: number): Promise<Map<string, DashboardDefaults>> {
    return this.ctx.sql
      .all<DefaultsRow>(
        'SELECT profile, layout, mandatory FROM dashboard_defaults WHERE ecole_id = ?',
        [ecoleId],
      )
      .then(
        (rows) =>
          new Map(
            rows.map((row) => [
              row.profile,
              {
                widgets: this.parsePlacements(row.layout, `école ${ecoleId} ${row.profile}`),
                mandatory: this.parseKeys(row.mandatory, `école ${ecoleId} ${row.profile}`),
              },
            ]),
          ),
      );
  }

  /**
   * Reads a stored layout defensively: a row damaged by hand shows as an empty layout (and a
   * warning in the logs) rather than breaking the person's dashboard.
   */
  private parsePlacements(text: string, owner: string): WidgetPlacement[] {
    const value = this.parseJson(text, owner);
    if (!Array.isArray(value)) return [];
    return value.filter(isPlacement).map(({ widget, w, h }) => ({ widget, w, h }));
  }

  private parseKeys(text: string, owner: string): string[] {
    const value = this.parseJson(text, owner);
    return Array.isArray(value) ? value.filter((key) => typeof key === 'string') : [];
  }

  private parseJson(text: string, owner: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      this.ctx.log.warn({ owner }, 'Disposition de tableau de bord illisible : ignorée');
      return null;
    }
  }
}

// Module-private helpers.

interface DefaultsRow {
  profile: string;
  layout: string;
  mandatory: string;
}

function serialise(placements: readonly WidgetPlacement[]): string {
  return JSON.stringify(placements.map(({ widget, w, h }) => ({ widget, w, h })));
}

function isPlacement(value: unknown): value is WidgetPlacement {
  if (typeof value !== 'object' || value === null) return false;
  const { widget, w, h } = value as Record<string, unknown>;
  return typeof widget === 'string' && Number.isInteger(w) && Number.isInteger(h);
}
