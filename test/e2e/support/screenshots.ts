import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { repoRoot } from './portal.js';

/**
 * Screenshots for docs/user-guide.md are written only with PREAU_SCREENSHOTS=1, so that a test
 * run (CI's included) never changes the work tree. `PREAU_SCREENSHOTS=1 npx mocha
 * 'test/dist/e2e/**\/*.test.js'` renews them all.
 */
export const screenshotsWanted = process.env.PREAU_SCREENSHOTS === '1';

export const imagesDir = join(repoRoot, 'docs/images');

/** Saves what the viewport shows as docs/images/<name>.png (when wanted). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotsWanted) return;
  mkdirSync(imagesDir, { recursive: true });
  await page.screenshot({
    path: join(imagesDir, `${name}.png`),
    animations: 'disabled',
    caret: 'hide',
  });
}
