import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { apiSession } from './support/api.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { useE2E } from './support/browser.js';
import { waitForUsableDashboard } from './support/dashboard.js';
import { unfoldHeader } from './support/header.js';
import { annoncesItem, personIdOf, pushAnnonce, waitForOpenPages } from './support/live.js';
import { logIn } from './support/login.js';
import type { Portal } from './support/portal.js';

/** The vitrine fixture's item is empty until an announcement comes: waits for it to listen. */
async function waitForItem(page: Page): Promise<void> {
  await annoncesItem(page).waitFor({ state: 'attached' });
}

/** Shows an announcement in the item of `login`'s open page, so that it takes room. */
async function showAnnouncement(portal: Portal, page: Page, login: string): Promise<void> {
  await waitForItem(page);
  const other = await apiSession(portal.url, login);
  await waitForOpenPages(portal, await personIdOf(other));
  await pushAnnonce(other, 'Réunion des parents mardi à 18 h, salle polyvalente.');
  await annoncesItem(page).filter({ hasText: 'Réunion des parents' }).waitFor();
}

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : éléments d’en-tête des plugins', function () {
  this.timeout(120_000);
  // axe-core is injected as a script, which the portal's Content-Security-Policy forbids.
  const e2e = useE2E({ context: { bypassCSP: true } });

  it('shows the header item of a plugin enabled for my école, in the banner', async () => {
    const { page } = e2e;
    await logIn(page, 'lea.martin');
    await waitForItem(page);
    const inTools = await page
      .locator('preau-header > preau-header-item[slot="tools"] vitrine-annonces')
      .count();
    expect(inTools).to.equal(1);
  });

  it('shows no item of a plugin disabled for my école', async () => {
    const { page } = e2e;
    await logIn(page, 'claire.fontaine');
    await waitForUsableDashboard(page);
    expect(await page.locator('preau-header preau-header-item').count()).to.equal(0);
  });

  it('keeps the header whole when an item’s module cannot be loaded', async () => {
    const { page } = e2e;
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.route('**/header/annonces.js', (route) => route.abort());
    await logIn(page, 'sophie.lefebvre');
    await waitForUsableDashboard(page);
    const banner = page.getByRole('banner');
    await banner.getByRole('button', { name: 'Se déconnecter', exact: true }).waitFor();
    const item = page.locator('preau-header preau-header-item');
    await item.and(page.locator('[hidden]')).waitFor({ state: 'attached' });
    expect(await page.locator('preau-header vitrine-annonces').count()).to.equal(0);
    expect(errors.join('\n')).to.contain('Élément d’en-tête vitrine/annonces');
  });

  it('fits a 320 px wide screen with the header unfolded', async () => {
    const context = await e2e.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await logIn(page, 'lea.martin');
    await unfoldHeader(page);
    await showAnnouncement(e2e.portal, page, 'lea.martin');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
    }));
    expect(widths.page, 'la page défile à l’horizontale').to.be.at.most(widths.view);
  });

  it('has no serious or critical accessibility violation with the item in the header', async () => {
    const { page } = e2e;
    await logIn(page, 'marc.dubois');
    await waitForUsableDashboard(page);
    await showAnnouncement(e2e.portal, page, 'marc.dubois');
    const problems = await seriousViolations(page);
    expect(problems, describeViolations(problems)).to.deep.equal([]);
  });
});
