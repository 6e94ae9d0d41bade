import type { LiveMessage } from '@preau/sdk';

/** One open page listening for a person's live messages. */
export type LiveListener = (message: LiveMessage) => void;

/**
 * The live messages of this process: each open page (`GET /api/live`) listens for its person,
 * and `push` hands a message to every page open for the people named. Nothing is stored: a
 * person with no open page misses the message (the page reloads what it shows when it connects).
 * Several Préau processes would need a shared channel (Redis pub/sub) behind the same interface.
 */
export class LiveHub {
  private readonly listeners = new Map<number, Set<LiveListener>>();

  /** Listens for a person's messages; returns the function that stops listening. */
  listen(personId: number, listener: LiveListener): () => void {
    let set = this.listeners.get(personId);
    if (!set) {
      set = new Set();
      this.listeners.set(personId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(personId) === set) this.listeners.delete(personId);
    };
  }

  push(personIds: readonly number[], message: LiveMessage): void {
    for (const personId of new Set(personIds)) {
      for (const listener of this.listeners.get(personId) ?? []) listener(message);
    }
  }

  /** How many pages are open for a person (for tests and statistics). */
  openPages(personId: number): number {
    return this.listeners.get(personId)?.size ?? 0;
  }
}
