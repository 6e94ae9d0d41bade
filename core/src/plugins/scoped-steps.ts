import type { Knex } from 'knex';

import {
  ECOLE_COLUMN,
  ScopeRefusal,
  checkPlainValue,
  isPlainObject,
  knexMethodNames,
  refusedMethod,
  type Scope,
} from './scoped-checks.js';

// The recording half of a scoped query: the steps a plugin asks for, checked as they come, and
// their replay onto a knex builder whose base (derived table, école condition) is already set.

/** Condition methods: each may be called any number of times, in any order. */
export const CONDITIONS = [
  ...['where', 'andWhere', 'orWhere', 'whereNot', 'andWhereNot', 'orWhereNot'],
  ...['whereColumn', 'andWhereColumn', 'orWhereColumn', 'whereNotColumn', 'orWhereNotColumn'],
  ...['whereIn', 'orWhereIn', 'whereNotIn', 'orWhereNotIn'],
  ...['whereNull', 'orWhereNull', 'whereNotNull', 'orWhereNotNull'],
  ...['whereBetween', 'andWhereBetween', 'orWhereBetween'],
  ...['whereNotBetween', 'andWhereNotBetween', 'orWhereNotBetween'],
  ...['whereLike', 'andWhereLike', 'orWhereLike', 'whereILike', 'andWhereILike', 'orWhereILike'],
  ...['whereExists', 'orWhereExists', 'whereNotExists', 'orWhereNotExists'],
];

/** The condition methods that take a callback as a group: `where((q) => q.where(…).orWhere(…))`. */
const GROUPING = new Set(CONDITIONS.slice(0, 6));

export type StepKind = 'condition' | 'shape' | 'join';
export interface Step {
  method: string;
  kind: StepKind;
  args: unknown[];
}
export type Write =
  | { kind: 'insert'; args: unknown[] }
  | { kind: 'update' | 'delete' | 'increment' | 'decrement'; args: unknown[] };

/** Conditions recorded for a group callback, and the base of `ScopedQuery`. */
export class ConditionList {
  readonly steps: Step[] = [];

  constructor(readonly scope: Scope) {}

  protected record(method: string, kind: StepKind, args: unknown[]): this {
    this.steps.push({ method, kind, args });
    return this;
  }
}

for (const method of CONDITIONS) {
  Object.defineProperty(ConditionList.prototype, method, {
    value(this: ConditionList, ...args: unknown[]) {
      return this['record'](method, 'condition', conditionArgs(this.scope, method, args));
    },
  });
}

/** A scoped query as a subquery or a join sees it: the derived, école-limited knex query. */
export abstract class Subquery extends ConditionList {
  abstract toKnex(): Knex.QueryBuilder;
  /** Throws unless this query may be a subquery of a query of `scope`. */
  abstract checkSubqueryOf(scope: Scope, method: string): void;
}

/** A group callback's conditions, recorded when the plugin calls `where(fn)`. */
export class Group {
  constructor(readonly steps: Step[]) {}
}

/** A joined table of the plugin, to be read as the école's derived table under `alias`. */
export class JoinedTable {
  constructor(
    readonly table: string,
    readonly alias: string,
  ) {}
}

/** Answers a knex method the object does not offer with a refusal, instead of `undefined`. */
export function guarded<T extends object>(target: T, scope: Scope): T {
  const knexNames = knexMethodNames(scope.knex);
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && !(property in object) && knexNames.has(property)) {
        return () => {
          throw refusedMethod(property);
        };
      }
      return Reflect.get(object, property, receiver) as unknown;
    },
  });
}

function conditionArgs(scope: Scope, method: string, args: unknown[]): unknown[] {
  if (GROUPING.has(method) && args.length === 1 && typeof args[0] === 'function') {
    const group = guarded(new ConditionList(scope), scope);
    (args[0] as (this: unknown, builder: unknown) => unknown).call(group, group);
    return [new Group(group.steps)];
  }
  return shapingArgs(scope, method, args);
}

export function shapingArgs(scope: Scope, method: string, args: unknown[]): unknown[] {
  for (const arg of args) {
    if (arg instanceof Subquery) arg.checkSubqueryOf(scope, method);
    else if (typeof arg === 'function') {
      throw new ScopeRefusal(
        `${method} : une fonction n’est acceptée que seule, pour grouper des conditions ` +
          '(where((q) => q.where(…).orWhere(…))). Une sous-requête s’écrit ' +
          'forEcole(…).table(autre).select(…).',
      );
    } else checkPlainValue(arg, method);
  }
  return args;
}

export function joinedTable(scope: Scope, method: string, table: unknown): JoinedTable {
  const [, name, alias] = /^\s*([a-z0-9_]+)(?:\s+as\s+([A-Za-z_][A-Za-z0-9_]*))?\s*$/i.exec(
    typeof table === 'string' ? table : '',
  ) ?? [undefined, undefined, undefined];
  const prefix = `${scope.naming.prefix}_`;
  if (name?.startsWith(prefix)) {
    try {
      if (scope.naming.of(name.slice(prefix.length)) === name)
        return new JoinedTable(name, alias ?? name);
    } catch {
      // Not a name of the plugin (the migrations table, say): refused below like any other.
    }
  }
  throw new ScopeRefusal(
    `${method}(« ${typeof table === 'string' ? table : describeArg(table)} ») est refusé : ` +
      'forEcole(…) ne joint que les tables du plugin, chacune filtrée sur la même école ; ' +
      'nommez-les par ctx.db.tableName(nom). Les personnes, classes et écoles se lisent par ' +
      'ctx.directory, les données d’un autre plugin par le service qu’il offre (ctx.service).',
  );
}

export function joinColumn(method: string, arg: unknown): unknown {
  if (typeof arg === 'string') return arg;
  if (isPlainObject(arg) && Object.values(arg).every((value) => typeof value === 'string')) {
    return arg;
  }
  throw new ScopeRefusal(
    `${method} : la jointure s’écrit (table, colonne, colonne) ou (table, colonne, opérateur, ` +
      'colonne) ; ajoutez les autres conditions par where.',
  );
}

function describeArg(value: unknown): string {
  return typeof value === 'function' ? 'fonction' : typeof value;
}

/** One of the plugin's tables as the école sees it: its rows of that école only. */
export function scopedTable(scope: Scope, table: string, alias: string): Knex.QueryBuilder {
  return scope.knex(table).where(`${table}.${ECOLE_COLUMN}`, scope.ecoleId).as(alias);
}

export function replay(target: Knex.QueryBuilder, steps: readonly Step[], scope: Scope) {
  let query = target;
  for (const { method, args } of steps) {
    const call = (query as unknown as Record<string, (...values: unknown[]) => Knex.QueryBuilder>)[
      method
    ]!;
    query = call.apply(
      query,
      args.map((arg) => materialized(arg, scope)),
    );
  }
  return query;
}

function materialized(arg: unknown, scope: Scope): unknown {
  if (arg instanceof Group) {
    const { steps } = arg;
    return function (this: Knex.QueryBuilder) {
      replay(this, steps, scope);
    };
  }
  if (arg instanceof JoinedTable) return scopedTable(scope, arg.table, arg.alias);
  if (arg instanceof Subquery) return arg.toKnex();
  return arg;
}
