import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

import { chromiumProblem, launchChromium } from '../e2e/support/browser.js';
import { usableAt } from '../e2e/support/dashboard.js';
import { logInThroughApi, loginForm } from '../e2e/support/login.js';
import { startPortal, type Portal } from '../e2e/support/portal.js';

/**
 * `npm run bench`, last part: what the portal weighs in Chromium. For a pupil and a teacher, the
 * dashboard's first load (empty cache) and a reload on a warm cache; the login page apart. See
 * README.md (« Poids des pages ») for what « usable » means and how bytes are counted.
 */

/** First load of the shell and the visible widgets: at most 150 000 bytes, compressed. */
export const FIRST_LOAD_BUDGET_BYTES = 150_000;

const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 30_000;

const PEOPLE = [
  { login: 'lea.martin', who: 'élève' },
  { login: 'sophie.lefebvre', who: 'enseignante' },
] as const;

/** One measured load. */
export interface PageWeight {
  page: string;
  load: 'premier chargement' | 'cache chaud';
  /** Bytes received over the network (compressed, headers included), until the network rests. */
  bytes: number;
  /** `performance.now()` when usable: ms since the navigation started. */
  usableMs: number;
  /** Bytes by kind of resource. */
  byKind: Record<string, number>;
}

/**
 * Measures and prints the page weights; returns false when the first-load budget is exceeded.
 * Skipped with PREAU_BENCH_BROWSER=0, and when Chromium is missing (it says why).
 */
export async function benchPageWeight(print: (line: string) => void): Promise<boolean> {
  if (process.env.PREAU_BENCH_BROWSER === '0') {
    print('Poids des pages : sauté (PREAU_BENCH_BROWSER=0).');
    return true;
  }
  const problem = chromiumProblem();
  if (problem) {
    print(`Poids des pages : sauté. ${problem}`);
    return true;
  }
  print('\nPoids des pages dans Chromium : préparation du portail de démonstration…');
  let portal: Portal | undefined;
  let browser: Browser | undefined;
  try {
    portal = await startPortal();
    browser = await launchChromium();
    const results: PageWeight[] = [await measureLoginPage(browser, portal)];
    for (const person of PEOPLE) {
      results.push(...(await measureDashboard(browser, portal, person.login, person.who)));
    }
    print(`\n${weightTable(results, browser.version())}\n`);
    const firstLoads = results.filter(
      (result) => result.load === 'premier chargement' && result.page.startsWith('Tableau'),
    );
    let withinBudget = true;
    for (const result of firstLoads) {
      const ok = result.bytes <= FIRST_LOAD_BUDGET_BYTES;
      withinBudget &&= ok;
      print(
        `${ok ? 'Budget tenu' : 'BUDGET DÉPASSÉ'} : ${result.page}, premier chargement ` +
          `${kilobytes(result.bytes)} pour ${kilobytes(FIRST_LOAD_BUDGET_BYTES)} au plus ` +
          `(${breakdown(result.byKind)}).`,
      );
    }
    return withinBudget;
  } finally {
    await browser?.close();
    await portal?.close();
  }
}

// Module-private helpers.

/** The login page alone, as a person arriving without a session sees it. */
async function measureLoginPage(browser: Browser, portal: Portal): Promise<PageWeight> {
  const context = await newContext(browser, portal);
  try {
    const page = await context.newPage();
    const meter = await NetworkMeter.attach(context, page);
    await page.goto('/');
    await loginForm(page).submit.waitFor({ timeout: TIMEOUT_MS });
    const usableMs = await loginShownAt(page);
    await page.waitForLoadState('networkidle');
    return { page: 'Connexion', load: 'premier chargement', usableMs, ...meter.take() };
  } finally {
    await context.close();
  }
}

/**
 * The dashboard from its URL, the session cookie set through the API (so the login page is
 * not counted here: it is measured apart), on an empty cache, then reloaded on a warm one.
 */
