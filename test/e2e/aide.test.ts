import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { NAMES } from './support/accounts.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { useE2E } from './support/browser.js';
import { logIn } from './support/login.js';

async function expectNoSeriousViolation(page: Page): Promise<void> {
  const problems = await seriousViolations(page);
  expect(problems, describeViolations(problems)).to.deep.equal([]);
}

/** Opens « Mes applis » from the header, then one of its apps. */
async function openApp(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Mes applis', exact: true }).click();
  await page.getByRole('heading', { name: 'Mes applis', exact: true }).waitFor();
  await page.getByRole('main').getByRole('link', { name, exact: true }).click();
}

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : l’aide', function () {
  this.timeout(120_000);
  // axe-core is injected as a script, which the portal's Content-Security-Policy forbids.
  const e2e = useE2E({
    portal: { extraPlugins: ['@preau/plugin-aide'] },
    context: { bypassCSP: true },
  });

  it('opens the help centre from « Mes applis », with the parent’s first steps', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await openApp(page, 'Aide');
    await page.getByRole('heading', { name: 'Aide', level: 1, exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Premiers pas : parent', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Aide des services', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).to.equal('/apps/aide/');
    await expectNoSeriousViolation(page);
  });

  it('shows a teacher the first steps of teachers', async () => {
    const { page } = e2e;
    await logIn(page, 'sophie.lefebvre');
    await openApp(page, 'Aide');
    await page.getByRole('heading', { name: 'Premiers pas : enseignant', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Premiers pas : parent' }).count()).to.equal(0);
  });

  it('opens the help of a plugin page from its « Aide » link', async () => {
    const { page } = e2e;
    await logIn(page, 'camille.martin');
    await openApp(page, NAMES.menuApp);
    await page.getByRole('heading', { name: 'Menus de la semaine', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Aide : Menus de la semaine', exact: true }).click();
    const topic = page.getByRole('heading', {
      name: 'Consulter et publier les menus',
      exact: true,
    });
    await topic.waitFor();
    const url = new URL(page.url());
    expect(url.pathname).to.equal('/apps/aide/');
    expect(url.searchParams.get('plugin')).to.equal('menu-cantine');
    await page.getByText('La page Menus de la cantine montre les repas de la semaine').waitFor();
    await expectNoSeriousViolation(page);
  });
});
