import { existsSync } from 'node:fs';

import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

import { startPortal, type Portal, type PortalOptions } from './portal.js';

/** Debian's Chromium: the tests never download a browser (test/setup/ensure-chromium.sh). */
export const CHROMIUM_PATH = process.env.PREAU_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless Chromium in a container, with nothing calling home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long one Playwright action or wait may take: generous, for a loaded 2-core CI machine. */
export const ACTION_TIMEOUT_MS = 20_000;

/** Whether Chromium is where the tests expect it; the reason when it is not. */
export function chromiumProblem(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return (
    `Chromium introuvable à ${CHROMIUM_PATH} : installez-le (bash test/setup/ensure-chromium.sh, ` +
    'ou apt-get install chromium) ou indiquez son chemin dans PREAU_CHROMIUM.'
  );
}

/** Starts a headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** What a test file works with; set by the hooks `useE2E` registers. */
export interface E2E {
  portal: Portal;
  browser: Browser;
  /** A fresh context (no cookies, no cache) for each test. */
  context: BrowserContext;
  page: Page;
  /** Opens another fresh context, e.g. with another viewport; closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

export interface E2EOptions {
  portal?: PortalOptions;
  /** Options of each test's context (viewport, bypassCSP…). */
  context?: BrowserContextOptions;
}

/**
 * Registers the hooks of an e2e test file: one portal and one browser for the file, a fresh
 * browser context and page for each test. Call it once, at the top of the file's `describe`.
 */
export function useE2E(options: E2EOptions = {}): E2E {
  const e2e = {} as E2E;
  const opened: BrowserContext[] = [];
  e2e.newContext = async (extra = {}) => {
    const context = await e2e.browser.newContext({
      baseURL: e2e.portal.url,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 800 },
      ...options.context,
      ...extra,
    });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    opened.push(context);
    return context;
  };

  before(async function () {
    this.timeout(120_000);
    e2e.portal = await startPortal(options.portal);
    e2e.browser = await launchChromium();
  });
  after(async function () {
    this.timeout(60_000);
    await e2e.browser?.close();
    await e2e.portal?.close();
  });
  beforeEach(async () => {
    e2e.context = await e2e.newContext();
    e2e.page = await e2e.context.newPage();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
  });
  return e2e;
}
