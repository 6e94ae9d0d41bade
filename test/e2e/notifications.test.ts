import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { apiSession, type ApiSession } from './support/api.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { useE2E } from './support/browser.js';
import { waitUntil } from './support/dashboard.js';
import { unfoldHeader } from './support/header.js';
import { logIn } from './support/login.js';
import { screenshot } from './support/screenshots.js';

/** The notifications routes, as the pages call them. */
const API = '/api/plugins/notifications';

interface Item {
  id: number;
  title: string;
  url: string;
  readAt: number | null;
}

/** The bell, whatever its count: its accessible name starts with « Notifications ». */
function bell(page: Page) {
  return page.getByRole('button', { name: /^Notifications(, \d+ non lues?)?$/ });
}

/** The bell's accessible name for a number of unread notifications. */
function bellName(unread: number): string {
  if (unread === 0) return 'Notifications';
  return unread === 1 ? 'Notifications, 1 non lue' : `Notifications, ${unread} non lues`;
}

/** Waits until the bell says `unread`, reporting what it said last when it never does. */
async function waitForBell(page: Page, unread: number): Promise<void> {
  const wanted = bellName(unread);
  await waitUntil(
    async () => ((await bell(page).getAttribute('aria-label')) === wanted ? true : undefined),
    `la cloche « ${wanted} »`,
    undefined,
    async () => String(await bell(page).getAttribute('aria-label')),
  );
}

/**
 * A future school day (never a Wednesday: the demo écoles may serve no meal then), distinct
 * for each `n`, so that every test publishes a menu of its own.
 */
function schoolDay(n: number): string {
  const day = new Date();
  day.setUTCHours(12, 0, 0, 0);
  // The Monday in three weeks (after the demo's own menus of this week and the next), then
  // Monday, Tuesday, Thursday, Friday of the following weeks.
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7 || 7) + 14);
  const offsets = [0, 1, 3, 4];
  day.setUTCDate(day.getUTCDate() + 7 * Math.floor(n / 4) + offsets[n % 4]!);
  return day.toISOString().slice(0, 10);
}

async function publishMenu(directeur: ApiSession, date: string, dish: string): Promise<void> {
  const answer = await fetchStatus(directeur, 'PUT', `/api/plugins/menu-cantine/menus/${date}`, {
    courses: { plat: [{ name: dish, allergens: [] }] },
  });
  expect([200, 201], `publication du menu du ${date}`).to.include(answer);
}

/** Like `ApiSession.request`, for an answer that may be 200 or 201. */
async function fetchStatus(
  session: ApiSession,
  method: string,
  path: string,
  body: unknown,
): Promise<number> {
  for (const status of [201, 200]) {
    try {
      await session.request(method, path, status, body);
      return status;
    } catch (error) {
      if (!String((error as Error).message).includes(`au lieu de ${status}`)) throw error;
      // A replaced menu answers 200: the first attempt created it, so the second replaces it.
    }
  }
  throw new Error(`${method} ${path} : ni 201 ni 200`);
}

/** The parent's newest item, once the server has delivered one newer than `after`. */
async function newestItem(parent: ApiSession, after: number | null): Promise<Item> {
  return waitUntil(async () => {
    const page = await parent.request<{ items: Item[] }>('GET', `${API}/items?limit=1`);
    const item = page.items[0];
    return item && (after === null || item.id > after) ? item : undefined;
  }, 'une nouvelle notification pour le parent');
}

async function newestId(parent: ApiSession): Promise<number | null> {
  const page = await parent.request<{ items: Item[] }>('GET', `${API}/items?limit=1`);
  return page.items[0]?.id ?? null;
}

async function expectNoSeriousViolation(page: Page, where: string): Promise<void> {
  const problems = await seriousViolations(page);
  expect(problems, `${where} : ${describeViolations(problems)}`).to.deep.equal([]);
}

