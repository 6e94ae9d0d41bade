import type { CoreContext } from '../context.js';
import type { DashboardEcole } from './types.js';

/** How long an école's name and UAI stay cached: they change a few times in its life. */
export const ECOLE_TTL_MS = 60_000;

/**
 * The écoles the dashboard shows and hands to widget loaders, cached because every dashboard
 * request needs one and they almost never change.
 */
export class EcoleCache {
  private readonly cache = new Map<number, Cached>();

  constructor(private readonly ctx: CoreContext) {}

  /** An école, or null when it does not exist (a miss is not cached). */
  get(ecoleId: number): Promise<DashboardEcole | null> {
    const now = this.ctx.clock.now();
    const cached = this.cache.get(ecoleId);
    if (cached && now - cached.loadedAt < ECOLE_TTL_MS) return cached.ecole;
    const ecole = this.ctx.sql
      .first<Row>('SELECT id, uai, name, collectivite_id FROM ecoles WHERE id = ?', [ecoleId])
      .then((row) =>
        row
          ? {
              id: Number(row.id),
              uai: row.uai,
              name: row.name,
              collectiviteId: Number(row.collectivite_id),
            }
          : null,
      );
    const forget = () => {
      if (this.cache.get(ecoleId)?.ecole === ecole) this.cache.delete(ecoleId);
    };
    ecole.then((found) => found ?? forget(), forget);
    this.cache.set(ecoleId, { loadedAt: now, ecole });
    return ecole;
  }
}

// Module-private helpers.

interface Cached {
  loadedAt: number;
  ecole: Promise<DashboardEcole | null>;
}

interface Row {
  id: number;
  uai: string;
  name: string;
  collectivite_id: number;
}
