import { expect } from 'chai';

import { DEMO_PROFILES, NAMES } from './support/accounts.js';
import { useE2E } from './support/browser.js';
import { waitForUsableDashboard, widgetRegion } from './support/dashboard.js';
import { logIn } from './support/login.js';

// E2E suites run on SQLite only: they exercise the pages; the database paths they reach are
// tested on both engines by the HTTP suites.
describe('Portail : chaque profil de démonstration', function () {
  this.timeout(90_000);
  const e2e = useE2E();

  for (const person of DEMO_PROFILES) {
    const vitrine = person.vitrine
      ? '« Citation du jour » and « Météo »'
      : 'no vitrine widget (vitrine is off at that école)';
    describe(`${person.login} (${person.role}, ${person.ecole})`, () => {
      it(`logs in and sees their name, their école, « Menu du jour » and ${vitrine}`, async () => {
        const { page } = e2e;
        await logIn(page, person.login);
        await waitForUsableDashboard(page);

        const banner = page.getByRole('banner');
        await banner.getByText(person.firstName, { exact: false }).first().waitFor();
        const header = await banner.innerText();
        expect(header).to.contain(person.firstName).and.to.contain(person.lastName);
        expect(header).to.contain(person.ecole);

        await widgetRegion(page, NAMES.menuWidget).waitFor();
        if (person.vitrine) {
          await widgetRegion(page, NAMES.citationWidget).waitFor();
          await widgetRegion(page, NAMES.meteoWidget).waitFor();
        } else {
          expect(await widgetRegion(page, NAMES.citationWidget).count()).to.equal(0);
          expect(await widgetRegion(page, NAMES.meteoWidget).count()).to.equal(0);
        }
      });

      it('finds the canteen menus in « Mes applis », and the vitrine only where enabled', async () => {
        const { page } = e2e;
        await logIn(page, person.login);
        await page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link', { name: 'Mes applis', exact: true })
          .click();
        await page.getByRole('heading', { name: 'Mes applis', exact: true }).waitFor();
        await page.waitForURL(/\/applis$/);

        await page.getByRole('link', { name: NAMES.menuApp, exact: true }).waitFor();
        const vitrineLinks = page.getByRole('link', { name: NAMES.vitrineApp, exact: true });
        if (person.vitrine) await vitrineLinks.waitFor();
        else expect(await vitrineLinks.count()).to.equal(0);
      });
    });
  }
});
