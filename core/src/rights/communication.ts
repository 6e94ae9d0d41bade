import type { CoreContext } from '../context.js';
import type { Directory } from '../directory/directory.js';
import { defaultCommunicationRules, resetCommunicationRules } from './communication-defaults.js';
import {
  sameRules,
  sortRules,
  validateRules,
  type CommunicationRuleData,
} from './communication-rules.js';
import { groupMembers, parseGroupId } from './groups.js';
import { decideGroup, decidePerson, type CommunicationDecision } from './reach.js';
import { loadSender, rulesOf } from './sender.js';
import { visibleTo, type VisibleRecipients } from './visibility.js';

export type { CommunicationDecision } from './reach.js';
export type { PersonEntry, VisibleRecipients } from './visibility.js';
export type { GroupEntry } from './groups.js';

/** Who made an administrative change, for the audit log. */
export interface ChangeOrigin {
  ip?: string | null;
  collectiviteId?: number | null;
}

/**
 * Communication rules: who may write to whom. The rules are data, per école (table
 * `communication_rules`, defaults in communication-defaults.ts), and visibility is the single
 * gate: recipient pickers, directory search and share dialogs offer only what `visible` returns,
 * and every send or share is checked with `canCommunicate` / `canReachGroup`.
 */
export class Communication {
  constructor(
    protected readonly ctx: CoreContext,
    // Kept for the constructor's contract; the rules query the tables they need directly.
    protected readonly directory: Directory,
  ) {}

  /**
   * Whether `from` may write to `to`, and why. Allowed when, in an école where `from` holds a
   * membership, a rule from one of their profiles there to one of `to`'s profiles holds with its
   * scope; with `ecoleId`, only that école's rules are looked at (the admin check).
   */
  async canCommunicate(
    fromPersonId: number,
    toPersonId: number,
    options: { ecoleId?: number } = {},
  ): Promise<CommunicationDecision> {
    const sender = await loadSender(this.ctx, fromPersonId, options.ecoleId ?? null);
    return decidePerson(this.ctx, sender, toPersonId);
  }

  /** Whether `from` may write to a whole group (`ecole:<id>:ELV`, `classe:<id>:TUT`, `groupe:<id>`). */
  async canReachGroup(
    fromPersonId: number,
    groupId: string,
    options: { ecoleId?: number } = {},
  ): Promise<CommunicationDecision> {
    const sender = await loadSender(this.ctx, fromPersonId, options.ecoleId ?? null);
    return decideGroup(this.ctx, sender, groupId);
  }

  /** The people a group stands for now (empty for an unknown id); check `canReachGroup` first. */
  async membersOfGroup(groupId: string): Promise<number[]> {
    const group = parseGroupId(groupId);
    return group ? groupMembers(this.ctx, group) : [];
  }

  /**
   * The people and groups `personId` may write to, filtered by `q` (start of first or last name,
   * or of a word of a group's name; case and accents ignored), each list sorted and cut at
   * `limit` (at most 50). With `ecoleId`, only the rules of that école apply, plus family links
   * wherever the relative is enrolled.
   */
  async visible(
    personId: number,
    ecoleId: number | null,
    q = '',
    limit = 20,
  ): Promise<VisibleRecipients> {
    const sender = await loadSender(this.ctx, personId, ecoleId);
    return visibleTo(this.ctx, sender, q, limit);
  }

  /** An école's rules, in a stable order. */
  async rules(ecoleId: number): Promise<CommunicationRuleData[]> {
    const rules = await rulesOf(this.ctx, ecoleId);
    return sortRules(
      rules.map(({ senderProfile, target, scope }) => ({ senderProfile, target, scope })),
    );
  }

  /** Whether an école's rules are exactly the defaults. */
  async hasDefaultRules(ecoleId: number): Promise<boolean> {
    return sameRules(await this.rules(ecoleId), defaultCommunicationRules());
  }

  /**
   * Replaces all of an école's rules at once; invalid or duplicate rules reject the whole list
   * (400 naming the rule). Audited as `communication-rules.replaced`.
   */
  async replaceRules(
    ecoleId: number,
    rules: readonly unknown[],
    actorId: number | null,
    origin: ChangeOrigin = {},
  ): Promise<CommunicationRuleData[]> {
    const valid = validateRules(rules);
    await this.ctx.knex.transaction(async (trx) => {
      await trx('communication_rules').where({ ecole_id: ecoleId }).delete();
      if (valid.length > 0) {
        await trx('communication_rules').insert(
          valid.map((rule) => ({
            ecole_id: ecoleId,
            sender_profile: rule.senderProfile,
            target: rule.target,
            scope: rule.scope,
          })),
        );
      }
      await this.ctx.audit.record(
        {
          action: 'communication-rules.replaced',
          actorId,
          collectiviteId: origin.collectiviteId ?? null,
          ecoleId,
          target: `ecole:${ecoleId}`,
          ip: origin.ip ?? null,
          details: { rules: valid.length },
        },
        trx,
      );
    });
    return this.rules(ecoleId);
  }

  /** Brings an école's rules back to the defaults. Audited as `communication-rules.reset`. */
  async reset(
    ecoleId: number,
    actorId: number | null = null,
    origin: ChangeOrigin = {},
  ): Promise<CommunicationRuleData[]> {
    await this.ctx.knex.transaction(async (trx) => {
      // A transaction is a knex instance too: the defaults' own transaction nests as a savepoint.
      await resetCommunicationRules(trx, ecoleId);
      await this.ctx.audit.record(
        {
          action: 'communication-rules.reset',
          actorId,
          collectiviteId: origin.collectiviteId ?? null,
          ecoleId,
          target: `ecole:${ecoleId}`,
          ip: origin.ip ?? null,
        },
        trx,
      );
    });
    return this.rules(ecoleId);
  }
}
