import { EventEmitter } from 'node:events';

import type { Knex } from 'knex';

import type { TableNaming } from './database.js';

/**
 * What a query opened by `forEcole(ecoleId)` is bound to: the connection (or transaction), the
 * plugin's table naming and the école. Two scoped queries may be combined (a subquery in a
 * `whereIn`, say) only when they share the plugin and the école.
 */
export interface Scope {
  readonly knex: Knex | Knex.Transaction;
  readonly naming: TableNaming;
  readonly ecoleId: number;
}

/** The column every plugin row carries, and that only the scope may set. */
export const ECOLE_COLUMN = 'ecole_id';

/**
 * The error of a refused query shape: it names the method and says what to write instead, so
 * a plugin author fixes the query rather than hunting for a missing row.
 */
export class ScopeRefusal extends Error {
  constructor(message: string) {
    super(`forEcole : ${message}`);
    this.name = 'ScopeRefusal';
  }
}

const CROSS_ECOLE_HINT =
  'pour un travail entre écoles (tâche planifiée, migration, export), utilisez ctx.db.table()';

/** Why a knex method is not offered on a scoped query, and what to use instead. */
export function refusedMethod(name: string): ScopeRefusal {
  if (/Raw$/.test(name) || name === 'fromJS') {
    return new ScopeRefusal(
      `« ${name} » est refusé : du SQL brut échapperait au filtre d’école. Écrivez la condition ` +
        `avec where, whereIn, whereBetween, whereLike…, ou, ${CROSS_ECOLE_HINT}.`,
    );
  }
  if (['from', 'into', 'table', 'withSchema', 'with', 'withRecursive'].includes(name)) {
    return new ScopeRefusal(
      `« ${name} » est refusé : la table est choisie par forEcole(…).table(nom). Ouvrez l’autre ` +
        'table du plugin par forEcole(…).table(autre) ou joignez-la par join(ctx.db.tableName(autre), …).',
    );
  }
  if (['rightJoin', 'rightOuterJoin', 'outerJoin', 'fullOuterJoin', 'crossJoin'].includes(name)) {
    return new ScopeRefusal(
      `« ${name} » est refusé : utilisez join, innerJoin ou leftJoin entre les tables du plugin.`,
    );
  }
  if (name === 'truncate') {
    return new ScopeRefusal(
      '« truncate » viderait la table de toutes les écoles : utilisez delete(), qui ne touche que ' +
        'les lignes de l’école.',
    );
  }
  if (name === 'upsert') {
    return new ScopeRefusal(
      '« upsert » est refusé : il pourrait écraser la ligne d’une autre école. Lisez la ligne ' +
        'de l’école puis update() ou insert(), dans ctx.db.transaction().',
    );
  }
  if (/^(union|unionAll|intersect|except)$/.test(name)) {
    return new ScopeRefusal(
      `« ${name} » est refusé : il ajouterait des lignes hors du filtre d’école. Faites deux ` +
        'requêtes forEcole(…) et réunissez leurs résultats.',
    );
  }
  return new ScopeRefusal(
    `« ${name} » n’est pas disponible sur une table ouverte par forEcole(…), qui garantit que ` +
      'l’école ne voit et n’écrit que ses lignes. Utilisez where…, select, join entre les tables ' +
      `du plugin, orderBy, groupBy, limit, insert, update, delete ; ${CROSS_ECOLE_HINT}.`,
  );
}

/**
 * Every method name of knex's query builder, read once from a real builder: a scoped query
 * answers each one it does not offer with `refusedMethod`, not with « is not a function ».
 */
export function knexMethodNames(knex: Knex | Knex.Transaction): ReadonlySet<string> {
  if (!internals.knexMethods) {
    // Dialects subclass knex's builder: read every prototype up to the event emitter it extends.
    const names = new Set<string>();
    let proto = Object.getPrototypeOf(knex.queryBuilder()) as object | null;
    while (proto && proto !== EventEmitter.prototype && proto !== Object.prototype) {
      for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    names.delete('constructor');
    internals.knexMethods = names;
  }
  return internals.knexMethods;
}

/**
 * Checks a value given to a condition, an insert or an update: numbers, strings, booleans, null,
 * dates and buffers, or arrays and plain objects of them. Anything else — `knex.raw`, another
 * knex builder, a function — could carry SQL that reads outside the école, so it is refused.
 */
export function checkPlainValue(value: unknown, where: string, depth = 0): void {
  if (value === null || value === undefined) return;
  if (['string', 'number', 'boolean', 'bigint'].includes(typeof value)) return;
  if (value instanceof Date || Buffer.isBuffer(value)) return;
  if (depth < 3 && Array.isArray(value)) {
    for (const item of value) checkPlainValue(item, where, depth + 1);
    return;
  }
  if (depth < 3 && isPlainObject(value)) {
    for (const item of Object.values(value)) checkPlainValue(item, where, depth + 1);
    return;
  }
  throw new ScopeRefusal(
    `${where} : valeur refusée (${describe(value)}). Seules des valeurs simples (texte, nombre, ` +
      'date, null, ou des listes de ces valeurs) et des sous-requêtes forEcole(…) de la même ' +
      'école sont acceptées ; du SQL brut (knex.raw) ou une autre requête knex échapperait au ' +
      'filtre d’école.',
  );
}

/** Whether a column reference (`ecole_id`, `t.ecole_id`, `` `ecole_id` ``) names the école column. */
export function isEcoleColumn(column: string): boolean {
  const last = column.split('.').pop() ?? '';
  return last.replace(/[`"[\]\s]/g, '').toLowerCase() === ECOLE_COLUMN;
}

/**
 * Checks the row an insert writes: no `ecole_id` of another école (a row is written in the école
 * of the scope or not at all), plain values only. Resolves to the row stamped with the école.
 */
export function stampedRow(row: unknown, ecoleId: number): Record<string, unknown> {
  if (!isPlainObject(row)) {
    throw new ScopeRefusal('insert : chaque ligne doit être un objet { colonne: valeur }.');
  }
  for (const [column, value] of Object.entries(row)) {
    if (isEcoleColumn(column) && value !== ecoleId) {
      throw new ScopeRefusal(
        `insert : cette ligne porte ecole_id = ${String(value)}, or la requête est ouverte pour ` +
          `l’école ${ecoleId}. Retirez ecole_id (Préau le remplit) ou ouvrez ` +
          'ctx.db.forEcole(l’autre école).',
      );
    }
    checkPlainValue(value, `insert (colonne ${column})`);
  }
  return { ...row, [ECOLE_COLUMN]: ecoleId };
}

/** Refuses an update that would set `ecole_id` to another école, and non-plain values. */
export function checkUpdate(changes: Record<string, unknown>, ecoleId: number): void {
  for (const [column, value] of Object.entries(changes)) {
    if (isEcoleColumn(column) && value !== ecoleId) {
      throw new ScopeRefusal(
        'une ligne ne peut pas changer d’école (ecole_id) : créez-la dans l’autre école par ' +
          'ctx.db.forEcole(autre).insert(…) puis supprimez-la ici.',
      );
    }
    checkPlainValue(value, `update (colonne ${column})`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

// Module-private helpers.

const internals: { knexMethods?: ReadonlySet<string> } = {};

function describe(value: unknown): string {
  if (typeof value === 'function') return 'une fonction';
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  if (name === 'Raw') return 'knex.raw';
  if (typeof (value as { toSQL?: unknown }).toSQL === 'function') {
    return 'une requête knex hors forEcole';
  }
  return name ? `un objet ${name}` : 'un objet';
}
