import type { PluginDatabase, QueryBuilder, ScopedDatabase } from '@preau/sdk';
import type { Knex } from 'knex';

import { stampedRow } from './scoped-checks.js';
import { scopedQuery } from './scoped-query.js';

/** MariaDB's limit on identifiers; SQLite has none, but a plugin must run on both. */
const MAX_IDENTIFIER = 64;

/** A table name as a plugin writes it: lower case, digits and underscores, starting with a letter. */
const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

/** Names the host keeps for the plugin's migration bookkeeping: not reachable as data tables. */
const RESERVED = new Set(['migrations', 'migrations_lock']);

/** The table prefix of a plugin: its id with dashes as underscores (`menu-cantine` → `menu_cantine`). */
export function tablePrefix(pluginId: string): string {
  return pluginId.replace(/-/g, '_');
}

/**
 * Turns a plugin's short table names into real ones, `<prefix>_<name>`, and refuses any name
 * that could reach outside the plugin's tables: dots (another schema), quotes, spaces, the
 * migrations tables, and names that would land in another plugin's namespace (`menu` writing
 * `cantine_x` would be `menu_cantine_x`, a table of `menu-cantine`).
 */
export class TableNaming {
  readonly prefix: string;
  private readonly foreign: string[];

  constructor(pluginId: string, otherPluginIds: readonly string[] = []) {
    this.prefix = tablePrefix(pluginId);
    this.foreign = otherPluginIds
      .map(tablePrefix)
      .filter((other) => other !== this.prefix && other.startsWith(`${this.prefix}_`))
      .map((other) => `${other}_`);
  }

  /** The real name of a table; throws on a name the plugin may not use. */
  of(name: string): string {
    if (typeof name !== 'string' || !TABLE_NAME.test(name) || RESERVED.has(name)) {
      throw new Error(
        `Nom de table « ${String(name)} » refusé : lettres minuscules, chiffres et _ seulement, ` +
          'sans préfixe (il est ajouté par Préau).',
      );
    }
    const full = `${this.prefix}_${name}`;
    if (full.length > MAX_IDENTIFIER) {
      throw new Error(`Nom de table « ${full} » trop long (${MAX_IDENTIFIER} caractères au plus).`);
    }
    const taken = this.foreign.find((other) => full.startsWith(other));
    if (taken) {
      throw new Error(
        `Nom de table « ${name} » refusé : « ${full} » appartiendrait au plugin dont les tables ` +
          `commencent par « ${taken} ».`,
      );
    }
    return full;
  }
}

/**
 * The SDK's `PluginDatabase` over knex: every table name goes through `TableNaming`, so the
 * plugin reaches its own tables only; `forEcole` hands out `ScopedQuery` builders
 * (scoped-query.ts) that read, join and write the rows of one école only, and refuse the query
 * shapes that could reach past it (raw SQL, foreign joins, `merge`).
 *
 * This guards against mistakes, not against hostile code: a plugin runs in Préau's process and
 * could always open its own connection. Plugins are installed by the platform's administrators.
 */
export class KnexPluginDatabase implements PluginDatabase {
  constructor(
    private readonly knex: Knex | Knex.Transaction,
    private readonly naming: TableNaming,
    readonly engine: 'sqlite' | 'mysql',
  ) {}

  tableName(name: string): string {
    return this.naming.of(name);
  }

  table(name: string): QueryBuilder {
    return this.knex(this.naming.of(name));
  }

  forEcole(ecoleId: number): ScopedDatabase {
    if (!Number.isSafeInteger(ecoleId) || ecoleId <= 0) {
      throw new Error(`forEcole : identifiant d’école invalide (${String(ecoleId)})`);
    }
    const scope = { knex: this.knex, naming: this.naming, ecoleId };
    return {
      table: (name) => scopedQuery(scope, this.naming.of(name)),
      insert: (name, rows) => this.insertStamped(this.naming.of(name), ecoleId, rows),
    };
  }

  transaction<T>(work: (db: PluginDatabase) => Promise<T>): Promise<T> {
    return this.knex.transaction((trx) =>
      work(new KnexPluginDatabase(trx, this.naming, this.engine)),
    );
  }

  private async insertStamped(
    table: string,
    ecoleId: number,
    rows: Record<string, unknown> | Record<string, unknown>[],
  ): Promise<number[]> {
    const list = (Array.isArray(rows) ? rows : [rows]).map((row) => stampedRow(row, ecoleId));
    if (list.length === 0) return [];
    if (list.length === 1) return insertedIds(await this.knex(table).insert(list[0]));
    // One row at a time: SQLite reports only the last id of a multi-row insert, MariaDB the first.
    const insertAll = async (trx: Knex | Knex.Transaction) => {
      const ids: number[] = [];
      for (const row of list) ids.push(...insertedIds(await trx(table).insert(row)));
      return ids;
    };
    return this.knex.isTransaction
      ? insertAll(this.knex)
      : this.knex.transaction((trx) => insertAll(trx));
  }
}

// Module-private helpers.

function insertedIds(result: unknown): number[] {
  return (Array.isArray(result) ? result : [result]).map(Number);
}
