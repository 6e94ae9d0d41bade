import { randomBytes } from 'node:crypto';

import { isUniqueViolation } from '@preau/sdk';

import type { CoreContext } from '../context.js';

/**
 * Keys the server makes for itself, generated on first use and kept in `server_secrets`: every
 * instance reads the same row, so a cookie signed by one is checked by another, and a restart
 * does not forget who was trusted. They never leave the server.
 */
export class ServerSecrets {
  private readonly cache = new Map<string, Promise<Buffer>>();

  constructor(private readonly ctx: CoreContext) {}

  /** The secret named `name` (32 random bytes), created the first time it is asked for. */
  get(name: string): Promise<Buffer> {
    let secret = this.cache.get(name);
    if (!secret) {
      secret = this.readOrCreate(name);
      // A failed read must not be remembered: the next request tries again.
      secret.catch(() => this.cache.delete(name));
      this.cache.set(name, secret);
    }
    return secret;
  }

  private async readOrCreate(name: string): Promise<Buffer> {
    const existing = await this.read(name);
    if (existing) return existing;
    try {
      await this.ctx.knex('server_secrets').insert({
        name,
        value: randomBytes(32).toString('base64url'),
        created_at: this.ctx.clock.now(),
      });
    } catch (error) {
      // Another instance created it at the same moment: its value is the one to use.
      if (!isUniqueViolation(error)) throw error;
    }
    const created = await this.read(name);
    if (!created) throw new Error(`Secret serveur ${name} introuvable après sa création`);
    return created;
  }

  private async read(name: string): Promise<Buffer | undefined> {
    const row = (await this.ctx.knex('server_secrets').where('name', name).first('value')) as
      { value: string } | undefined;
    return row ? Buffer.from(row.value, 'base64url') : undefined;
  }
}
