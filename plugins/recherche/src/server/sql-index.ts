import type { PluginDatabase, QueryBuilder, SearchAudience, SearchDocument } from '@preau/sdk';

import type { IndexProvider, SearchHit, SearchQuery } from './index-provider.js';

/** A document row as both engines keep it. */
export interface DocumentRow {
  id: number;
  title: string;
  body: string;
}

/**
 * What the SQL index providers share: the documents table, and the audience kept beside it
 * (`audience`: one row per class, profile or person) so that visibility is filtered in SQL.
 * Each engine adds its full-text part: `written`/`removing` keep its index in step, `match`
 * restricts a query to the documents matching the words and orders them best first.
 */
export abstract class SqlIndexProvider implements IndexProvider {
  constructor(protected readonly db: PluginDatabase) {}

  protected abstract extraColumns(document: SearchDocument): Record<string, unknown>;
  protected abstract written(
    db: PluginDatabase,
    row: DocumentRow,
    previous: DocumentRow | undefined,
  ): Promise<void>;
  protected abstract removing(db: PluginDatabase, row: DocumentRow): Promise<void>;
  /** Restricts to the documents matching every term, best first; the école is filtered after. */
  protected abstract match(
    builder: QueryBuilder,
    terms: string[],
    ecoleId: number,
  ): QueryBuilder | null;

  async index(pluginId: string, document: SearchDocument): Promise<void> {
    const prepared = this.prepare(pluginId, document);
    await this.db.transaction((db) => this.writeOne(db, prepared));
  }

  /**
   * Indexes many documents (a plugin indexing all its content at once, the bench): one
   * transaction per batch of `INDEX_BATCH`, new documents inserted with multi-row statements,
   * those already indexed replaced one by one as `index` does. A document given twice counts
   * once, its last version.
   */
  async indexMany(pluginId: string, documents: readonly SearchDocument[]): Promise<void> {
    const prepared = new Map<string, Prepared>();
    for (const document of documents) {
      const one = this.prepare(pluginId, document);
      prepared.delete(one.identity);
      prepared.set(one.identity, one);
    }
    const all = [...prepared.values()];
    for (let start = 0; start < all.length; start += INDEX_BATCH) {
      const batch = all.slice(start, start + INDEX_BATCH);
      await this.db.transaction(async (db) => {
        const existing = await this.idsOf(db, batch);
        const fresh: Prepared[] = [];
        for (const one of batch) {
          if (existing.has(one.identity)) await this.writeOne(db, one);
          else fresh.push(one);
        }
        if (!fresh.length) return;
        for (const chunk of chunks(fresh, INSERT_ROWS)) {
          await db.table('documents').insert(chunk.map((one) => ({ ...one.key, ...one.values })));
        }
        const ids = await this.idsOf(db, fresh);
        const rows = fresh.map((one) => {
          const id = ids.get(one.identity);
          // Only if the database compared two ids as equal that differ (e.g. by case on MariaDB).
          if (id === undefined)
            throw new Error(`ctx.search.index : id « ${one.key.doc_id} » en double`);
          return { ...one, id };
        });
        const audience = rows.flatMap((row) => audienceRows(row.id, row.audience));
        for (const chunk of chunks(audience, INSERT_ROWS)) await db.table('audience').insert(chunk);
        await this.writtenMany(
          db,
          rows.map(({ id, title, body }) => ({ id, title, body })),
        );
      });
    }
  }

  /** Adds many new rows to the full-text part (by default one at a time, as `written`). */
  protected async writtenMany(db: PluginDatabase, rows: readonly DocumentRow[]): Promise<void> {
    for (const row of rows) await this.written(db, row, undefined);
  }

  /** A document checked, cut to the columns' sizes, as the values of its row. */
  private prepare(pluginId: string, document: SearchDocument): Prepared {
    checkDocument(document);
    const key = keyOf(pluginId, document.ecoleId, document.provider, document.id);
    const title = document.title.normalize('NFC').slice(0, MAX_TITLE);
    const body = document.text.normalize('NFC');
    const values = {
      title,
      body,
      url: document.url,
      everyone: document.audience === 'ecole' ? 1 : 0,
      ...this.extraColumns({ ...document, title, text: body }),
    };
    return {
      identity: identityOf(pluginId, document.ecoleId, document.provider, document.id),
      key,
      values,
      title,
      body,
      audience: document.audience,
    };
  }

  /** Inserts or replaces one document, inside the caller's transaction. */
  private async writeOne(db: PluginDatabase, one: Prepared): Promise<void> {
    const { key, values, title, body } = one;
    const previous = (await db.table('documents').where(key).first('id', 'title', 'body')) as
      DocumentRow | undefined;
    let id: number;
    if (previous) {
      id = previous.id;
      await db.table('documents').where({ id }).update(values);
      await db.table('audience').where({ document_id: id }).delete();
    } else {
      [id] = (await db.table('documents').insert({ ...key, ...values })) as [number];
    }
    const audience = audienceRows(id, one.audience);
    if (audience.length) await db.table('audience').insert(audience);
    await this.written(db, { id, title, body }, previous);
  }