// SQLite only, like every e2e suite (see profiles.test.ts). The demo clock is the real clock:
// the directeur first empties the école's quiet hours, so that a menu published at night or on
// a weekend is delivered at once, whatever the hour the tests run.
describe('Notifications : la cloche, « Quoi de neuf ? », les signalements et les réglages', function () {
  this.timeout(120_000);
  // axe-core is injected as a script, which the portal's Content-Security-Policy forbids.
  const e2e = useE2E({
    portal: { extraPlugins: ['@preau/plugin-recherche', '@preau/plugin-notifications'] },
    context: { bypassCSP: true },
  });
  let directeur: ApiSession;
  let parent: ApiSession;
  let menus = 0;

  /** Publishes a new menu as the directeur and returns the parent's notification of it. */
  async function notifyParent(): Promise<Item> {
    const before = await newestId(parent);
    await publishMenu(directeur, schoolDay(menus), `Plat du jour n° ${menus + 1}`);
    menus += 1;
    return newestItem(parent, before);
  }

  before(async () => {
    directeur = await apiSession(e2e.portal.url, 'marc.dubois');
    parent = await apiSession(e2e.portal.url, 'camille.martin');
    await directeur.request('PUT', `${API}/ecole/quiet-hours`, 200, { quietHours: [] });
  });

  it('shows a new menu in the parent’s bell without reload; following it marks it read', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    const { unread } = await parent.request<{ unread: number }>('GET', `${API}/unread`);
    await waitForBell(page, unread);

    // Published in another session while the parent's page stays open.
    const item = await notifyParent();
    await waitForBell(page, unread + 1);
    const announced = page.locator('notifications-bell [aria-live="polite"]');
    await waitUntil(
      async () =>
        (await announced.textContent())?.trim() === 'Nouvelle notification' ? true : undefined,
      'l’annonce « Nouvelle notification »',
    );

    await bell(page).click();
    expect(await bell(page).getAttribute('aria-expanded')).to.equal('true');
    const panel = page.locator('#notifications-panel');
    const link = panel.getByRole('link', { name: item.title, exact: true });
    await link.waitFor();
    await screenshot(page, 'notifications-cloche');

    await link.click();
    await page.waitForURL((url) => url.href.endsWith(item.url));
    await waitForBell(page, unread);
    expect(await panel.isVisible()).to.equal(false);
    const [read] = (await parent.request<{ items: Item[] }>('GET', `${API}/items?limit=1`)).items;
    expect(read?.id).to.equal(item.id);
    expect(read?.readAt).to.be.a('number');
  });

  it('closes the bell’s panel with Escape and gives the focus back to the bell', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await bell(page).click();
    await page.locator('#notifications-panel').getByRole('heading').waitFor();
    await page.keyboard.press('Escape');
    expect(await bell(page).getAttribute('aria-expanded')).to.equal('false');
    const focused = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('aria-label') ?? null;
    });
    expect(focused).to.match(/^Notifications/);
  });

  it('lists the item in the feed, where reporting it tells the directeur', async () => {
    const item = await notifyParent();
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await page.goto('/apps/notifications/');
    await page.getByRole('heading', { name: 'Quoi de neuf ?', level: 1 }).waitFor();
    const entry = page.locator(`li[data-item="${item.id}"]`);
    await entry.getByRole('heading', { name: item.title }).waitFor();
    expect(await entry.getByText('Non lu', { exact: true }).count()).to.equal(1);
    await screenshot(page, 'notifications-fil');

    await entry.getByRole('button', { name: `Signaler « ${item.title} »` }).click();
    const dialog = page.getByRole('dialog', { name: 'Signaler un contenu' });
    await dialog.waitFor();
    const reason = dialog.getByLabel('Motif du signalement');
    await reason.fill('Non');
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialog.getByText('Le motif doit compter au moins 5 caractères.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).to.equal('true');

    await reason.fill('Ce menu contient un propos déplacé.');
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialog.getByText('Merci, la direction de l’école a été prévenue.').waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await entry.getByText('Signalé', { exact: true }).waitFor();

    const directeurContext = await e2e.newContext();
    const directeurPage = await directeurContext.newPage();
    await logIn(directeurPage, 'marc.dubois');
    await directeurPage.goto('/apps/notifications/signalements');
    await directeurPage.getByRole('heading', { name: 'Signalements', level: 1 }).waitFor();
    const report = directeurPage.getByRole('listitem').filter({
      has: directeurPage.getByRole('heading', { name: item.title }),
    });
    await report.getByText('Ce menu contient un propos déplacé.').waitFor();
    await report.getByText('Camille Martin', { exact: false }).first().waitFor();
    await screenshot(directeurPage, 'notifications-signalements');

    await report
      .getByRole('button', { name: `Marquer comme traité le signalement de « ${item.title} »` })
      .click();
    await directeurPage
      .getByText('Signalement marqué comme traité.')
      .waitFor({ state: 'attached' });
    expect(await report.count()).to.equal(0);
    await directeurPage.getByRole('button', { name: 'Traités' }).click();
    await report.getByText('Traité par Marc Dubois', { exact: false }).waitFor();
  });

  it('shows a new item in the open feed without reload, and says so', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await page.goto('/apps/notifications/');
    await page.getByRole('heading', { name: 'Quoi de neuf ?', level: 1 }).waitFor();
    await page.locator('li[data-item], p:has-text("Rien de neuf")').first().waitFor();

    const item = await notifyParent();
    await page
      .locator(`li[data-item="${item.id}"]`)
      .getByRole('heading', { name: item.title })
      .waitFor();
    const status = page.locator('notifications-page-fil [role="status"]').first();
    await waitUntil(
      async () =>
        (await status.textContent())?.trim() === '1 nouvelle notification.' ? true : undefined,
      'l’annonce « 1 nouvelle notification. »',
    );
  });

  it('says « Vous avez déjà signalé ce contenu. » to whoever reports it twice', async () => {
    const item = await notifyParent();
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await page.goto('/apps/notifications/');
    const entry = page.locator(`li[data-item="${item.id}"]`);
    const report = entry.getByRole('button', { name: `Signaler « ${item.title} »` });
    await report.waitFor();
    // Reported meanwhile from another tab, which this page does not know yet.
    await parent.request('POST', `${API}/items/${item.id}/report`, 201, {
      reason: 'Signalé depuis un autre onglet.',
    });

    await report.click();
    const dialog = page.getByRole('dialog', { name: 'Signaler un contenu' });
    await dialog.getByLabel('Motif du signalement').fill('Un second signalement du même contenu.');
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialog.getByText('Vous avez déjà signalé ce contenu.').waitFor();
  });

  it('keeps a channel chosen in « Mes notifications » after reload', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await page.goto('/apps/notifications/reglages');
    await page.getByRole('heading', { name: 'Mes notifications', level: 1 }).waitFor();
    const select = page.locator('select[id^="channel-menu-cantine-"]').first();
    await select.waitFor();
    await select.selectOption({ label: 'Dans Préau et résumé quotidien par e-mail' });
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await page.getByText('Vos choix sont enregistrés.').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Mes notifications', level: 1 }).waitFor();
    await page.locator('select[id^="channel-menu-cantine-"]').first().waitFor();
    expect(await page.locator('select[id^="channel-menu-cantine-"]').first().inputValue()).to.equal(
      'digest-daily',
    );
    await screenshot(page, 'notifications-reglages');
  });

  it('offers a pupil no e-mail: « Dans Préau seulement » or « Jamais »', async () => {
    const { page } = e2e;
    await logIn(page, 'lea.martin');
    await page.goto('/apps/notifications/reglages');
    const select = page.locator('select[id^="channel-menu-cantine-"]').first();
    await select.waitFor();
    const options = await select.locator('option').allTextContents();
    expect(options.map((option) => option.trim())).to.deep.equal([
      'Dans Préau seulement',
      'Jamais',
    ]);
    await page.getByText('Les élèves ne reçoivent pas d’e-mail', { exact: false }).waitFor();
  });

  it('adds and keeps the parent’s own quiet hours', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await page.goto('/apps/notifications/reglages');
    await page.getByRole('button', { name: 'Ajouter une plage' }).first().click();
    await page.getByLabel('Jour de début').first().selectOption({ label: 'samedi' });
    await page.getByLabel('Jour de fin').first().selectOption({ label: 'samedi' });
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await page.getByText('Vos choix sont enregistrés.').waitFor();
    const { quietHours } = await parent.request<{ quietHours: { extra: unknown[] } }>(
      'GET',
      `${API}/preferences`,
    );
    expect(quietHours.extra).to.deep.equal([
      { from: { day: 6, time: '12:00' }, to: { day: 6, time: '14:00' } },
    ]);
  });

  it('lets the directeur set the école’s quiet hours, which a parent cannot', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await page.goto('/apps/notifications/reglages');
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).waitFor();
    expect(
      await page.getByRole('heading', { name: 'Heures de silence de l’école' }).count(),
    ).to.equal(0);

    const directeurPage = await (await e2e.newContext()).newPage();
    await logIn(directeurPage, 'marc.dubois');
    await directeurPage.goto('/apps/notifications/reglages');
    const section = directeurPage.getByRole('region', { name: 'Heures de silence de l’école' });
    await section.getByText('Aucune plage : les notifications arrivent à toute heure.').waitFor();
    try {
      await section.getByRole('button', { name: 'Ajouter une plage' }).click();
      await section.getByLabel('Jour de début').selectOption({ label: 'vendredi' });
      await section.getByLabel('Heure de début').fill('20:00');
      await section.getByLabel('Jour de fin').selectOption({ label: 'lundi' });
      await section.getByLabel('Heure de fin').fill('07:00');
      await directeurPage
        .getByRole('button', { name: 'Enregistrer les heures de l’école' })
        .click();
      await directeurPage
        .getByText('Les heures de silence de l’école sont enregistrées.')
        .waitFor();
      const words = directeurPage.locator('p.ecole-hours');
      await waitUntil(
        async () =>
          (await words.textContent())?.trim() === 'Du vendredi 20:00 au lundi 07:00'
            ? true
            : undefined,
        'les heures de l’école dites en mots',
        undefined,
        async () => String(await words.textContent()),
      );
      const { quietHours } = await directeur.request<{ quietHours: unknown[] }>(
        'GET',
        `${API}/ecole/quiet-hours`,
      );
      expect(quietHours).to.deep.equal([
        { from: { day: 5, time: '20:00' }, to: { day: 1, time: '07:00' } },
      ]);
    } finally {
      // The other tests need menus delivered at once, whatever the hour.
      await directeur.request('PUT', `${API}/ecole/quiet-hours`, 200, { quietHours: [] });
    }
  });

  it('has no serious or critical violation on the open bell, the feed and the réglages', async () => {
    await notifyParent();
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await bell(page).click();
    await page.locator('#notifications-panel').getByRole('listitem').first().waitFor();
    await expectNoSeriousViolation(page, 'panneau de la cloche');

    await page.goto('/apps/notifications/');
    await page.locator('li[data-item]').first().waitFor();
    await expectNoSeriousViolation(page, '« Quoi de neuf ? »');

    await page.goto('/apps/notifications/reglages');
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).waitFor();
    await expectNoSeriousViolation(page, '« Mes notifications »');
  });

  it('keeps the open bell’s panel inside a 320 px wide phone screen', async () => {
    const context = await e2e.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await logIn(page, 'camille.martin');
    await unfoldHeader(page);
    await bell(page).click();
    const panel = page.locator('#notifications-panel');
    await panel.getByRole('heading').waitFor();
    const box = await panel.boundingBox();
    expect(box, 'le panneau est affiché').to.not.equal(null);
    expect(box!.x).to.be.at.least(0);
    expect(box!.x + box!.width).to.be.at.most(320);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).to.be.at.most(320);
    await screenshot(page, 'notifications-cloche-320');
  });
});
