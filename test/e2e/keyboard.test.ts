import { expect } from 'chai';

import { DEMO_PASSWORD, NAMES, WIDGETS } from './support/accounts.js';
import { useE2E } from './support/browser.js';
import {
  dashboardOf,
  waitForUsableDashboard,
  waitUntil,
  type DashboardView,
} from './support/dashboard.js';
import { tabUntil, type Focused } from './support/keyboard.js';
import { loginForm } from './support/login.js';

const KEYS_BY_TITLE: Record<string, string> = {
  [NAMES.menuWidget]: WIDGETS.menu,
  [NAMES.citationWidget]: WIDGETS.citation,
  [NAMES.meteoWidget]: WIDGETS.meteo,
};

const isField = (label: string) => (element: Focused) =>
  element.tag === 'input' && element.name === label;
const isButton = (name: string) => (element: Focused) => element.name === name;
const startsWith = (prefix: string) => (element: Focused) => element.name.startsWith(prefix);

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : au clavier seulement', function () {
  this.timeout(120_000);
  const e2e = useE2E();

  async function logInWithKeyboard(login: string): Promise<void> {
    const { page } = e2e;
    await page.goto('/');
    await loginForm(page).login.waitFor();
    await tabUntil(page, isField('Identifiant'), '« Identifiant »');
    await page.keyboard.type(login);
    await tabUntil(page, isField('Mot de passe'), '« Mot de passe »');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
  }

  /** Leaves edit mode with the keyboard (« Terminer » sits before the widgets). */
  async function finishEditing(): Promise<void> {
    await tabUntil(e2e.page, isButton('Terminer'), '« Terminer »', 80, true);
    await e2e.page.keyboard.press('Enter');
  }

  async function waitForOrder(order: string[]): Promise<DashboardView> {
    return waitUntil(
      async () => {
        const view = await dashboardOf(e2e.page);
        return view.layout.map((placed) => placed.widget).join() === order.join()
          ? view
          : undefined;
      },
      `la disposition ${order.join(', ')} enregistrée`,
    );
  }

  it('logs in with Tab, typing and Enter', async () => {
    await logInWithKeyboard('sophie.lefebvre');
    await waitForUsableDashboard(e2e.page);
  });

  it('reaches every widget of the dashboard with Tab', async () => {
    await logInWithKeyboard('sophie.lefebvre');
    const states = await waitForUsableDashboard(e2e.page);
    const expected = new Set(states.map((section) => section.key));
    expect(expected.size).to.be.greaterThan(0);
    const reached = new Set<string>();
    await tabUntil(
      e2e.page,
      (element) => {
        if (element.widget) reached.add(element.widget);
        return [...expected].every((key) => reached.has(key));
      },
      `chaque widget (${[...expected].join(', ')})`,
      120,
    );
  });

  it('reorders a widget with « Descendre » (Space) and « Monter » (Enter), and saves it', async () => {
    const { page } = e2e;
    await logInWithKeyboard('marc.dubois');
    await waitForUsableDashboard(page);
    const initial = (await dashboardOf(page)).layout.map((placed) => placed.widget);
    expect(initial.length).to.be.greaterThan(1);

    await tabUntil(page, isButton('Personnaliser'), '« Personnaliser »');
    await page.keyboard.press('Enter');
    const [down] = await tabUntil(page, startsWith('Descendre « '), '« Descendre « … » »').then(
      (seen) => seen.slice(-1),
    );
    const title = down!.name.replace(/^Descendre « (.*) »$/, '$1');
    const key = KEYS_BY_TITLE[title];
    expect(key, `a known widget: ${title}`).to.be.a('string');
    await page.keyboard.press('Space');
    await finishEditing();
    const index = initial.indexOf(key!);
    const moved = [...initial];
    moved.splice(index, 2, initial[index + 1]!, key!);
    await waitForOrder(moved);

    await tabUntil(page, isButton('Personnaliser'), '« Personnaliser »', 80, true);
    await page.keyboard.press('Enter');
    await tabUntil(page, isButton(`Monter « ${title} »`), `« Monter « ${title} » »`, 80);
    await page.keyboard.press('Enter');
    await finishEditing();
    await waitForOrder(initial);
  });
});
