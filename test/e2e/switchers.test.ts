import { expect } from 'chai';
import type { Page } from 'playwright-core';

import { ECOLES } from './support/accounts.js';
import { useE2E } from './support/browser.js';
import { waitForUsableDashboard, waitUntil } from './support/dashboard.js';
import { logIn } from './support/login.js';

interface Me {
  current: { ecole: { id: number } | null; profile: string | null };
}

async function me(page: Page): Promise<Me> {
  const response = await page.request.get('/api/me');
  expect(response.status()).to.equal(200);
  return (await response.json()) as Me;
}

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : sélecteurs de l’en-tête', function () {
  this.timeout(90_000);
  const e2e = useE2E();

  describe('« Enfant », for a parent of several children', () => {
    it('lists both of camille.martin’s children', async () => {
      const { page } = e2e;
      await logIn(page, 'camille.martin');
      const select = page.getByRole('banner').getByLabel('Enfant', { exact: true });
      await select.waitFor();
      const options = await select.locator('option').allInnerTexts();
      expect(options.join(' | ')).to.contain('Léa').and.to.contain('Noé');
    });

    it('is not shown to a parent of one child', async () => {
      const { page } = e2e;
      await logIn(page, 'thomas.petit');
      await waitForUsableDashboard(page);
      expect(await page.getByRole('banner').getByLabel('Enfant', { exact: true }).count()).to.equal(
        0,
      );
    });
  });

  describe('« Profil », for a person with several profiles', () => {
    it('switches marc.dubois between directeur and enseignant', async () => {
      const { page } = e2e;
      await logIn(page, 'marc.dubois');
      await waitForUsableDashboard(page);
      const before = (await me(page)).current.profile;
      expect(before).to.be.oneOf(['DIR', 'ENS']);

      const select = page.getByRole('banner').getByLabel('Profil', { exact: true });
      const values = await select
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(values).to.have.length(2);
      const selected = await select.inputValue();
      await select.selectOption(values.find((value) => value !== selected)!);

      const after = await waitUntil(async () => {
        const profile = (await me(page)).current.profile;
        return profile !== before ? profile : undefined;
      }, 'le changement de profil');
      expect(after).to.be.oneOf(['DIR', 'ENS']);
      await waitForUsableDashboard(page);
      // The header shows the new choice.
      expect(await select.inputValue()).not.to.equal(selected);
    });

    it('moves anne.girard (IEN) from one école to the other', async () => {
      const { page } = e2e;
      await logIn(page, 'anne.girard');
      await waitForUsableDashboard(page);
      const banner = page.getByRole('banner');
      expect((await me(page)).current.ecole?.id).to.equal(e2e.portal.ecoles.julesFerry);
      const select = banner.getByLabel('Profil', { exact: true });
      const options = await select.locator('option').evaluateAll((list) =>
        list.map((option) => ({
          value: (option as HTMLOptionElement).value,
          text: option.textContent ?? '',
        })),
      );
      const wanted = options.find((option) => option.text.includes(ECOLES.tilleuls));
      expect(wanted, `an option for ${ECOLES.tilleuls}`).to.not.equal(undefined);
      await select.selectOption(wanted!.value);
      await waitUntil(
        async () =>
          (await me(page)).current.ecole?.id === e2e.portal.ecoles.tilleuls ? true : undefined,
        'le passage à l’école Les Tilleuls',
      );
      await waitForUsableDashboard(page);
      expect(await select.inputValue()).to.equal(wanted!.value);
    });

    it('is not shown to a person with one profile', async () => {
      const { page } = e2e;
      await logIn(page, 'sophie.lefebvre');
      await waitForUsableDashboard(page);
      expect(await page.getByRole('banner').getByLabel('Profil', { exact: true }).count()).to.equal(
        0,
      );
    });
  });
});
