import { errors, type PluginContext } from '@preau/sdk';

import { userOf } from './feed-routes.js';

const MANAGE = 'notifications.reports.manage';

/** « Signalements »: the école's reports, for those who manage them. */
export function registerReportRoutes(ctx: PluginContext): void {
  ctx.route<Record<string, never>, { status: 'open' | 'handled' }, undefined>({
    method: 'GET',
    path: '/reports',
    summary: 'Les signalements de l’école, à traiter ou traités',
    permission: MANAGE,
    schemas: {
      query: {
        type: 'object',
        additionalProperties: false,
        properties: { status: { type: 'string', enum: ['open', 'handled'], default: 'open' } },
      },
    },
    handler: async (request) => {
      const { ecoleId } = userOf(request);
      let query = ctx.db.forEcole(ecoleId).table('reports');
      query =
        request.query.status === 'handled'
          ? query.whereNotNull('handled_at').orderBy('handled_at', 'desc')
          : query.whereNull('handled_at').orderBy('created_at', 'desc');
      const rows = (await query.orderBy('id', 'desc').limit(200)) as ReportRow[];
      const names = new Map<number, { firstName: string; lastName: string }>();
      const nameOf = async (personId: number | null) => {
        if (personId === null) return null;
        if (!names.has(personId)) {
          const person = await ctx.directory.person(personId);
          names.set(
            personId,
            person
              ? { firstName: person.firstName, lastName: person.lastName }
              : { firstName: 'Compte', lastName: 'supprimé' },
          );
        }
        return names.get(personId)!;
      };
      const reports = [];
      for (const row of rows) {
        const reporterId = row.reporter_id === null ? null : Number(row.reporter_id);
        const handledBy = row.handled_by === null ? null : Number(row.handled_by);
        reports.push({
          id: Number(row.id),
          createdAt: Number(row.created_at),
          reason: row.reason,
          reporter: (await nameOf(reporterId)) ?? { firstName: 'Compte', lastName: 'supprimé' },
          item: {
            pluginName: row.plugin_name,
            typeLabel: row.type_label,
            title: row.title,
            text: row.text ?? null,
            url: row.url,
          },
          handledAt: row.handled_at === null ? null : Number(row.handled_at),
          handledBy:
            row.handled_at === null
              ? null
              : ((await nameOf(handledBy)) ?? { firstName: 'Compte', lastName: 'supprimé' }),
        });
      }
      return { reports };
    },
  });

  ctx.route<{ id: number }, Record<string, never>, undefined>({
    method: 'POST',
    path: '/reports/{id}/handle',
    summary: 'Marque un signalement de l’école comme traité',
    permission: MANAGE,
    schemas: {
      params: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: { id: { type: 'integer', minimum: 1 } },
      },
    },
    handler: async (request) => {
      const { ecoleId, personId } = userOf(request);
      const reports = ctx.db.forEcole(ecoleId);
      const row = (await reports.table('reports').where('id', request.params.id).first()) as
        ReportRow | undefined;
      if (!row) throw errors.notFound('Ce signalement n’existe pas dans votre école.');
      if (row.handled_at !== null) throw errors.conflict('Ce signalement a déjà été traité.');
      await reports
        .table('reports')
        .where('id', request.params.id)
        .whereNull('handled_at')
        .update({ handled_at: ctx.now(), handled_by: personId });
      return undefined;
    },
  });
}

// Module-private helpers.

interface ReportRow {
  id: number;
  reporter_id: number | null;
  reason: string;
  plugin_name: string;
  type_label: string;
  title: string;
  text: string | null;
  url: string;
  created_at: number;
  handled_at: number | null;
  handled_by: number | null;
}
