/** One test for unique-key violations in core and in plugins: the SDK's (both engines, objection or knex). */
export { isUniqueViolation } from '@preau/sdk';
