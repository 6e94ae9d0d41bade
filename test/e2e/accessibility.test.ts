import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { NAMES } from './support/accounts.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { useE2E } from './support/browser.js';
import { waitForUsableDashboard, waitUntil } from './support/dashboard.js';
import { logIn, loginForm } from './support/login.js';

type Theme = 'default' | 'contraste';

async function expectNoSeriousViolation(page: Page): Promise<void> {
  const problems = await seriousViolations(page);
  expect(problems, describeViolations(problems)).to.deep.equal([]);
}

async function waitForTheme(page: Page, theme: Theme): Promise<void> {
  await waitUntil(
    () =>
      page.evaluate((name) => {
        const link = document.getElementById('preau-theme') as HTMLLinkElement | null;
        const sheet = link?.sheet;
        return link && sheet && new URL(link.href).pathname.startsWith(`/themes/${name}/`)
          ? true
          : undefined;
      }, theme),
    `la feuille de style du thème ${theme} chargée`,
  );
}

/** Logs in and selects the theme through the header's « Contraste élevé » button. */
async function logInWithTheme(page: Page, login: string, theme: Theme): Promise<void> {
  await logIn(page, login);
  const toggle = page.getByRole('button', { name: 'Contraste élevé', exact: true });
  const pressed = (await toggle.getAttribute('aria-pressed')) === 'true';
  if (pressed !== (theme === 'contraste')) await toggle.click();
  await waitForTheme(page, theme);
}

// SQLite only, like every e2e suite (see profiles.test.ts). RGAA 4 is WCAG 2.1 AA: axe-core's
// rules under those tags, serious and critical violations only.
describe('Portail : accessibilité (axe-core, WCAG 2.1 AA)', function () {
  this.timeout(120_000);
  // axe-core is injected as a script, which the portal's Content-Security-Policy forbids.
  const e2e = useE2E({ context: { bypassCSP: true } });

  // Each theme with its own person, so that one's saved theme never leaks into the other's test.
  const people: Record<Theme, string> = { default: 'lea.martin', contraste: 'sophie.lefebvre' };

  for (const theme of ['default', 'contraste'] as const) {
    describe(`thème ${theme}`, () => {
      it('has no serious or critical violation on the login page', async () => {
        const { page } = e2e;
        await page.goto('/');
        await loginForm(page).submit.waitFor();
        if (theme === 'contraste') {
          // The login page has its own « Contraste élevé » button (kept in the browser).
          await page.getByRole('button', { name: 'Contraste élevé', exact: true }).click();
        }
        await waitForTheme(page, theme);
        await expectNoSeriousViolation(page);
      });

      it('has no serious or critical violation on the dashboard', async () => {
        const { page } = e2e;
        await logInWithTheme(page, people[theme], theme);
        await waitForUsableDashboard(page);
        await expectNoSeriousViolation(page);
      });

      it('has no serious or critical violation in edit mode', async () => {
        const { page } = e2e;
        await logInWithTheme(page, people[theme], theme);
        await waitForUsableDashboard(page);
        await page.getByRole('button', { name: 'Personnaliser', exact: true }).click();
        await page.getByRole('button', { name: 'Terminer', exact: true }).waitFor();
        await expectNoSeriousViolation(page);
      });

      it('has no serious or critical violation on « Mes applis »', async () => {
        const { page } = e2e;
        await logInWithTheme(page, people[theme], theme);
        await page.getByRole('link', { name: 'Mes applis', exact: true }).click();
        await page.getByRole('heading', { name: 'Mes applis', exact: true }).waitFor();
        await page.getByRole('link', { name: NAMES.menuApp, exact: true }).waitFor();
        await expectNoSeriousViolation(page);
      });
    });
  }
});
