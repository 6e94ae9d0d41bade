import type { Page } from 'playwright-core';

import type { ApiSession } from './api.js';
import type { Portal } from './portal.js';
import { waitUntil } from './dashboard.js';

/** The vitrine fixture's header item: the last announcement pushed live. */
export function annoncesItem(page: Page) {
  return page.locator('preau-header vitrine-annonces').getByRole('status');
}

/** A person's id, read from `GET /api/me` of one of their sessions. */
export async function personIdOf(session: ApiSession): Promise<number> {
  return (await session.request<{ person: { id: number } }>('GET', '/api/me')).person.id;
}

/**
 * Waits until the server has `count` open streams for the person: a message pushed before the
 * page listens is, by design, never delivered.
 */
export async function waitForOpenPages(portal: Portal, personId: number, count = 1) {
  await waitUntil(
    async () => (portal.preau.ctx.live.openPages(personId) >= count ? true : undefined),
    `${count} page(s) à l’écoute de GET /api/live`,
  );
}

/** Pushes an announcement to every open page of the session's person (fixture route). */
export async function pushAnnonce(session: ApiSession, texte: string): Promise<void> {
  await session.request('POST', '/api/plugins/vitrine/annonce', 200, { texte });
}
