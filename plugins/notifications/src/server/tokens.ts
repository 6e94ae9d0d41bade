import { randomBytes } from 'node:crypto';

import { isUniqueViolation, type PluginDatabase } from '@preau/sdk';

/** What an unsubscribe token stands for. */
export interface TokenTarget {
  ecoleId: number;
  personId: number;
  pluginId: string;
  type: string;
}

/**
 * Unsubscribe tokens: random (never derived from the ids, so they cannot be guessed), stored,
 * one per person, plugin and type of an école, reused by every e-mail of that type.
 */
export class UnsubscribeTokens {
  constructor(private readonly db: PluginDatabase) {}

  /** The token of a person for a type, created the first time. */
  async tokenFor(target: TokenTarget): Promise<string> {
    const existing = await this.find(target);
    if (existing) return existing;
    try {
      await this.db.forEcole(target.ecoleId).insert('unsubscribe_tokens', {
        person_id: target.personId,
        plugin_id: target.pluginId,
        type: target.type,
        token: randomBytes(24).toString('base64url'),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Two passes racing for the same person and type: the other one's token wins.
      const raced = await this.find(target);
      if (raced) return raced;
      throw error;
    }
    return (await this.find(target)) as string;
  }

  /** Who a token stands for, or null for an unknown one. */
  async targetOf(token: string): Promise<TokenTarget | null> {
    const row = (await this.db.table('unsubscribe_tokens').where({ token }).first()) as
      { ecole_id: number; person_id: number; plugin_id: string; type: string } | undefined;
    return row
      ? {
          ecoleId: Number(row.ecole_id),
          personId: Number(row.person_id),
          pluginId: row.plugin_id,
          type: row.type,
        }
      : null;
  }

  private async find(target: TokenTarget): Promise<string | null> {
    const row = (await this.db
      .forEcole(target.ecoleId)
      .table('unsubscribe_tokens')
      .where({ person_id: target.personId, plugin_id: target.pluginId, type: target.type })
      .first('token')) as { token: string } | undefined;
    return row?.token ?? null;
  }
}
