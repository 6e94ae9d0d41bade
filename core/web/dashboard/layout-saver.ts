import type { PreauApiClient } from '@preau/sdk/widget';

import { layoutPayload } from './layout.js';
import type { DashboardView } from './types.js';

/** What the saver tells the dashboard. */
export interface SaverHooks {
  /** The view on screen now (already changed, optimistically). */
  current(): DashboardView;
  /** The server's view after the last change in line: the dashboard shows it. */
  confirmed(view: DashboardView): void;
  /** The server refused a change: the dashboard goes back to `view` and says `message`. */
  refused(view: DashboardView, message: string): void;
}

/**
 * Saves layout changes one after the other. Changes show at once; each is then sent with
 * `PUT /api/dashboard/layout` (the whole layout, so a change waiting behind another makes the
 * earlier one unnecessary and it is skipped). A refusal brings back the last layout the server
 * accepted.
 */
export class LayoutSaver {
  private accepted: DashboardView | null = null;
  private line: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private lastSave = 0;

  constructor(
    private readonly api: () => PreauApiClient,
    private readonly hooks: SaverHooks,
  ) {}

  /** The layout as loaded from the server: what a refusal goes back to. */
  set baseline(view: DashboardView) {
    this.accepted = view;
  }

  /** Whether changes are still on their way to the server. */
  get busy(): boolean {
    return this.queued > 0;
  }

  /** Saves the layout on screen (call after each change). */
  save(): void {
    const ticket = ++this.lastSave;
    // enqueue never rejects: a refusal is shown through hooks.refused.
    void this.enqueue(async () => {
      if (ticket !== this.lastSave) return undefined;
      return this.api().put<DashboardView>(
        '/api/dashboard/layout',
        layoutPayload(this.hooks.current()),
      );
    });
  }

  /** « Rétablir la disposition par défaut »: resolves true once the server has done it. */
  reset(): Promise<boolean> {
    return this.enqueue(() => this.api().delete<DashboardView>('/api/dashboard/layout'));
  }

  private enqueue(send: () => Promise<DashboardView | undefined>): Promise<boolean> {
    this.queued += 1;
    const outcome = this.line.then(async () => {
      try {
        const view = await send();
        if (!view) return true;
        this.accepted = view;
        if (this.queued === 1) this.hooks.confirmed(view);
        return true;
      } catch (error) {
        if (this.accepted) this.hooks.refused(this.accepted, (error as Error).message);
        return false;
      } finally {
        this.queued -= 1;
      }
    });
    this.line = outcome;
    return outcome;
  }
}
