import type { PluginDatabase, PluginHooks } from '@preau/sdk';

/**
 * What the plugin keeps about a person (see the manifest's privacy section): the items they
 * received, their choices, the reports they made. The export gives all of it; the erasure
 * deletes their feed and choices, and keeps the reports (the école may still need them) with
 * the reporter's and handler's name taken out.
 */
export function privacyHooks(db: PluginDatabase): PluginHooks {
  const inbox = db.tableName('inbox');
  const items = db.tableName('items');
  return {
    async exportUser(personId) {
      const received = (await db
        .table('inbox')
        .join(items, `${items}.id`, `${inbox}.item_id`)
        .where(`${inbox}.person_id`, personId)
        .orderBy(`${inbox}.id`)
        .select(
          `${inbox}.ecole_id`,
          `${items}.plugin_name`,
          `${items}.type_label`,
          `${items}.title`,
          `${items}.text`,
          `${items}.url`,
          `${inbox}.channel`,
          `${inbox}.created_at`,
          `${inbox}.read_at`,
        )) as Array<Record<string, unknown>>;
      const preferences = (await db
        .table('preferences')
        .where('person_id', personId)
        .orderBy('id')
        .select('ecole_id', 'plugin_id', 'type', 'channel')) as Array<Record<string, unknown>>;
      const quiet = (await db
        .table('quiet_hours')
        .where('person_id', personId)
        .select('ecole_id', 'intervals')) as Array<{ ecole_id: number; intervals: string }>;
      const reports = (await db
        .table('reports')
        .where('reporter_id', personId)
        .orderBy('id')
        .select('ecole_id', 'reason', 'title', 'created_at', 'handled_at')) as Array<
        Record<string, unknown>
      >;
      if (received.length + preferences.length + quiet.length + reports.length === 0) return [];
      const at = (value: unknown) =>
        value === null || value === undefined ? null : new Date(Number(value)).toISOString();
      const content = JSON.stringify(
        {
          description:
            'Vos notifications, vos choix de canaux et d’heures de silence, vos signalements',
          notificationsRecues: received.map((row) => ({
            ecoleId: Number(row.ecole_id),
            service: row.plugin_name,
            type: row.type_label,
            titre: row.title,
            texte: row.text ?? null,
            lien: row.url,
            canal: row.channel,
            recueLe: at(row.created_at),
            lueLe: at(row.read_at),
          })),
          canaux: preferences.map((row) => ({
            ecoleId: Number(row.ecole_id),
            service: row.plugin_id,
            type: row.type,
            canal: row.channel,
          })),
          heuresDeSilence: quiet.map((row) => ({
            ecoleId: Number(row.ecole_id),
            intervalles: JSON.parse(String(row.intervals)) as unknown,
          })),
          signalements: reports.map((row) => ({
            ecoleId: Number(row.ecole_id),
            contenu: row.title,
            motif: row.reason,
            faitLe: at(row.created_at),
            traiteLe: at(row.handled_at),
          })),
        },
        null,
        2,
      );
      return [{ path: 'notifications/notifications.json', content }];
    },
    async eraseUser(personId) {
      await db.transaction(async (trx) => {
        await trx.table('inbox').where('person_id', personId).delete();
        await trx.table('preferences').where('person_id', personId).delete();
        await trx.table('quiet_hours').where('person_id', personId).delete();
        await trx.table('unsubscribe_tokens').where('person_id', personId).delete();
        await trx.table('digests').where('person_id', personId).delete();
        await trx.table('items').where('actor_id', personId).update({ actor_id: null });
        await trx.table('reports').where('reporter_id', personId).update({ reporter_id: null });
        await trx.table('reports').where('handled_by', personId).update({ handled_by: null });
      });
    },
  };
}
