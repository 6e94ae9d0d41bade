import { fileURLToPath } from 'node:url';

import type { MailMessage, MailOutcome } from '@preau/sdk';
import { expect } from 'chai';

import type { TestCore } from '../../src/testing/index.js';

/** The folder of the test plugin « courrier-essai » (tests run from core/dist/test/…). */
export const COURRIER_PLUGIN = fileURLToPath(
  new URL('../../../test/mail/fixtures/courrier-essai', import.meta.url),
);

/** What « courrier-essai » provides: its ctx.mail, and what its job did. */
export interface CourrierService {
  runs: number[];
  failNext: boolean;
  send(message: MailMessage): Promise<MailOutcome>;
  publicUrl: string;
}

/** The started plugin's service. */
export function courrier(core: TestCore): CourrierService {
  const service = core.preau.services.plugins.get('courrier-essai')?.service;
  expect(service, 'le plugin courrier-essai doit être démarré').to.be.an('object');
  return service as CourrierService;
}

/** Enables « courrier-essai » for an école, as the platform administrator would. */
export async function enableCourrier(core: TestCore, ecoleId: number): Promise<void> {
  const admin = await core.as('admin.plateforme');
  const response = await admin.put(`/api/admin/ecoles/${ecoleId}/plugins/courrier-essai`, {});
  expect(response.statusCode, response.payload).to.be.within(200, 299);
}
