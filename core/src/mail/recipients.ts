import type { MailRefusal } from '@preau/sdk';
import type { Knex } from 'knex';

/** Where an e-mail to a person goes, or why it goes nowhere. */
export type Recipient = { address: string } | { refused: MailRefusal };

interface MembershipRow {
  email: string | null;
  activated_at: number | null;
  blocked_at: number | null;
  ecole_id: number | null;
  profile: string | null;
}

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
  // One row per membership (or one row with nulls for a person without any).
  const rows: MembershipRow[] = await knex('people')
    .leftJoin('memberships', 'memberships.person_id', 'people.id')
    .leftJoin('accounts', 'accounts.person_id', 'people.id')
    .where('people.id', personId)
    .select(
      'people.email',
      'accounts.activated_at',
      'accounts.blocked_at',
      'memberships.ecole_id',
      'memberships.profile',
    );
  if (!rows.some((row) => row.ecole_id !== null && Number(row.ecole_id) === ecoleId)) {
    return { refused: 'not-member' };
  }
  if (rows.some((row) => row.profile === 'ELV')) return { refused: 'pupil' };
  const account = rows[0];
  if (!account || account.activated_at === null || account.blocked_at !== null) {
    return { refused: 'inactive-account' };
  }
  const address = rows[0]?.email?.trim();
  if (!address) return { refused: 'no-address' };
  return { address };
}
