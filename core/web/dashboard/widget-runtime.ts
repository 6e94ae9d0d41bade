import type { PreauApiClient } from '@preau/sdk/widget';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { PlacedWidget, WidgetDataResult } from './types.js';
import { VisibilityTracker } from './visibility.js';
import {
  createWidgetElement,
  fetchWidgetsData,
  importWidgetModule,
  type WidgetElement,
} from './widget-loader.js';

/** Where a widget stands: not yet on screen, loading, shown, or in its error boundary. */
export type WidgetStatus = 'waiting' | 'loading' | 'ready' | 'failed' | 'timeout';

/** What the dashboard renders for one widget. */
export interface WidgetState {
  readonly status: WidgetStatus;
  /** For 'failed': the server's or the widget's own sentence, when it gave one. */
  readonly detail: string;
  /** The widget's element, once its module and data have arrived. */
  readonly element: WidgetElement | undefined;
}

/** How long a widget may take (module and data) before its boundary says it is too slow. */
export const WIDGET_TIMEOUT_MS = 8000;

/** Refreshes falling due within this many milliseconds share one request. */
const REFRESH_GATHERING_MS = 250;

/**
 * Brings each widget to life when its section comes on screen, and only then: imports its
 * module, fetches its data (one request for the widgets that appeared together), creates its
 * element, refreshes it every `refreshSeconds` while it stays visible. Every failure, time-out
 * or render error stays inside that widget's state; the others carry on.
 */
