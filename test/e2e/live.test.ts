import { expect } from 'chai';

import { apiSession } from './support/api.js';
import { useE2E } from './support/browser.js';
import { waitUntil } from './support/dashboard.js';
import { annoncesItem, personIdOf, pushAnnonce, waitForOpenPages } from './support/live.js';
import { logIn } from './support/login.js';

// SQLite only, like every e2e suite (see profiles.test.ts). The vitrine fixture's header item
// shows announcements its `POST /annonce` route pushes to the caller's open pages.
describe('Portail : messages en direct (GET /api/live)', function () {
  this.timeout(120_000);
  const e2e = useE2E();

  it('shows a message pushed from another session in the open page, without reloading', async () => {
    const { page, portal } = e2e;
    await logIn(page, 'camille.martin');
    await annoncesItem(page).waitFor({ state: 'attached' });
    // Another session of the same person: a script, or the person on their phone.
    const phone = await apiSession(portal.url, 'camille.martin');
    const personId = await personIdOf(phone);
    await waitForOpenPages(portal, personId);
    // A mark on the window: a reload would lose it.
    await page.evaluate(
      () => ((window as unknown as { pasRecharge?: boolean }).pasRecharge = true),
    );

    await pushAnnonce(phone, 'Sortie au musée jeudi : prévoir un goûter.');

    await annoncesItem(page).filter({ hasText: 'Sortie au musée jeudi' }).waitFor();
    const kept = await page.evaluate(
      () => (window as unknown as { pasRecharge?: boolean }).pasRecharge === true,
    );
    expect(kept, 'la page a été rechargée').to.equal(true);
  });

  it('reconnects after the server dropped the stream, and receives the next message', async () => {
    const { page, portal } = e2e;
    await logIn(page, 'julien.roux');
    await annoncesItem(page).waitFor({ state: 'attached' });
    const other = await apiSession(portal.url, 'julien.roux');
    const personId = await personIdOf(other);
    await waitForOpenPages(portal, personId);

    expect(portal.preau.ctx.live.disconnect(personId)).to.equal(1);
    // The page says it came back: the element counted one reconnection.
    await waitUntil(
      async () =>
        (await annoncesItem(page).getAttribute('data-reconnexions')) === '1' ? true : undefined,
      'la page reconnectée',
    );
    await waitForOpenPages(portal, personId);
    await pushAnnonce(other, 'Kermesse samedi à 10 h.');

    await annoncesItem(page).filter({ hasText: 'Kermesse samedi' }).waitFor();
  });

  it('closes the page’s stream when the person logs out', async () => {
    const { page, portal } = e2e;
    await logIn(page, 'anne.girard');
    await annoncesItem(page).waitFor({ state: 'attached' });
    const other = await apiSession(portal.url, 'anne.girard');
    const personId = await personIdOf(other);
    await waitForOpenPages(portal, personId);

    await page
      .getByRole('banner')
      .getByRole('button', { name: 'Se déconnecter', exact: true })
      .click();
    await page.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();

    await waitUntil(
      async () => (portal.preau.ctx.live.openPages(personId) === 0 ? true : undefined),
      'le flux fermé après la déconnexion',
    );
  });
});
