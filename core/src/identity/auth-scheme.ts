import Boom from '@hapi/boom';
import type { Server } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { SESSION_STRATEGY } from '../http/route.js';
import { registerDeviceCookie } from './device-cookie.js';
import type { SessionStore } from './sessions.js';

/**
 * Registers the session cookie (httpOnly, SameSite=Lax, Secure when served over HTTPS), the
 * device cookie (login throttling) and the `preau-session` auth strategy of non-public routes.
 */
export function registerSessionAuth(
  server: Server,
  ctx: CoreContext,
  sessions: SessionStore,
): void {
  const { cookieName, secureCookie } = ctx.config.sessions;
  server.state(cookieName, {
    isHttpOnly: true,
    isSameSite: 'Lax',
    isSecure: secureCookie,
    path: '/',
    encoding: 'none',
    strictHeader: true,
    ignoreErrors: true,
    clearInvalid: true,
  });
  registerDeviceCookie(server, ctx);
  server.auth.scheme('preau-session', () => ({
    async authenticate(request, h) {
      const token = request.state[cookieName] as string | undefined;
      if (!token) {
        throw Boom.unauthorized('Vous devez vous connecter pour accéder à cette page.');
      }
      const credentials = await sessions.find(token);
      if (!credentials) {
        h.unstate(cookieName);
        throw Boom.unauthorized('Votre session a expiré : reconnectez-vous.');
      }
      return h.authenticated({ credentials: { ...credentials } });
    },
  }));
  server.auth.strategy(SESSION_STRATEGY, 'preau-session');
}
