import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { NAMES } from './support/accounts.js';
import { useE2E } from './support/browser.js';
import { waitForUsableDashboard, waitUntil, widgetRegion } from './support/dashboard.js';
import { logIn } from './support/login.js';

/** The path of the theme stylesheet the page uses, once it has loaded. */
async function themeStylesheet(page: Page): Promise<string> {
  return page.evaluate(() => {
    const link = document.getElementById('preau-theme') as HTMLLinkElement | null;
    return link ? new URL(link.href).pathname : '';
  });
}

async function waitForTheme(page: Page, name: string): Promise<void> {
  await waitUntil(
    async () => ((await themeStylesheet(page)).startsWith(`/themes/${name}/`) ? true : undefined),
    `la feuille de style du thème ${name}`,
    undefined,
    () => themeStylesheet(page),
  );
}

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : préférences d’affichage', function () {
  this.timeout(90_000);
  const e2e = useE2E();

  describe('« Contraste élevé »', () => {
    it('switches the stylesheet to themes/contraste, and keeps it after a reload', async () => {
      const { page } = e2e;
      await logIn(page, 'lea.martin');
      await waitForUsableDashboard(page);
      await waitForTheme(page, 'default');
      const toggle = page.getByRole('button', { name: 'Contraste élevé', exact: true });
      expect(await toggle.getAttribute('aria-pressed')).to.equal('false');

      await toggle.click();
      await waitForTheme(page, 'contraste');
      expect(await toggle.getAttribute('aria-pressed')).to.equal('true');

      await page.reload();
      await waitForUsableDashboard(page);
      await waitForTheme(page, 'contraste');
      expect(
        await page
          .getByRole('button', { name: 'Contraste élevé', exact: true })
          .getAttribute('aria-pressed'),
      ).to.equal('true');
    });

    it('switches back to the default theme when pressed again', async () => {
      const { page } = e2e;
      await logIn(page, 'noe.martin');
      const toggle = page.getByRole('button', { name: 'Contraste élevé', exact: true });
      await toggle.click();
      await waitForTheme(page, 'contraste');
      await toggle.click();
      await waitForTheme(page, 'default');
      await page.reload();
      await waitForUsableDashboard(page);
      await waitForTheme(page, 'default');
    });
  });

  describe('« Langue »', () => {
    it('shows English labels once English is chosen, and keeps them after a reload', async () => {
      const { page } = e2e;
      await logIn(page, 'sophie.lefebvre');
      await waitForUsableDashboard(page);
      await page.getByRole('banner').getByLabel('Langue', { exact: true }).selectOption({
        label: 'English',
      });

      // The widget titles come from the manifests' English texts.
      await widgetRegion(page, 'Today’s menu').or(widgetRegion(page, "Today's menu")).waitFor();
      await widgetRegion(page, 'Quote of the day').waitFor();
      await waitUntil(
        async () =>
          (await page.evaluate(() => document.documentElement.lang)).startsWith('en')
            ? true
            : undefined,
        'la page déclarée en anglais (lang="en")',
      );
      // The shell's own labels (core/web/i18n/en.ts).
      await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).to.equal(0);
      expect(await widgetRegion(page, NAMES.menuWidget).count()).to.equal(0);

      await page.reload();
      await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
      await widgetRegion(page, 'Quote of the day').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).to.match(/^en/);
    });
  });
});
