import type { MailRefusal } from '@preau/sdk';
import type { Knex } from 'knex';

import { mailFacts } from '../directory/queries.js';

/** Where an e-mail to a person goes, or why it goes nowhere. */
export type Recipient = { address: string } | { refused: MailRefusal };

/**
 * Finds the address of a person for a message about an école, or the reason to send nothing.
 * The order of the checks matters: membership first (nothing is said about strangers), then
 * pupils (who get no e-mail even with an address on file), then the account (never activated,
 * or blocked: the person does not use Préau, so Préau does not write to them), then the address.
 *
 * @example
 * ```ts
 * const recipient = await findRecipient(knex, personId, ecoleId);
 * if ('refused' in recipient) return { sent: false, reason: recipient.refused };
 * ```
 */
export async function findRecipient(
  knex: Knex,
  personId: number,
  ecoleId: number,
): Promise<Recipient> {
  const facts = await mailFacts(knex, personId);
  if (!facts?.memberships.some((membership) => membership.ecoleId === ecoleId)) {
    return { refused: 'not-member' };
  }
  if (facts.memberships.some((membership) => membership.profile === 'ELV')) {
    return { refused: 'pupil' };
  }
  if (facts.activatedAt === null || facts.blockedAt !== null) {
    return { refused: 'inactive-account' };
  }
  const address = facts.email?.trim();
  if (!address) return { refused: 'no-address' };
  return { address };
}
