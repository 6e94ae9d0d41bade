import { PromiseCache } from '../cache/promise-cache.js';
import type { CoreContext } from '../context.js';
import { readEcole } from '../plugins/directory-reader.js';
import type { DashboardEcole } from './types.js';

/** How long an école's name and UAI stay cached: they change a few times in its life. */
export const ECOLE_TTL_MS = 60_000;

/**
 * The écoles the dashboard shows and hands to widget loaders, cached because every dashboard
 * request needs one and they almost never change.
 */
export class EcoleCache {
  private readonly cache: PromiseCache<number, DashboardEcole | null>;

  constructor(private readonly ctx: CoreContext) {
    // A miss is not kept: the école may be created the next moment.
    this.cache = new PromiseCache(ctx.clock, {
      ttlMs: ECOLE_TTL_MS,
      keep: (ecole) => ecole !== null,
    });
  }

  /** An école, or null when it does not exist. */
  get(ecoleId: number): Promise<DashboardEcole | null> {
    return this.cache.get(ecoleId, () => readEcole(this.ctx.sql, ecoleId));
  }
}
