/**
 * Whether a database error is a unique-key violation, on SQLite and on MariaDB, whether it
 * came straight from knex (driver codes) or wrapped by objection. Use it to turn the loser of
 * a race on a unique index into a 409, and let every other error be the 500 it is.
 *
 * @example
 * ```ts
 * try {
 *   await ctx.db.forEcole(ecoleId).insert('reports', { inbox_id: item.id, reason });
 * } catch (error) {
 *   if (isUniqueViolation(error)) throw errors.conflict('Vous avez déjà signalé cette nouveauté.');
 *   throw error;
 * }
 * ```
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, nativeError } = error as {
    name?: unknown;
    code?: unknown;
    nativeError?: unknown;
  };
  // objection wraps the driver's error; its class is not importable from here.
  if (name === 'UniqueViolationError') return true;
  if (nativeError !== undefined && nativeError !== error) return isUniqueViolation(nativeError);
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
