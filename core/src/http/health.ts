import type { CoreContext } from '../context.js';
import type { RouteDefinition } from './route.js';

/** `GET /api/health`: liveness and database reachability, for load balancers and supervision. */
export function healthRoutes(ctx: CoreContext): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/api/health',
      summary: 'État du service et de sa base de données',
      tags: ['système'],
      access: 'public',
      schemas: {
        response: {
          type: 'object',
          required: ['status', 'database'],
          properties: {
            status: { type: 'string', enum: ['ok', 'dégradé'] },
            database: { type: 'string', enum: ['sqlite', 'mysql'] },
            uptimeSeconds: { type: 'number' },
          },
        },
      },
      async handler(_request, h) {
        let status: 'ok' | 'dégradé' = 'ok';
        try {
          await ctx.sql.first('SELECT 1 AS one');
        } catch (error) {
          ctx.log.error({ err: error }, 'Base de données injoignable');
          status = 'dégradé';
        }
        return h
          .response({
            status,
            database: ctx.sql.engine,
            uptimeSeconds: Math.round(process.uptime()),
          })
          .code(status === 'ok' ? 200 : 503);
      },
    },
  ];
}