  /** The ids of those of `documents` already indexed, by identity. */
  private async idsOf(
    db: PluginDatabase,
    documents: readonly Prepared[],
  ): Promise<Map<string, number>> {
    const groups = new Map<string, Prepared[]>();
    for (const one of documents) {
      const group = `${one.key.ecole_id}\u0000${one.key.provider}`;
      const list = groups.get(group);
      if (list) list.push(one);
      else groups.set(group, [one]);
    }
    const ids = new Map<string, number>();
    for (const group of groups.values()) {
      const { ecole_id, plugin_id, provider } = group[0]!.key;
      for (const chunk of chunks(group, INSERT_ROWS)) {
        const rows = (await db
          .table('documents')
          .where({ ecole_id, plugin_id, provider })
          .whereIn(
            'doc_id',
            chunk.map((one) => one.key.doc_id),
          )
          .select('id', 'doc_id')) as Array<{ id: number; doc_id: string }>;
        for (const row of rows) {
          ids.set(identityOf(plugin_id, ecole_id, provider, row.doc_id), Number(row.id));
        }
      }
    }
    return ids;
  }

  async remove(pluginId: string, ecoleId: number, provider: string, id: string): Promise<void> {
    await this.db.transaction(async (db) => {
      const key = keyOf(pluginId, ecoleId, provider, id);
      const row = (await db.table('documents').where(key).first('id', 'title', 'body')) as
        DocumentRow | undefined;
      if (!row) return;
      await this.removing(db, row);
      await db.table('audience').where({ document_id: row.id }).delete();
      await db.table('documents').where({ id: row.id }).delete();
    });
  }

  async search({ terms, searcher, sources, limit }: SearchQuery): Promise<SearchHit[]> {
    if (!terms.length || !sources.length) return [];
    const documents = this.db.tableName('documents');
    const audience = this.db.tableName('audience');
    const column = (name: string) => `${documents}.${name}`;
    const builder = this.match(this.db.table('documents'), terms, searcher.ecoleId);
    if (!builder) return [];
    const rows = (await builder
      .where(column('ecole_id'), searcher.ecoleId)
      .where((inner: QueryBuilder) => {
        for (const source of sources) {
          inner.orWhere({
            [column('plugin_id')]: source.pluginId,
            [column('provider')]: source.provider,
          });
        }
      })
      .where((inner: QueryBuilder) => {
        inner.where(column('everyone'), 1).orWhereExists((exists: QueryBuilder) => {
          exists
            .select(1)
            .from(audience)
            .whereRaw(`${audience}.document_id = ${column('id')}`)
            .where((who: QueryBuilder) => {
              who
                .where({ kind: 'profile', value: searcher.profile })
                .orWhere({ kind: 'person', value: String(searcher.personId) });
              if (searcher.classIds.length) {
                who.orWhere((cls: QueryBuilder) =>
                  cls.where('kind', 'class').whereIn('value', searcher.classIds.map(String)),
                );
              }
            });
        });
      })
      .limit(limit)
      .select(
        column('plugin_id'),
        column('provider'),
        column('title'),
        column('body'),
        column('url'),
      )) as Array<{
      plugin_id: string;
      provider: string;
      title: string;
      body: string;
      url: string;
    }>;
    return rows.map((row) => ({
      pluginId: row.plugin_id,
      provider: row.provider,
      title: row.title,
      body: row.body,
      url: row.url,
    }));
  }
}

// Module-private helpers.

/** The longest title kept (the column's size); longer ones are cut. */
const MAX_TITLE = 300;

/** A plugin's mistake, told at once rather than as a database error. */
function checkDocument(document: SearchDocument): void {
  const problem =
    !Number.isSafeInteger(document.ecoleId) || document.ecoleId <= 0
      ? 'ecoleId doit être un identifiant d’école'
      : typeof document.id !== 'string' || document.id.length < 1 || document.id.length > 100
        ? 'id doit compter de 1 à 100 caractères'
        : typeof document.url !== 'string' ||
            !document.url.startsWith('/') ||
            document.url.length > 500
          ? 'url doit être un chemin du portail commençant par « / » (500 caractères au plus)'
          : typeof document.title !== 'string' || typeof document.text !== 'string'
            ? 'title et text doivent être des textes'
            : null;
  if (problem) throw new Error(`ctx.search.index : ${problem}`);
}

/** Documents written per transaction by `indexMany`. */
const INDEX_BATCH = 1000;

/** Rows per multi-row statement: far below either engine's limit on bound values. */
const INSERT_ROWS = 200;

/** A document checked and turned into the values of its row. */
interface Prepared {
  identity: string;
  key: ReturnType<typeof keyOf>;
  values: Record<string, unknown>;
  title: string;
  body: string;
  audience: SearchAudience;
}

function identityOf(pluginId: string, ecoleId: number, provider: string, id: string): string {
  return JSON.stringify([pluginId, Number(ecoleId), provider, id]);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

function keyOf(pluginId: string, ecoleId: number, provider: string, id: string) {
  return { ecole_id: ecoleId, plugin_id: pluginId, provider, doc_id: id };
}

function audienceRows(documentId: number, audience: SearchAudience) {
  if (audience === 'ecole') return [];
  return [
    ...(audience.classIds ?? []).map((id) => ({ kind: 'class', value: String(id) })),
    ...(audience.profiles ?? []).map((profile) => ({ kind: 'profile', value: String(profile) })),
    ...(audience.personIds ?? []).map((id) => ({ kind: 'person', value: String(id) })),
  ].map((row) => ({ document_id: documentId, ...row }));
}
