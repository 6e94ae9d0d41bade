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
  private readonly listeners = new Map<number, Map<LiveListener, (() => void) | undefined>>();

  /**
   * Listens for a person's messages; returns the function that stops listening. `close`, when
   * given, ends the page's stream: `disconnect` calls it (an account blocked, a test).
   */
  listen(personId: number, listener: LiveListener, close?: () => void): () => void {
    let pages = this.listeners.get(personId);
    if (!pages) {
      pages = new Map();
      this.listeners.set(personId, pages);
    }
    pages.set(listener, close);
    return () => {
      pages.delete(listener);
      if (pages.size === 0 && this.listeners.get(personId) === pages) {
        this.listeners.delete(personId);
      }
    };
  }

  push(personIds: readonly number[], message: LiveMessage): void {
    for (const personId of new Set(personIds)) {
      for (const listener of [...(this.listeners.get(personId)?.keys() ?? [])]) listener(message);
    }
  }

  /** How many pages are open for a person (for tests and statistics). */
  openPages(personId: number): number {
    return this.listeners.get(personId)?.size ?? 0;
  }

  /**
   * Ends the open streams of a person (every person when omitted); their pages reconnect by
   * themselves, with a fresh session check. Returns how many streams were asked to close.
   */
  disconnect(personId?: number): number {
    const groups =
      personId === undefined ? [...this.listeners.values()] : [this.listeners.get(personId)];
    let closed = 0;
    for (const pages of groups) {
      for (const close of [...(pages?.values() ?? [])]) {
        if (!close) continue;
        close();
        closed += 1;
      }
    }
    return closed;
  }
}
