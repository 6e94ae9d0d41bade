import type { AdminAccess } from '../directory/admin-access.js';
import type { CoreContext } from '../context.js';
import { maybeSessionOf } from './credentials.js';
import type { RouteDefinition } from './route.js';

/**
 * `GET /api/health`: liveness and database reachability. Anyone (a load balancer) gets the
 * status alone, 200 or 503; platform and collectivité administrators also get the database
 * engine and the uptime, which help supervise but also tell an attacker what runs and since
 * when a patch may be missing.
 */
export function healthRoutes(ctx: CoreContext, admin: AdminAccess): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/api/health',
      summary:
        'État du service (ok ou dégradé) ; moteur de base et durée de fonctionnement pour les administrateurs',
      tags: ['système'],
      access: 'optional',
      schemas: {
        response: {
          type: 'object',
          required: ['status'],
          properties: {
            status: { type: 'string', enum: ['ok', 'dégradé'] },
            database: {
              type: 'string',
              enum: ['sqlite', 'mysql'],
              description: 'Administrateurs seulement',
            },
            uptimeSeconds: { type: 'number', description: 'Administrateurs seulement' },
          },
        },
      },
      async handler(request, h) {
        let status: 'ok' | 'dégradé' = 'ok';
        try {
          await ctx.sql.first('SELECT 1 AS one');
        } catch (error) {
          ctx.log.error({ err: error }, 'Base de données injoignable');
          status = 'dégradé';
        }
        const code = status === 'ok' ? 200 : 503;
        const session = maybeSessionOf(request);
        if (status === 'dégradé' || !session || !(await isAdministrator(admin, session.personId))) {
          return h.response({ status }).code(code);
        }
        return h
          .response({
            status,
            database: ctx.sql.engine,
            uptimeSeconds: Math.round(process.uptime()),
          })
          .code(code);
      },
    },
  ];
}

// Module-private helpers.

async function isAdministrator(admin: AdminAccess, personId: number): Promise<boolean> {
  const scope = await admin.administeredCollectivites(personId);
  return scope === 'all' || scope.length > 0;
}
