import type { PluginDatabase, PluginHooks } from '@preau/sdk';

/**
 * The personal data the index keeps: the people named in a document's audience (copied from
 * the plugin that indexed it). The export lists the documents addressed to the person by name;
 * the erasure takes their name out of every audience.
 */
export function privacyHooks(db: PluginDatabase): PluginHooks {
  const documents = db.tableName('documents');
  const audience = db.tableName('audience');
  return {
    async exportUser(personId) {
      const rows = (await db
        .table('audience')
        .join(documents, `${documents}.id`, `${audience}.document_id`)
        .where({ kind: 'person', value: String(personId) })
        .orderBy(`${documents}.id`)
        .select(`${documents}.ecole_id`, `${documents}.plugin_id`, `${documents}.title`)) as Array<{
        ecole_id: number;
        plugin_id: string;
        title: string;
      }>;
      if (rows.length === 0) return [];
      const content = JSON.stringify(
        {
          description: 'Documents de la recherche qui vous sont destinés nommément',
          documents: rows.map((row) => ({
            ecoleId: row.ecole_id,
            service: row.plugin_id,
            titre: row.title,
          })),
        },
        null,
        2,
      );
      return [{ path: 'recherche/documents-destines.json', content }];
    },
    async eraseUser(personId) {
      await db
        .table('audience')
        .where({ kind: 'person', value: String(personId) })
        .delete();
    },
  };
}
