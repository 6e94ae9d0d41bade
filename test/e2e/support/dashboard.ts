import type { Page } from 'playwright-core';

import { ACTION_TIMEOUT_MS } from './browser.js';
import { dashboardHeading } from './login.js';

/** The messages a widget's error boundary shows (docs/../portal contract). */
export const WIDGET_FAILED = 'Ce widget n’a pas pu être chargé.';
export const WIDGET_TIMED_OUT = 'Ce widget met trop de temps à répondre.';

/** One widget section as the page shows it. */
export interface SectionState {
  /** `data-widget`: `<plugin-id>/<widget-id>`. */
  key: string;
  /** Whether any part of it is inside the viewport. */
  inViewport: boolean;
  /** Top edge, in page coordinates (CSS pixels). */
  top: number;
  /**
   * 'ready': its widget element is defined, has rendered, and has its data (or its own data
   * error); 'failed': the error boundary's message is shown; 'loading': anything else.
   */
  state: 'ready' | 'failed' | 'loading';
}

/** A widget's section, by its title. */
export function widgetRegion(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

/** Every widget section of the page, in document order, with its state. */
export function sectionStates(page: Page): Promise<SectionState[]> {
  return page.evaluate(readSections, {
    failed: WIDGET_FAILED,
    timedOut: WIDGET_TIMED_OUT,
    usable: false,
  }) as Promise<SectionState[]>;
}

/**
 * Waits for a usable dashboard and returns its sections. « Usable »: the heading « Tableau de
 * bord » is shown, the page has at least one widget section, and every section that intersects
 * the viewport is settled — its widget element is defined, has rendered, and holds its data (or
 * its own data error), or the section shows the error boundary's message (see SectionState).
 * Sections below the fold are not waited for: they load when scrolled to.
 */
export async function waitForUsableDashboard(
  page: Page,
  timeoutMs = ACTION_TIMEOUT_MS,
): Promise<SectionState[]> {
  await usableAt(page, timeoutMs);
  return sectionStates(page);
}

/**
 * The page's `performance.now()` at the first animation frame where the dashboard is usable
 * (see waitForUsableDashboard): milliseconds since the navigation started.
 */
export async function usableAt(page: Page, timeoutMs = ACTION_TIMEOUT_MS): Promise<number> {
  await dashboardHeading(page).waitFor({ timeout: timeoutMs });
  try {
    const handle = await page.waitForFunction(
      readSections,
      { failed: WIDGET_FAILED, timedOut: WIDGET_TIMED_OUT, usable: true },
      { polling: 'raf', timeout: timeoutMs },
    );
    return (await handle.jsonValue()) as number;
  } catch (error) {
    const seen = await sectionStates(page).catch(() => 'page fermée');
    throw new Error(
      `Tableau de bord toujours pas utilisable (chaque widget visible rendu ou en erreur) ; ` +
        `état vu : ${JSON.stringify(seen)} (${(error as Error).message.split('\n')[0]})`,
      { cause: error },
    );
  }
}

/** The dashboard as the API gives it to the person logged in in this page's context. */
export async function dashboardOf(page: Page): Promise<DashboardView> {
  const response = await page.request.get('/api/dashboard');
  if (response.status() !== 200) {
    throw new Error(`GET /api/dashboard : ${response.status()} ${await response.text()}`);
  }
  return (await response.json()) as DashboardView;
}

/** The fields of `GET /api/dashboard` the tests read. */
export interface DashboardView {
  personalised: boolean;
  layout: Array<{ widget: string; w: number; h: number; module: string; mandatory: boolean }>;
  available: Array<{ widget: string; module: string }>;
}

/**
 * Polls `probe` until it returns something other than undefined. Never a timing assertion: the
 * limit only turns a wait that would never end into a failure that says what was awaited.
 */
export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = ACTION_TIMEOUT_MS,
  lastSeen?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seen = lastSeen ? ` ; état vu : ${await lastSeen()}` : '';
      throw new Error(`Toujours pas ${what} après ${timeoutMs / 1000} s${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Module-private helpers.

/**
 * Runs in the page (self-contained: Playwright sends its source). Lists the widget sections
 * with their state; with `usable`, returns instead `performance.now()` when the dashboard is
 * usable, false otherwise (for waitForFunction).
 */
function readSections(options: {
  failed: string;
  timedOut: string;
  usable: boolean;
}): SectionState[] | number | false {
  // Sections live in shadow roots: walk every open root, in document order.
  const sections: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (element.matches('section[data-widget]')) sections.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  const composedText = (node: Node): string => {
    let text = '';
    const visit = (current: Node) => {
      if (current.nodeType === Node.TEXT_NODE) text += current.textContent ?? '';
      const shadow = (current as Element).shadowRoot;
      if (shadow) visit(shadow);
      current.childNodes.forEach(visit);
    };
    visit(node);
    return text.replace(/\s+/g, ' ');
  };
  type WidgetElement = HTMLElement & {
    data?: unknown;
    dataError?: unknown;
    hasUpdated?: boolean;
    isUpdatePending?: boolean;
  };
  const states: SectionState[] = [];
  const seen = new Set<string>();
  for (const section of sections) {
    const key = section.getAttribute('data-widget') ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    const box = section.getBoundingClientRect();
    const inViewport =
      box.bottom > 0 && box.top < window.innerHeight && box.width > 0 && box.height > 0;
    const text = composedText(section);
    const widget = Array.from(section.querySelectorAll('*')).find(
      (element) => element.localName.includes('-') && 'dataError' in element,
    ) as WidgetElement | undefined;
    let state: SectionState['state'] = 'loading';
    if (text.includes(options.failed) || text.includes(options.timedOut)) state = 'failed';
    else if (
      section.getAttribute('aria-busy') !== 'true' &&
      widget &&
      customElements.get(widget.localName) &&
      widget.hasUpdated &&
      !widget.isUpdatePending &&
      (widget.data !== undefined || Boolean(widget.dataError))
    ) {
      state = 'ready';
    }
    states.push({ key, inViewport, top: box.top + window.scrollY, state });
  }
  if (!options.usable) return states;
  const visible = states.filter((section) => section.inViewport);
  return visible.length > 0 && visible.every((section) => section.state !== 'loading')
    ? performance.now()
    : false;
}