async function measureDashboard(
  browser: Browser,
  portal: Portal,
  login: string,
  who: string,
): Promise<PageWeight[]> {
  const context = await newContext(browser, portal);
  try {
    await logInThroughApi(context, login);
    const page = await context.newPage();
    const meter = await NetworkMeter.attach(context, page);
    const name = `Tableau de bord ${who} (${login})`;

    await page.goto('/');
    const firstMs = await usableAt(page, TIMEOUT_MS);
    await page.waitForLoadState('networkidle');
    const first = { page: name, load: 'premier chargement' as const, usableMs: firstMs };
    const firstWeight = meter.take();

    await page.reload();
    const warmMs = await usableAt(page, TIMEOUT_MS);
    await page.waitForLoadState('networkidle');
    const warm = { page: name, load: 'cache chaud' as const, usableMs: warmMs };
    return [
      { ...first, ...firstWeight },
      { ...warm, ...meter.take() },
    ];
  } finally {
    await context.close();
  }
}

/**
 * `performance.now()` at the first animation frame where the « Se connecter » button is shown
 * (looked for through the shadow roots, in the page, so no polling delay is counted).
 */
async function loginShownAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (label) => {
      const find = (root: Document | ShadowRoot): boolean =>
        Array.from(root.querySelectorAll('*')).some(
          (element) =>
            (element.localName === 'button' &&
              element.textContent?.trim() === label &&
              element.getBoundingClientRect().height > 0) ||
            (element.shadowRoot !== null && find(element.shadowRoot)),
        );
      return find(document) ? performance.now() : false;
    },
    'Se connecter',
    { polling: 'raf', timeout: TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

function newContext(browser: Browser, portal: Portal): Promise<BrowserContext> {
  return browser.newContext({ baseURL: portal.url, viewport: VIEWPORT, locale: 'fr-FR' });
}

/**
 * Counts the bytes the page receives, from the DevTools protocol: the sum of
 * `Network.loadingFinished.encodedDataLength` (what came over the wire, compressed, headers
 * included; 0 for what the cache served).
 */
class NetworkMeter {
  private bytes = 0;
  private byKind: Record<string, number> = {};
  private readonly kinds = new Map<string, string>();

  private constructor(private readonly session: CDPSession) {
    session.on('Network.responseReceived', (event) => {
      this.kinds.set(event.requestId, kindOf(event.response.url));
    });
    session.on('Network.loadingFinished', (event) => {
      const kind = this.kinds.get(event.requestId) ?? 'autre';
      this.bytes += event.encodedDataLength;
      this.byKind[kind] = (this.byKind[kind] ?? 0) + event.encodedDataLength;
    });
  }

  static async attach(context: BrowserContext, page: Page): Promise<NetworkMeter> {
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    return new NetworkMeter(session);
  }

  /** What was counted since the last call. */
  take(): { bytes: number; byKind: Record<string, number> } {
    const taken = { bytes: this.bytes, byKind: this.byKind };
    this.bytes = 0;
    this.byKind = {};
    return taken;
  }
}

function kindOf(url: string): string {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/assets/shell/')) return 'shell';
  if (pathname.startsWith('/assets/vendor/')) return 'modules partagés';
  if (pathname.startsWith('/plugins/')) return 'widgets';
  if (pathname.startsWith('/themes/')) return 'thème';
  if (pathname.startsWith('/api/')) return 'API';
  if (!pathname.includes('.')) return 'document';
  return 'autre';
}

function weightTable(results: PageWeight[], version: string): string {
  const header = ['Page', 'Chargement', 'Octets reçus', 'Utilisable après'];
  const rows = results.map((result) => [
    result.page,
    result.load,
    kilobytes(result.bytes),
    `${Math.round(result.usableMs).toLocaleString('fr-FR')} ms`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    `Chromium ${version}, fenêtre ${VIEWPORT.width} × ${VIEWPORT.height}, octets compressés reçus ` +
      '(1 Ko = 1 000 octets)',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n');
}

function breakdown(byKind: Record<string, number>): string {
  return Object.entries(byKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, bytes]) => `${kind} ${kilobytes(bytes)}`)
    .join(', ');
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`;
}
