import { createRequire } from 'node:module';

import type { JsonSchema } from './types.js';

/**
 * The JSON Schema every plugin manifest must satisfy (also published as
 * `@preau/sdk/manifest.schema.json`, for editors and CI of plugin authors).
 *
 * @example
 * ```ts
 * import Ajv from 'ajv';
 * import { manifestSchema } from '@preau/sdk';
 * const valid = new Ajv({ strict: false }).validate(manifestSchema, manifest);
 * ```
 */
export const manifestSchema: JsonSchema = createRequire(import.meta.url)(
  '../../../manifest.schema.json',
) as JsonSchema;
