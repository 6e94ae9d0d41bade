import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { NAMES } from './support/accounts.js';
import { useE2E } from './support/browser.js';
import { waitForUsableDashboard, waitUntil } from './support/dashboard.js';
import { unfoldHeader } from './support/header.js';
import { logIn, loginForm } from './support/login.js';
import { screenshot } from './support/screenshots.js';

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;

/** Whether the page scrolls sideways: it must not, at any width. */
async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `largeur du document à ${width} px`).to.be.at.most(width);
}

// SQLite only, like every e2e suite (see profiles.test.ts). The screenshots are those of
// docs/user-guide.md, written only with PREAU_SCREENSHOTS=1 (see support/screenshots.ts).
describe('Portail : sur téléphone et sur ordinateur', function () {
  this.timeout(90_000);
  const e2e = useE2E();

  for (const viewport of VIEWPORTS) {
    const size = viewport.width;
    describe(`à ${viewport.width} × ${viewport.height}`, () => {
      beforeEach(async () => {
        await e2e.page.setViewportSize(viewport);
      });

      it('shows the login page without horizontal scrolling', async () => {
        const { page } = e2e;
        await page.goto('/');
        await loginForm(page).submit.waitFor();
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await expectNoHorizontalScroll(page, size);
        await screenshot(page, `connexion-${size}`);
      });

      it('shows a pupil’s dashboard without horizontal scrolling', async () => {
        const { page } = e2e;
        await logIn(page, 'lea.martin');
        await waitForUsableDashboard(page);
        await expectNoHorizontalScroll(page, size);
        await screenshot(page, `tableau-de-bord-eleve-${size}`);
      });

      it('shows a teacher’s dashboard and its edit mode without horizontal scrolling', async () => {
        const { page } = e2e;
        await logIn(page, 'sophie.lefebvre');
        await waitForUsableDashboard(page);
        await expectNoHorizontalScroll(page, size);
        await screenshot(page, `tableau-de-bord-enseignante-${size}`);

        await page.getByRole('button', { name: 'Personnaliser', exact: true }).click();
        await page
          .getByRole('button', { name: `Descendre « ${NAMES.menuWidget} »` })
          .or(page.getByRole('button', { name: `Monter « ${NAMES.menuWidget} »` }))
          .first()
          .waitFor();
        await expectNoHorizontalScroll(page, size);
        await screenshot(page, `personnaliser-${size}`);
      });

      it('shows « Mes applis » without horizontal scrolling', async () => {
        const { page } = e2e;
        await logIn(page, 'lea.martin');
        await unfoldHeader(page);
        if (size === 360) await screenshot(page, 'menu-ouvert-360');
        await page.getByRole('link', { name: 'Mes applis', exact: true }).click();
        await page.getByRole('link', { name: NAMES.menuApp, exact: true }).waitFor();
        await expectNoHorizontalScroll(page, size);
        await screenshot(page, `mes-applis-${size}`);
      });

      it('shows the high-contrast theme without horizontal scrolling', async () => {
        const { page } = e2e;
        // Someone the other tests leave alone (one per viewport): the theme is saved per person.
        await logIn(page, size === 360 ? 'noe.martin' : 'lucas.garnier');
        await unfoldHeader(page);
        await page.getByRole('button', { name: 'Contraste élevé', exact: true }).click();
        await waitUntil(
          () =>
            page.evaluate(() => {
              const link = document.getElementById('preau-theme') as HTMLLinkElement | null;
              return link?.sheet && link.href.includes('/themes/contraste/') ? true : undefined;
            }),
          'le thème contrasté chargé',
        );
        await waitForUsableDashboard(page);
        await expectNoHorizontalScroll(page, size);
        await screenshot(page, `contraste-${size}`);
      });
    });
  }
});
