import { UniqueViolationError } from 'objection';

/**
 * Whether a database error is a unique-key violation, on either engine and whether it came
 * through objection (wrapped) or straight from knex (driver codes).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof UniqueViolationError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
