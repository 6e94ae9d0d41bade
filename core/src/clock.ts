/** Where Préau reads the time, so tests can move it (session expiry, throttling, quiet hours). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told: for tests. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 8, 1, 8, 0, 0)) {}

  now(): number {
    return this.current;
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}
