import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';

import type { SessionCredentials } from '../identity/sessions.js';

/** The session of the person making a request on a `session` route. */
export function sessionOf(request: Request): SessionCredentials {
  const credentials = request.auth.credentials as unknown as SessionCredentials | null;
  if (!credentials?.personId) throw Boom.unauthorized('Vous devez vous connecter.');
  return credentials;
}

/** The session, if any, on an `optional` route. */
export function maybeSessionOf(request: Request): SessionCredentials | null {
  return request.auth.isAuthenticated
    ? (request.auth.credentials as unknown as SessionCredentials)
    : null;
}

/** The session's current école, or a 409 telling the person to choose one. */
export function currentEcoleOf(request: Request): { ecoleId: number; profile: string } {
  const session = sessionOf(request);
  if (session.ecoleId === null || session.profile === null) {
    throw Boom.conflict('Choisissez d’abord une école (POST /api/me/context).');
  }
  return { ecoleId: session.ecoleId, profile: session.profile };
}
