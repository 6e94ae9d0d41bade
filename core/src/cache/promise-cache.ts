import type { Clock } from '../clock.js';

export interface PromiseCacheOptions<V> {
  /** How long a loaded value is served before it is loaded again. */
  ttlMs: number;
  /** Beyond this many keys the oldest entry is dropped, so memory stays bounded. */
  maxEntries?: number;
  /** Values not worth keeping (e.g. `null` for « not found », which may appear any moment). */
  keep?: (value: V) => boolean;
}

/**
 * A small in-process cache of promises, for per-école and per-person data read on every
 * request and changed rarely (enabled plugins, permission overrides, écoles, « who am I »).
 *
 * The promise itself is cached, so concurrent requests after expiry share one load; a load that
 * fails is forgotten at once. Writers through this process call `delete`/`clear`; the TTL bounds
 * how stale another instance can be until invalidations travel on a shared event bus.
 */
export class PromiseCache<K, V> {
  private readonly entries = new Map<K, { loadedAt: number; value: Promise<V> }>();

  constructor(
    private readonly clock: Clock,
    private readonly options: PromiseCacheOptions<V>,
  ) {}

  /** The cached value of `key`, or the result of `load()` (then cached). */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now();
    const cached = this.entries.get(key);
    if (cached && now - cached.loadedAt < this.options.ttlMs) return cached.value;
    const value = load();
    const forget = () => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    };
    value.then((loaded) => {
      if (this.options.keep && !this.options.keep(loaded)) forget();
    }, forget);
    this.entries.delete(key);
    this.entries.set(key, { loadedAt: now, value });
    const max = this.options.maxEntries;
    if (max !== undefined && this.entries.size > max) {
      // Maps iterate in insertion order: the first key is the oldest load.
      this.entries.delete(this.entries.keys().next().value as K);
    }
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets every entry whose key matches, or all of them. */
  clear(matches?: (key: K) => boolean): void {
    if (!matches) {
      this.entries.clear();
      return;
    }
    for (const key of [...this.entries.keys()]) if (matches(key)) this.entries.delete(key);
  }
}
