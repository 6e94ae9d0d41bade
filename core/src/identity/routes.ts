import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { whoAmISchema } from '../directory/schemas.js';
import { maybeSessionOf, sessionOf } from '../http/credentials.js';
import type { JsonSchema, RouteDefinition } from '../http/route.js';
import { clientAddress } from '../http/client-address.js';
import type { CoreServices } from '../services.js';
import { deviceCookieName, DeviceCookies } from './device-cookie.js';
import { LoginService, type LoginOrigin } from './login.js';
import { PasswordChange } from './password-change.js';
import { PasswordPolicy } from './password-policy.js';
import { ServerSecrets } from './server-secrets.js';
import { LoginThrottle } from './throttle.js';

/** Login, logout and password change. */
export function identityRoutes(ctx: CoreContext, services: CoreServices): RouteDefinition[] {
  const { sessions, directory } = services;
  const { cookieName } = ctx.config.sessions;
  const deviceCookie = deviceCookieName(ctx);
  const throttle = new LoginThrottle(ctx);
  const devices = new DeviceCookies(ctx, new ServerSecrets(ctx));
  const logins = new LoginService(ctx, sessions, throttle, devices);
  const passwordChange = new PasswordChange(
    ctx,
    sessions,
    throttle,
    new PasswordPolicy(ctx),
    devices,
  );

  return [
    {
      method: 'POST',
      path: '/api/auth/login',
      summary: 'Se connecter avec identifiant et mot de passe (ouvre une session)',
      tags: ['identité'],
      access: 'public',
      schemas: { payload: loginPayloadSchema, response: whoAmISchema },
      async handler(request, h) {
        const { login, password } = request.payload as { login: string; password: string };
        const opened = await logins.login(login, password, originOf(request, deviceCookie));
        // A login from a browser that already had a session replaces it.
        const previous = request.state[cookieName] as string | undefined;
        if (previous) await sessions.revokeToken(previous);
        const me = await directory.whoAmI(opened);
        if (!me) throw Boom.unauthorized('Votre compte n’existe plus.');
        return h
          .response(me)
          .state(cookieName, opened.token)
          .state(deviceCookie, opened.deviceCookie);
      },
    },
    {
      method: 'POST',
      path: '/api/auth/logout',
      summary: 'Se déconnecter (ferme la session)',
      tags: ['identité'],
      // Logging out with an expired session still clears the cookie.
      access: 'optional',
      async handler(request, h) {
        const session = maybeSessionOf(request);
        if (session) {
          await sessions.revoke(session.sessionId);
          // Open pages of this session stop receiving live messages (GET /api/live).
          await ctx.bus.publish('session.closed', { personId: session.personId });
          await ctx.audit.record({
            action: 'logout',
            actorId: session.personId,
            ecoleId: session.ecoleId,
            ip: clientAddress(request),
          });
        }
        return h.response().code(204).unstate(cookieName);
      },
    },
    {
      method: 'POST',
      path: '/api/me/password',
      summary: 'Changer mon mot de passe (ferme mes autres sessions)',
      tags: ['identité'],
      schemas: { payload: passwordPayloadSchema },
      async handler(request, h) {
        const session = sessionOf(request);
        const { currentPassword, newPassword } = request.payload as {
          currentPassword: string;
          newPassword: string;
        };
        await passwordChange.change({
          personId: session.personId,
          sessionId: session.sessionId,
          currentPassword,
          newPassword,
          ip: clientAddress(request),
          deviceCookie: stringState(request, deviceCookie),
        });
        return h.response().code(204);
      },
    },
  ];
}

function originOf(request: Request, deviceCookie: string): LoginOrigin {
  const userAgent = request.headers['user-agent'];
  return {
    ip: clientAddress(request),
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    deviceCookie: stringState(request, deviceCookie),
  };
}

/** A cookie's value, if sent once (hapi gives an array when a name is repeated: trust none). */
function stringState(request: Request, name: string): string | undefined {
  const value: unknown = request.state[name];
  return typeof value === 'string' ? value : undefined;
}

// Long enough for a 7-word passphrase, short enough that nobody makes argon2 hash megabytes.
const password: JsonSchema = { type: 'string', minLength: 1, maxLength: 256 };

const loginPayloadSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'password'],
  properties: { login: { type: 'string', minLength: 1, maxLength: 80 }, password },
};

const passwordPayloadSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: password, newPassword: password },
};
