import type { Knex } from 'knex';

import {
  ECOLE_COLUMN,
  ScopeRefusal,
  checkPlainValue,
  checkUpdate,
  isEcoleColumn,
  isPlainObject,
  stampedRow,
  type Scope,
} from './scoped-checks.js';
import {
  Subquery,
  guarded,
  joinColumn,
  joinedTable,
  replay,
  scopedTable,
  shapingArgs,
  type Write,
} from './scoped-steps.js';

/**
 * The builder of `forEcole(ecoleId).table(name)`. It records what the plugin asks for, checking
 * every argument as it comes, and writes the SQL only when the query runs, from a base that no
 * condition can widen:
 *
 * - a read selects from a derived table, `(select * from t where ecole_id = ?) as t`, and every
 *   joined table of the plugin is the same derived table: an `orWhere` filters the école's rows,
 *   it cannot add another école's;
 * - an update or a delete is `… where t.ecole_id = ? and (the plugin's conditions)`;
 * - an insert stamps every row with the école and refuses a row of another école.
 *
 * Raw SQL, callbacks that are not condition groups, subqueries that are not scoped queries of
 * the same plugin and école, joins to tables outside the plugin, `from`, `union`, `truncate`,
 * `upsert` and `onConflict().merge()` are refused with a `ScopeRefusal` naming what to use.
 */
export function scopedQuery(scope: Scope, table: string): ScopedQuery {
  return guarded(new ScopedQuery(scope, table), scope);
}

/** What shapes a read: columns, aggregates, order, grouping, paging. */
const SHAPING = [
  ...['select', 'columns', 'column', 'distinct', 'as', 'clearSelect', 'clearOrder'],
  ...['orderBy', 'groupBy', 'limit', 'offset', 'first', 'pluck'],
  ...['count', 'countDistinct', 'min', 'max', 'sum', 'sumDistinct', 'avg', 'avgDistinct'],
  ...['having', 'andHaving', 'orHaving', 'havingIn', 'havingNotIn', 'havingNull'],
  ...['havingNotNull', 'havingBetween', 'havingNotBetween'],
];

/** Joins whose every side is a table of the plugin, filtered on the same école. */
const JOINS = ['join', 'innerJoin', 'leftJoin', 'leftOuterJoin'];

export class ScopedQuery extends Subquery {
  private write?: Write;
  private conflict?: string[];
  private returned?: unknown[];

  constructor(
    scope: Scope,
    private readonly table: string,
  ) {
    super(scope);
  }

  insert(values: unknown, ...rest: unknown[]): this {
    const rows = Array.isArray(values) ? values : [values];
    const stamped = rows.map((row) => stampedRow(row, this.scope.ecoleId));
    return this.setWrite(
      { kind: 'insert', args: [Array.isArray(values) ? stamped : stamped[0]] },
      rest,
    );
  }

  onConflict(columns?: string | string[]): { ignore(): ScopedQuery; merge(): never } {
    checkPlainValue(columns, 'onConflict');
    const list = columns === undefined ? [] : Array.isArray(columns) ? columns : [columns];
    return {
      ignore: () => {
        this.conflict = list;
        return this;
      },
      merge: (): never => {
        throw new ScopeRefusal(
          '« onConflict().merge() » est refusé : la ligne en conflit peut être celle d’une autre ' +
            'école, qu’il écraserait. Utilisez onConflict().ignore(), ou lisez la ligne de l’école ' +
            'puis update() ou insert(), dans ctx.db.transaction().',
        );
      },
    };
  }

  update(changes: unknown, ...rest: unknown[]): this {
    if (typeof changes === 'string') {
      checkUpdate({ [changes]: rest[0] }, this.scope.ecoleId);
      return this.setWrite({ kind: 'update', args: [changes, rest[0]] }, rest.slice(1));
    }
    if (!isPlainObject(changes)) {
      throw new ScopeRefusal('update : passez { colonne: valeur } ou (colonne, valeur).');
    }
    checkUpdate(changes, this.scope.ecoleId);
    return this.setWrite({ kind: 'update', args: [changes] }, rest);
  }

  increment(column: unknown, amount?: unknown): this {
    return this.counter('increment', column, amount);
  }

  decrement(column: unknown, amount?: unknown): this {
    return this.counter('decrement', column, amount);
  }

  delete(...returning: unknown[]): this {
    return this.setWrite({ kind: 'delete', args: [] }, returning);
  }

  del(...returning: unknown[]): this {
    return this.delete(...returning);
  }

  returning(...columns: unknown[]): this {
    checkPlainValue(columns, 'returning');
    this.returned = columns;
    return this;
  }

