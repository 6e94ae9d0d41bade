import { expect } from 'chai';

import { NAMES } from './support/accounts.js';
import { useE2E } from './support/browser.js';
import { WIDGET_FAILED, waitForUsableDashboard, widgetRegion } from './support/dashboard.js';
import { logIn } from './support/login.js';

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : un widget en panne', function () {
  this.timeout(90_000);
  const e2e = useE2E();

  beforeEach(async () => {
    await logIn(e2e.page, 'lea.martin');
    await waitForUsableDashboard(e2e.page);
  });

  it('shows « Ce widget n’a pas pu être chargé. » and « Réessayer » in its own section', async () => {
    const meteo = widgetRegion(e2e.page, NAMES.meteoWidget);
    await meteo.getByText(WIDGET_FAILED).waitFor();
    await meteo.getByRole('button', { name: 'Réessayer' }).waitFor();
  });

  it('never shows the loader’s internal error', async () => {
    const meteo = widgetRegion(e2e.page, NAMES.meteoWidget);
    await meteo.getByText(WIDGET_FAILED).waitFor();
    expect(await meteo.innerText()).not.to.match(/ECONNREFUSED|10\.0\.0\.7/);
  });

  it('lets « Citation du jour » and « Menu du jour » render beside it', async () => {
    const { page } = e2e;
    await widgetRegion(page, NAMES.citationWidget).getByText(NAMES.citationText).waitFor();
    // The canteen widget says which day its menu is for (the demo publishes no menu).
    await widgetRegion(page, NAMES.menuWidget)
      .getByText(/Aujourd’hui|Prochain repas/)
      .first()
      .waitFor();
    expect(
      await widgetRegion(page, NAMES.citationWidget).getByText(WIDGET_FAILED).count(),
    ).to.equal(0);
    expect(await widgetRegion(page, NAMES.menuWidget).getByText(WIDGET_FAILED).count()).to.equal(0);
  });
});
