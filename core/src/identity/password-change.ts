import Boom from '@hapi/boom';

import type { CoreContext } from '../context.js';
import { accountOfPerson, setPasswordHash } from '../directory/queries.js';
import type { DeviceCookies } from './device-cookie.js';
import { throttled } from './login.js';
import type { PasswordPolicy } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import type { LoginAttempt, LoginThrottle } from './throttle.js';

/**
 * A person changes their own password. The current password is checked like a login (a wrong
 * one counts towards the throttle, so a stolen session cannot be used to guess it), the new one
 * must satisfy the CNIL rule, and every other session of the person ends.
 */
export class PasswordChange {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly policy: PasswordPolicy,
    private readonly devices: DeviceCookies,
  ) {}

  async change(input: {
    personId: number;
    sessionId: string;
    currentPassword: string;
    newPassword: string;
    ip: string | null;
    deviceCookie?: string;
  }): Promise<void> {
    const { personId, ip } = input;
    const account = await accountOfPerson(this.ctx.sql, personId);
    if (!account?.passwordHash) {
      throw Boom.badRequest(
        'Votre compte n’a pas de mot de passe Préau : changez-le auprès de votre fournisseur d’identité.',
      );
    }
    // Like a login: from a browser trusted for this account, strangers' failures do not count.
    const attempt: LoginAttempt = {
      login: account.login,
      ip,
      deviceId: await this.devices.deviceFor(input.deviceCookie, account.login),
    };
    const lock = await this.throttle.lockOf(attempt);
    if (lock) {
      await this.ctx.audit.record({
        action: 'login.throttled',
        actorId: personId,
        target: account.login,
        ip,
        details: { scope: lock.scope, during: 'password-change' },
      });
      throw throttled(lock);
    }
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
      await this.throttle.recordFailure(attempt);
      await this.ctx.audit.record({
        action: 'password.change-failed',
        actorId: personId,
        ip,
        details: { reason: 'wrong-current-password' },
      });
      throw problem('Le mot de passe actuel est incorrect.', [
        { field: 'currentPassword', message: 'mot de passe actuel incorrect' },
      ]);
    }
    await this.throttle.recordSuccess(attempt);

    const verdict = await this.policy.check(personId, input.newPassword);
    const reasons = [...verdict.reasons];
    if (input.newPassword === input.currentPassword) {
      reasons.push('Choisissez un mot de passe différent de l’actuel.');
    }
    if (reasons.length > 0) {
      await this.ctx.audit.record({
        action: 'password.change-failed',
        actorId: personId,
        ip,
        details: { reason: 'policy' },
      });
      const error = problem(
        `Mot de passe refusé. ${reasons.join(' ')}`,
        reasons.map((message) => ({ field: 'newPassword', message })),
      );
      (error.output.payload as unknown as Record<string, unknown>).reasons = reasons;
      throw error;
    }

    const hash = await hashPassword(input.newPassword);
    const ended = await this.ctx.knex.transaction(async (trx) => {
      await setPasswordHash(trx, personId, hash, this.ctx.clock.now());
      const revoked = await this.sessions.revokeOthersOf(personId, input.sessionId, trx);
      await this.ctx.audit.record(
        { action: 'password.changed', actorId: personId, ip, details: { sessionsEnded: revoked } },
        trx,
      );
      return revoked;
    });
    // The pages of the ended sessions stop listening at once (their live streams close).
    if (ended > 0) await this.ctx.bus.publish('session.closed', { personId });
  }
}

/** A 400 whose `problems` name the fields at fault, like the validation errors do. */
function problem(message: string, problems: Array<{ field: string; message: string }>) {
  const error = Boom.badRequest(message);
  (error.output.payload as unknown as Record<string, unknown>).problems = problems;
  return error;
}
