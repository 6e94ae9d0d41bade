import type { Request } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { sessionOf } from '../http/credentials.js';
import type { CoreServices } from '../services.js';

/**
 * Who may read and change an école's communication rules and permission grants: the
 * administrators of its collectivité (and the platform's), and the école's own directeur — in
 * ONE the directeur is the one who decides who talks to whom in the école. A directeur of
 * another école, like anyone else, gets the same 404 as for an école that does not exist.
 */
export async function requireRightsManager(
  ctx: CoreContext,
  services: CoreServices,
  request: Request,
  ecoleId: number,
): Promise<{ collectiviteId: number }> {
  const directeur = await ctx.sql.first<{ collectivite_id: number }>(
    'SELECT e.collectivite_id FROM memberships m JOIN ecoles e ON e.id = m.ecole_id ' +
      'WHERE m.person_id = ? AND m.ecole_id = ? AND m.profile = ?',
    [sessionOf(request).personId, ecoleId, 'DIR'],
  );
  if (directeur) return { collectiviteId: Number(directeur.collectivite_id) };
  return services.admin.requireEcole(request, ecoleId);
}