export class WidgetRuntime implements ReactiveController {
  private readonly entries = new Map<string, Entry>();
  private readonly tracker = new VisibilityTracker((keys) => this.appeared(keys));
  private readonly firstLoads = new Set<string>();
  private readonly refreshes = new Set<string>();
  private readonly batches = new Set<AbortController>();
  private scheduled = false;
  private gathering = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly api: () => PreauApiClient,
    private readonly timeoutMs = WIDGET_TIMEOUT_MS,
  ) {
    host.addController(this);
  }

  /** Follows the layout: new widgets wait to be seen, removed ones are let go. */
  setWidgets(layout: readonly PlacedWidget[]): void {
    const keys = new Set(layout.map((widget) => widget.widget));
    for (const key of [...this.entries.keys()]) if (!keys.has(key)) this.drop(key);
    for (const widget of layout) {
      const entry = this.entries.get(widget.widget);
      if (entry && entry.widget.module === widget.module && entry.widget.tag === widget.tag) {
        entry.widget = widget;
      } else {
        if (entry) this.drop(widget.widget);
        this.entries.set(widget.widget, internals.newEntry(widget));
      }
    }
  }

  /** Lets every widget go (e.g. the person switched école or profile: other data). */
  reset(): void {
    for (const key of [...this.entries.keys()]) this.drop(key);
  }

  state(key: string): WidgetState {
    return this.entries.get(key) ?? internals.waiting;
  }

  /** « Réessayer »: loads the widget again, module included if that is what failed. */
  retry(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || entry.status === 'loading') return;
    this.firstLoads.add(key);
    this.schedule();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    // Back on the page after a disconnection: render again so the sections are observed again.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    for (const section of this.host.renderRoot.querySelectorAll('section[data-widget]')) {
      const key = section.getAttribute('data-widget');
      if (key && this.entries.has(key)) this.tracker.observe(key, section);
    }
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.tracker.disconnect();
    clearTimeout(this.gathering);
    this.gathering = 0;
    for (const batch of this.batches) batch.abort();
    this.batches.clear();
    this.firstLoads.clear();
    this.refreshes.clear();
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      entry.attempt += 1;
      // Loaded widgets refresh when seen again; interrupted ones start over.
      if (entry.status === 'loading') entry.status = 'waiting';
      else if (entry.status === 'ready' && entry.widget.refreshSeconds) entry.stale = true;
    }
  }

  private appeared(keys: readonly string[]): void {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry?.status === 'waiting') this.firstLoads.add(key);
      else if (entry?.stale) this.refreshes.add(key);
    }
    this.schedule();
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState !== 'visible') return;
    this.appeared(this.tracker.visibleKeys());
  };

  /**
   * Gathers the loads asked for in the same task into one batch; `wait` (ms) gathers those of
   * the next moments too (refresh timers of widgets loaded together fall due together).
   */
  private schedule(wait = 0): void {
    if (this.firstLoads.size === 0 && this.refreshes.size === 0) return;
    if (wait > 0) {
      if (!this.gathering) {
        this.gathering = window.setTimeout(() => {
          this.gathering = 0;
          this.flush();
        }, wait);
      }
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const first = [...this.firstLoads].filter((key) => this.entries.has(key));
    const refresh = [...this.refreshes].filter(
      (key) => this.entries.has(key) && !first.includes(key),
    );
    this.firstLoads.clear();
    this.refreshes.clear();
    if (first.length === 0 && refresh.length === 0) return;
    for (const key of first) {
      const entry = this.entries.get(key)!;
      entry.attempt += 1;
      this.settle(entry, 'loading');
    }
    for (const key of refresh) this.entries.get(key)!.stale = false;

    const controller = new AbortController();
    this.batches.add(controller);
    const data = fetchWidgetsData(this.api(), [...first, ...refresh], controller.signal);
    let timer = 0;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = window.setTimeout(() => {
        resolve('timeout');
        controller.abort();
      }, this.timeoutMs);
    });
    const jobs = [
      ...first.map((key) => this.load(this.entries.get(key)!, data, deadline)),
      ...refresh.map((key) => this.refresh(this.entries.get(key)!, data, deadline)),
    ];
    void Promise.allSettled(jobs).then(() => {
      clearTimeout(timer);
      this.batches.delete(controller);
    });
  }

  private async load(entry: Entry, data: Promise<Results>, deadline: Promise<'timeout'>) {
    const { attempt, widget } = entry;
    const ready = Promise.all([importWidgetModule(widget.module), data]).then(
      ([, results]) => internals.resultOf(results, widget.widget),
      (): WidgetDataResult => ({ status: 'erreur', message: '' }),
    );
    const outcome = await Promise.race([ready, deadline]);
    // Removed, retried or interrupted meanwhile: this answer is no one's any more.
    if (this.entries.get(widget.widget) !== entry || entry.attempt !== attempt) return;
    if (outcome === 'timeout' || outcome.status === 'délai-dépassé') {
      this.settle(entry, 'timeout');
      return;
    }
    if (outcome.status !== 'ok') {
      this.settle(entry, 'failed', outcome.message);
      return;
    }
    try {
      entry.element ??= this.watched(entry, createWidgetElement(widget.tag));
      this.deliver(entry, outcome.data);
    } catch {
      this.settle(entry, 'failed');
      return;
    }
    this.settle(entry, 'ready');
    this.planRefresh(entry);
  }

  /**
   * A refresh that fails keeps the data on screen (a menu from five minutes ago beats an error
   * message) and tries again at the next interval.
   */
  private async refresh(entry: Entry, data: Promise<Results>, deadline: Promise<'timeout'>) {
    const { attempt, widget } = entry;
    const outcome = await Promise.race([data, deadline]);
    if (this.entries.get(widget.widget) !== entry || entry.attempt !== attempt) return;
    if (entry.status !== 'ready') return;
    const result = outcome === 'timeout' ? undefined : internals.resultOf(outcome, widget.widget);
    if (result?.status === 'ok') {
      try {
        this.deliver(entry, result.data);
      } catch {
        this.settle(entry, 'failed');
        return;
      }
    }
    this.planRefresh(entry);
  }

  /** Hands data to the element; a render that throws sends the widget to its boundary. */
  private deliver(entry: Entry, data: unknown): void {
    const element = entry.element!;
    element.data = data;
    element.dataError = null;
    const attempt = entry.attempt;
    element.updateComplete?.then(undefined, () => {
      if (entry.attempt === attempt && entry.status === 'ready') this.settle(entry, 'failed');
    });
  }

  /** A widget whose own `reload()` fails reports `dataError`: its boundary takes over. */
  private watched(entry: Entry, element: WidgetElement): WidgetElement {
    element.addController?.({
      hostUpdated: () => {
        const problem = element.dataError;
        if (entry.status === 'ready' && typeof problem === 'string' && problem) {
          this.settle(entry, 'failed', problem);
        }
      },
    });
    return element;
  }

  private planRefresh(entry: Entry): void {
    clearTimeout(entry.timer);
    const seconds = entry.widget.refreshSeconds;
    if (!seconds || seconds <= 0) return;
    entry.timer = window.setTimeout(() => {
      const key = entry.widget.widget;
      if (this.tracker.isVisible(key) && document.visibilityState === 'visible') {
        this.refreshes.add(key);
        this.schedule(REFRESH_GATHERING_MS);
      } else {
        entry.stale = true;
      }
    }, seconds * 1000);
  }

  private settle(entry: Entry, status: WidgetStatus, detail = ''): void {
    entry.status = status;
    entry.detail = detail;
    if (status !== 'ready') clearTimeout(entry.timer);
    this.host.requestUpdate();
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry) {
      clearTimeout(entry.timer);
      entry.attempt += 1;
    }
    this.entries.delete(key);
    this.tracker.forget(key);
    this.firstLoads.delete(key);
    this.refreshes.delete(key);
  }
}

// Module-private helpers.

type Results = Record<string, WidgetDataResult>;

interface Entry {
  widget: PlacedWidget;
  status: WidgetStatus;
  detail: string;
  element: WidgetElement | undefined;
  /** Bumped at each load, so that a late answer to an older one is ignored. */
  attempt: number;
  /** Refresh timer. */
  timer: number;
  /** A refresh fell due while the widget was out of sight: refresh when seen again. */
  stale: boolean;
}

const internals = {
  waiting: { status: 'waiting', detail: '', element: undefined } as WidgetState,

  newEntry(widget: PlacedWidget): Entry {
    return {
      widget,
      status: 'waiting',
      detail: '',
      element: undefined,
      attempt: 0,
      timer: 0,
      stale: false,
    };
  },

  resultOf(results: Results, key: string): WidgetDataResult {
    return results[key] ?? { status: 'erreur', message: '' };
  },
};
