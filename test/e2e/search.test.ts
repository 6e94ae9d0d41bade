import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { NAMES } from './support/accounts.js';
import { apiSession } from './support/api.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { useE2E } from './support/browser.js';
import { waitUntil } from './support/dashboard.js';
import { unfoldHeader } from './support/header.js';
import { logIn } from './support/login.js';

/**
 * A Monday three weeks ahead: a school day, after the menus the demo publishes (this week's and
 * next week's), so that this one is new whatever the date the tests run.
 */
const MONDAY = mondayInWeeks(3);
const MENU_TITLE = `Menu du ${new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})
  .format(new Date(`${MONDAY}T12:00:00Z`))
  .replace(/^lundi 1 /, 'lundi 1er ')}`;

function mondayInWeeks(weeks: number): string {
  const day = new Date();
  day.setUTCHours(12, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) + 7 * weeks);
  return day.toISOString().slice(0, 10);
}

/** The ISO week (`YYYY-Www`) of a Monday: the week's Thursday decides the year. */
function isoWeekOfMonday(monday: string): string {
  const thursday = new Date(`${monday}T12:00:00Z`);
  thursday.setUTCDate(thursday.getUTCDate() + 3);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The header's search box, by the names people hear. */
function searchBox(page: Page) {
  const form = page.getByRole('search', { name: 'Recherche dans l’école', exact: true });
  return {
    form,
    input: form.getByRole('combobox', { name: 'Rechercher', exact: true }),
    panel: page.getByRole('dialog', { name: 'Résultats de la recherche', exact: true }),
  };
}

/** Types a query as a person would, key by key, and waits for the panel's answer. */
async function typeQuery(page: Page, q: string): Promise<void> {
  await unfoldHeader(page);
  const { input, panel } = searchBox(page);
  await input.click();
  await input.pressSequentially(q);
  await panel.waitFor();
  await waitUntil(
    async () => ((await input.getAttribute('aria-expanded')) === 'true' ? true : undefined),
    'le panneau de résultats ouvert',
  );
}

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : la recherche de l’en-tête', function () {
  this.timeout(120_000);
  // axe-core is injected as a script, which the portal's Content-Security-Policy forbids.
  const e2e = useE2E({
    portal: { extraPlugins: ['@preau/plugin-recherche'] },
    context: { bypassCSP: true },
  });

  before(async () => {
    // The directeur of Jules-Ferry publishes a menu the demo's own menus do not resemble.
    const directeur = await apiSession(e2e.portal.url, 'marc.dubois');
    await directeur.request('PUT', `/api/plugins/menu-cantine/menus/${MONDAY}`, 201, {
      courses: {
        entree: [{ name: 'Velouté de potiron', allergens: ['lait'], labels: [] }],
        plat: [{ name: 'Blanquette de veau', allergens: [], labels: [] }],
      },
      note: 'Repas de fête à la cantine',
    });
  });

  it('shows a parent the menu under its service’s name, and opens it', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await typeQuery(page, 'cantin');
    const { panel, input } = searchBox(page);
    await panel.getByRole('heading', { name: NAMES.menuApp, exact: true }).waitFor();
    const result = panel.getByRole('link', { name: MENU_TITLE, exact: true });
    await result.waitFor();
    expect(await panel.getByText('Repas de fête à la cantine').count()).to.equal(1);
    await page.getByRole('status').filter({ hasText: '1 résultat' }).first().waitFor();

    // The keyboard reaches the result from the box, and Escape comes back.
    await input.press('ArrowDown');
    await waitUntil(
      () => result.evaluate((link) => (link.matches(':focus') ? true : undefined)),
      'le premier résultat a le focus',
    );
    await page.keyboard.press('Escape');
    await waitUntil(
      async () => ((await input.getAttribute('aria-expanded')) === 'false' ? true : undefined),
      'le panneau fermé par Échap',
    );
    expect(await input.evaluate((box) => box.matches(':focus'))).to.equal(true);

    await input.press('ArrowDown');
    await result.click();
    await page.getByRole('heading', { name: 'Menus de la semaine', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).to.equal('/apps/menu-cantine/');
    expect(new URL(page.url()).searchParams.get('semaine')).to.equal(isoWeekOfMonday(MONDAY));
  });

  it('opens the full results page with Enter, without serious axe violation', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await typeQuery(page, 'blanquette');
    await searchBox(page).input.press('Enter');
    await page.getByRole('heading', { name: 'Résultats de la recherche', level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).to.equal('blanquette');
    const main = page.getByRole('main');
    await main.getByText('1 résultat pour « blanquette »').waitFor();
    await main.getByRole('heading', { name: NAMES.menuApp, exact: true }).waitFor();
    await main.getByRole('link', { name: MENU_TITLE, exact: true }).waitFor();
    const problems = await seriousViolations(page);
    expect(problems, describeViolations(problems)).to.deep.equal([]);
  });

  it('finds nothing for a teacher of another école', async () => {
    const { page } = e2e;
    await logIn(page, 'claire.fontaine');
    await typeQuery(page, 'cantin');
    await searchBox(page).panel.getByText('Aucun résultat pour « cantin »').waitFor();
    expect(await page.getByRole('link', { name: MENU_TITLE }).count()).to.equal(0);
  });

  it('has no serious or critical axe violation with the panel open', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await typeQuery(page, 'cantin');
    await searchBox(page).panel.getByRole('link', { name: MENU_TITLE }).waitFor();
    const problems = await seriousViolations(page);
    expect(problems, describeViolations(problems)).to.deep.equal([]);
  });

  it('does not scroll sideways at 320 px with the panel open', async () => {
    const context = await e2e.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await logIn(page, 'camille.martin');
    await typeQuery(page, 'cantin');
    await searchBox(page).panel.getByRole('link', { name: MENU_TITLE }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).to.be.at.most(0);
  });
});
