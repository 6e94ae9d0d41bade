import { expect } from 'chai';

import { NAMES, WIDGETS } from './support/accounts.js';
import { apiSession } from './support/api.js';
import { useE2E } from './support/browser.js';
import {
  dashboardOf,
  sectionStates,
  waitForUsableDashboard,
  waitUntil,
  widgetRegion,
} from './support/dashboard.js';
import { logIn } from './support/login.js';

const TITLES: Record<string, string> = {
  [WIDGETS.menu]: NAMES.menuWidget,
  [WIDGETS.citation]: NAMES.citationWidget,
  [WIDGETS.meteo]: NAMES.meteoWidget,
};

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : personnaliser son tableau de bord', function () {
  this.timeout(90_000);
  const e2e = useE2E();

  it('keeps a removed, reordered and resized layout after a reload', async () => {
    const { page } = e2e;
    await logIn(page, 'sophie.lefebvre');
    await waitForUsableDashboard(page);
    const before = await dashboardOf(page);
    expect(before.personalised, 'sophie.lefebvre starts from the default').to.equal(false);
    const initial = before.layout.map((placed) => placed.widget);
    expect(initial).to.include.members([WIDGETS.menu, WIDGETS.citation, WIDGETS.meteo]);

    await page.getByRole('button', { name: 'Personnaliser', exact: true }).click();
    await page.getByRole('button', { name: `Retirer « ${NAMES.meteoWidget} »` }).click();
    await widgetRegion(page, NAMES.meteoWidget).waitFor({ state: 'detached' });

    // Move the first remaining widget one place down: it swaps with the next one.
    const remaining = initial.filter((key) => key !== WIDGETS.meteo);
    const [first, second] = remaining as [string, string];
    await page.getByRole('button', { name: `Descendre « ${TITLES[first]} »` }).click();
    const reordered = [second, first, ...remaining.slice(2)];

    const citationBefore = before.layout.find((placed) => placed.widget === WIDGETS.citation)!;
    await page.getByRole('button', { name: `Agrandir « ${NAMES.citationWidget} »` }).click();
    await page.getByRole('button', { name: 'Terminer', exact: true }).click();

    // The layout is saved on the server…
    const saved = await waitUntil(
      async () => {
        const view = await dashboardOf(page);
        const keys = view.layout.map((placed) => placed.widget);
        return view.personalised && keys.join() === reordered.join() ? view : undefined;
      },
      `la disposition ${reordered.join(', ')} enregistrée`,
    );
    const citation = saved.layout.find((placed) => placed.widget === WIDGETS.citation)!;
    expect(citation.w * citation.h).to.be.greaterThan(citationBefore.w * citationBefore.h);

    // …and is what the page shows after a reload.
    await page.reload();
    await waitForUsableDashboard(page);
    const shown = (await sectionStates(page)).map((section) => section.key);
    expect(shown).to.deep.equal(reordered);
    expect(await widgetRegion(page, NAMES.meteoWidget).count()).to.equal(0);
  });

  it('goes back to the école’s default with « Rétablir la disposition par défaut »', async () => {
    const { page } = e2e;
    await logIn(page, 'lea.martin');
    await waitForUsableDashboard(page);
    const initial = (await dashboardOf(page)).layout.map((placed) => placed.widget);
    await page.getByRole('button', { name: 'Personnaliser', exact: true }).click();
    await page.getByRole('button', { name: `Retirer « ${NAMES.citationWidget} »` }).click();
    await waitUntil(
      async () => ((await dashboardOf(page)).personalised ? true : undefined),
      'la disposition personnelle enregistrée',
    );

    await page.getByRole('button', { name: 'Rétablir la disposition par défaut' }).click();
    await waitUntil(
      async () => ((await dashboardOf(page)).personalised ? undefined : true),
      'le retour à la disposition par défaut',
    );
    await page.reload();
    await waitForUsableDashboard(page);
    expect((await sectionStates(page)).map((section) => section.key)).to.deep.equal(initial);
  });

  it('adds a removed widget back with « Ajouter un widget »', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await waitForUsableDashboard(page);
    await page.getByRole('button', { name: 'Personnaliser', exact: true }).click();
    await page.getByRole('button', { name: `Retirer « ${NAMES.meteoWidget} »` }).click();
    await widgetRegion(page, NAMES.meteoWidget).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Ajouter un widget', exact: true }).click();
    await page.getByRole('button', { name: `Ajouter « ${NAMES.meteoWidget} »` }).click();
    await widgetRegion(page, NAMES.meteoWidget).waitFor();
    await page.getByRole('button', { name: 'Terminer', exact: true }).click();
    await waitUntil(
      async () =>
        (await dashboardOf(page)).layout.some((placed) => placed.widget === WIDGETS.meteo)
          ? true
          : undefined,
      'le widget rajouté enregistré',
    );
    await page.reload();
    await widgetRegion(page, NAMES.meteoWidget).waitFor();
  });

  it('offers no « Retirer » for a widget the école made mandatory, and says « Obligatoire »', async () => {
    const { page, portal } = e2e;
    // Les Tilleuls makes « Menu du jour » mandatory for its municipal staff.
    const admin = await apiSession(portal.url, 'admin.beaulieu');
    await admin.request(
      'PUT',
      `/api/admin/ecoles/${portal.ecoles.tilleuls}/dashboard-defaults/COL`,
      200,
      {
        widgets: [
          { widget: WIDGETS.menu, w: 1, h: 1 },
          { widget: WIDGETS.citation, w: 1, h: 1 },
        ],
        mandatory: [WIDGETS.menu],
      },
    );
    await logIn(page, 'nadia.moreau');
    await waitForUsableDashboard(page);
    await page.getByRole('button', { name: 'Personnaliser', exact: true }).click();
    await page.getByRole('button', { name: `Retirer « ${NAMES.citationWidget} »` }).waitFor();
    const menu = widgetRegion(page, NAMES.menuWidget);
    await menu.getByText('Obligatoire', { exact: true }).waitFor();
    expect(
      await page.getByRole('button', { name: `Retirer « ${NAMES.menuWidget} »` }).count(),
    ).to.equal(0);
  });
});
