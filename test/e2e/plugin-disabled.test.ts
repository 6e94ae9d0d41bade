import { expect } from 'chai';

import { NAMES, WIDGETS } from './support/accounts.js';
import { apiSession } from './support/api.js';
import { useE2E } from './support/browser.js';
import { waitForUsableDashboard, widgetRegion } from './support/dashboard.js';
import { logIn } from './support/login.js';

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : un plugin désactivé pour l’école', function () {
  this.timeout(90_000);
  const e2e = useE2E();

  async function openLauncher() {
    const { page } = e2e;
    await page.getByRole('link', { name: 'Mes applis', exact: true }).click();
    await page.getByRole('heading', { name: 'Mes applis', exact: true }).waitFor();
    await page.getByRole('link', { name: NAMES.menuApp, exact: true }).waitFor();
  }

  it('shows neither its widgets nor its app, even on a layout that held them', async () => {
    const { page, portal } = e2e;
    // Nadia placed a vitrine widget first on her own dashboard while vitrine was on.
    const nadia = await apiSession(portal.url, 'nadia.moreau');
    await nadia.request('PUT', '/api/dashboard/layout', 200, {
      widgets: [
        { widget: WIDGETS.citation, w: 1, h: 1 },
        { widget: WIDGETS.menu, w: 1, h: 1 },
      ],
    });
    await logIn(page, 'nadia.moreau');
    await waitForUsableDashboard(page);
    await widgetRegion(page, NAMES.citationWidget).waitFor();

    // The collectivité's administrator turns vitrine off at Les Tilleuls.
    const admin = await apiSession(portal.url, 'admin.beaulieu');
    await admin.request(
      'DELETE',
      `/api/admin/ecoles/${portal.ecoles.tilleuls}/plugins/vitrine`,
      200,
    );

    await page.reload();
    await waitForUsableDashboard(page);
    await widgetRegion(page, NAMES.menuWidget).waitFor();
    expect(await widgetRegion(page, NAMES.citationWidget).count()).to.equal(0);
    expect(await widgetRegion(page, NAMES.meteoWidget).count()).to.equal(0);

    await openLauncher();
    expect(await page.getByRole('link', { name: NAMES.vitrineApp, exact: true }).count()).to.equal(
      0,
    );
  });

  it('still shows them at an école of the same collectivité where it stays on', async () => {
    const { page, portal } = e2e;
    const admin = await apiSession(portal.url, 'admin.beaulieu');
    await admin.request(
      'DELETE',
      `/api/admin/ecoles/${portal.ecoles.tilleuls}/plugins/vitrine`,
      200,
    );
    await logIn(page, 'lea.martin');
    await waitForUsableDashboard(page);
    await widgetRegion(page, NAMES.citationWidget).waitFor();
    await openLauncher();
    await page.getByRole('link', { name: NAMES.vitrineApp, exact: true }).waitFor();
  });
});
