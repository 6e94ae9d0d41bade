import type { Knex } from 'knex';

import type { Profile } from '../directory/profiles.js';

/**
 * Where a rule applies, between the sender's membership and the recipient's in one école:
 * - `ecole`: anyone of the target profile in the école;
 * - `classe`: only those in one of the sender's classes;
 * - `famille`: only the sender's own children or parents (a direct family link);
 * - `classe-enfant`: only those in a class of one of the sender's children.
 */
export type CommunicationScope = 'ecole' | 'classe' | 'famille' | 'classe-enfant';

/** A profile code (people holding it), or a whole group: the école's or a class's. */
export type CommunicationTarget = Profile | 'groupe-ecole' | 'groupe-classe';

export interface CommunicationRuleData {
  senderProfile: Profile;
  target: CommunicationTarget;
  scope: CommunicationScope;
}

const staff: Profile[] = ['DIR', 'EVS', 'ETA', 'DOC', 'COL'];
const adults: Profile[] = ['ENS', ...staff, 'ACA', 'PRT'];
const everyone: Profile[] = ['ELV', 'TUT', ...adults, 'INV'];

/**
 * The primary-school defaults (Open ENT NG's for ONE, see shared reference §4):
 * pupils reach their parents, their class's teachers, their classmates and the école's staff;
 * parents reach their children, their children's teachers and the staff; teachers, directeurs
 * and staff reach everyone in the école and may address whole groups; partners and the
 * circonscription reach the adults. Pupils and parents never address a whole group.
 */
export function defaultCommunicationRules(): CommunicationRuleData[] {
  const rules: CommunicationRuleData[] = [
    { senderProfile: 'ELV', target: 'TUT', scope: 'famille' },
    { senderProfile: 'ELV', target: 'ENS', scope: 'classe' },
    { senderProfile: 'ELV', target: 'ELV', scope: 'classe' },
    ...staff.map((target) => ({ senderProfile: 'ELV' as const, target, scope: 'ecole' as const })),
    { senderProfile: 'TUT', target: 'ELV', scope: 'famille' },
    { senderProfile: 'TUT', target: 'ENS', scope: 'classe-enfant' },
    ...staff.map((target) => ({ senderProfile: 'TUT' as const, target, scope: 'ecole' as const })),
  ];
  for (const sender of ['ENS', ...staff] as Profile[]) {
    for (const target of everyone) rules.push({ senderProfile: sender, target, scope: 'ecole' });
    rules.push({ senderProfile: sender, target: 'groupe-ecole', scope: 'ecole' });
    rules.push({ senderProfile: sender, target: 'groupe-classe', scope: 'ecole' });
  }
  for (const sender of ['ACA', 'PRT'] as Profile[]) {
    for (const target of adults) rules.push({ senderProfile: sender, target, scope: 'ecole' });
  }
  rules.push({ senderProfile: 'INV', target: 'DIR', scope: 'ecole' });
  return rules;
}

/** Replaces an école's rules with the defaults (new école, or « rétablir les règles par défaut »). */
export async function resetCommunicationRules(knex: Knex, ecoleId: number): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx('communication_rules').where({ ecole_id: ecoleId }).delete();
    await trx('communication_rules').insert(
      defaultCommunicationRules().map((rule) => ({
        ecole_id: ecoleId,
        sender_profile: rule.senderProfile,
        target: rule.target,
        scope: rule.scope,
      })),
    );
  });
}