  clone(): ScopedQuery {
    const copy = new ScopedQuery(this.scope, this.table);
    copy.steps.push(...this.steps);
    Object.assign(copy, { write: this.write, conflict: this.conflict, returned: this.returned });
    return guarded(copy, this.scope);
  }

  /** The knex query this scoped query stands for; throws on a write mixed with a read shape. */
  toKnex(): Knex.QueryBuilder {
    const { knex, ecoleId } = this.scope;
    const write = this.write;
    if (!write) {
      const base = knex.queryBuilder().from(scopedTable(this.scope, this.table, this.table));
      return replay(base, this.steps, this.scope);
    }
    let query: Knex.QueryBuilder;
    if (write.kind === 'insert') {
      if (this.steps.length > 0) {
        throw new ScopeRefusal(
          `insert ne se combine pas avec « ${this.steps[0]!.method} » : écrivez l’insert seul.`,
        );
      }
      query = knex(this.table).insert(write.args[0]);
      if (this.conflict) query = query.onConflict(this.conflict).ignore();
    } else {
      const odd = this.steps.find((step) => step.kind !== 'condition');
      if (odd) {
        throw new ScopeRefusal(
          `${write.kind} n’accepte que des conditions where… (pas « ${odd.method} ») : lisez ` +
            `d’abord les ids par forEcole(…).table(…).${odd.method}(…), puis ${write.kind} ` +
            'avec whereIn(’id’, ids).',
        );
      }
      query = knex(this.table).where(`${this.table}.${ECOLE_COLUMN}`, ecoleId);
      if (this.steps.length > 0) {
        const { steps, scope } = this;
        query = query.where(function (this: Knex.QueryBuilder) {
          replay(this, steps, scope);
        });
      }
      query = (query[write.kind] as (...args: unknown[]) => Knex.QueryBuilder)(...write.args);
    }
    return this.returned ? query.returning(this.returned as string[]) : query;
  }

  then<T1 = unknown, T2 = never>(
    onFulfilled?: ((value: unknown) => T1 | PromiseLike<T1>) | null,
    onRejected?: ((reason: unknown) => T2 | PromiseLike<T2>) | null,
  ): Promise<T1 | T2> {
    let query: Knex.QueryBuilder;
    try {
      query = this.toKnex();
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      return Promise.reject(reason).then(onFulfilled, onRejected);
    }
    return Promise.resolve(query).then(onFulfilled, onRejected);
  }

  catch<T = never>(onRejected?: (reason: unknown) => T | PromiseLike<T>) {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: () => void) {
    return this.then().finally(onFinally);
  }

  toSQL() {
    return this.toKnex().toSQL();
  }

  override toString(): string {
    return this.toKnex().toString();
  }

  /** Whether this query may be a subquery of a query of `scope`: same plugin, same école, a read. */
  checkSubqueryOf(scope: Scope, method: string): void {
    if (this.scope.naming.prefix !== scope.naming.prefix || this.scope.ecoleId !== scope.ecoleId) {
      throw new ScopeRefusal(
        `${method} : une sous-requête doit venir de forEcole(${scope.ecoleId}) du même plugin.`,
      );
    }
    if (this.write)
      throw new ScopeRefusal(`${method} : une sous-requête ne peut qu’être une lecture.`);
  }

  private counter(kind: 'increment' | 'decrement', column: unknown, amount: unknown): this {
    const columns = typeof column === 'string' ? { [column]: amount ?? 1 } : column;
    if (!isPlainObject(columns)) {
      throw new ScopeRefusal(`${kind} : passez (colonne, nombre) ou { colonne: nombre }.`);
    }
    for (const [name, value] of Object.entries(columns)) {
      if (isEcoleColumn(name)) throw new ScopeRefusal(`${kind} : ecole_id ne se calcule pas.`);
      if (typeof value !== 'number') throw new ScopeRefusal(`${kind} : ${name} attend un nombre.`);
    }
    return this.setWrite({ kind, args: [columns] }, []);
  }

  private setWrite(write: Write, returning: unknown[]): this {
    if (this.write) {
      throw new ScopeRefusal(`${write.kind} après ${this.write.kind} : une requête, une écriture.`);
    }
    this.write = write;
    return returning.length > 0 ? this.returning(...returning) : this;
  }
}

for (const method of SHAPING) {
  Object.defineProperty(ScopedQuery.prototype, method, {
    value(this: ScopedQuery, ...args: unknown[]) {
      return this['record'](method, 'shape', shapingArgs(this.scope, method, args));
    },
  });
}

for (const method of JOINS) {
  Object.defineProperty(ScopedQuery.prototype, method, {
    value(this: ScopedQuery, table: unknown, ...on: unknown[]) {
      return this['record'](method, 'join', [
        joinedTable(this.scope, method, table),
        ...on.map((arg) => joinColumn(method, arg)),
      ]);
    },
  });
}
