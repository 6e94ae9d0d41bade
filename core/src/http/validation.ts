import Boom from '@hapi/boom';
import { Ajv, type ErrorObject, type Schema, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeFrModule from 'ajv-i18n/localize/fr/index.js';

import { SINGLE_LINE_MESSAGE, SINGLE_LINE_PATTERN } from './single-line.js';

/**
 * Two ajv instances: request bodies and configuration are taken as they are, while path and
 * query values (always strings on the wire) are coerced to the types their schema declares.
 */
// ajv-i18n is CommonJS: its default export arrives wrapped.
const localizeFr = ((localizeFrModule as unknown as { default?: unknown }).default ??
  localizeFrModule) as unknown as (errors: ErrorObject[]) => void;

const strictAjv = addFormats.default(new Ajv({ allErrors: true, useDefaults: true, strict: true }));
const coercingAjv = addFormats.default(
  new Ajv({ allErrors: true, useDefaults: true, coerceTypes: 'array', strict: true }),
);

/** Compiles a JSON Schema for request bodies, configuration or manifests. */
export function createValidator<T = unknown>(schema: Schema): ValidateFunction<T> {
  return strictAjv.compile<T>(schema);
}

/** Compiles a JSON Schema for path parameters and query strings, coercing strings to numbers etc. */
export function createCoercingValidator<T = unknown>(schema: Schema): ValidateFunction<T> {
  return coercingAjv.compile<T>(schema);
}

/** One failed check, said in French for the person who sent the input. */
export interface ValidationProblem {
  field: string;
  message: string;
}

/** Turns ajv's errors into French sentences that name the field at fault. */
export function explainErrors(errors: ErrorObject[] | null | undefined): ValidationProblem[] {
  if (!errors?.length) return [];
  const copies = errors.map((error) => ({ ...error }));
  localizeFr(copies);
  return copies.map((error) => {
    let field = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const params = error.params as Record<string, unknown>;
    let message = error.message ?? 'valeur invalide';
    if (error.keyword === 'required') {
      field = join(field, String(params.missingProperty));
      message = 'ce champ est obligatoire';
    } else if (error.keyword === 'additionalProperties') {
      field = join(field, String(params.additionalProperty));
      message = 'ce champ n’est pas attendu';
    } else if (error.keyword === 'enum') {
      message = `doit valoir l’une de ces valeurs : ${(params.allowedValues as unknown[]).join(', ')}`;
    } else if (error.keyword === 'pattern' && params.pattern === SINGLE_LINE_PATTERN) {
      message = SINGLE_LINE_MESSAGE;
    }
    return { field: field || '(corps entier)', message };
  });
}

/** One line that lists every problem: `login : ce champ est obligatoire ; …`. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return explainErrors(errors)
    .map((problem) => `${problem.field} : ${problem.message}`)
    .join(' ; ');
}

/** The request part a validator checks, named as a person would name it. */
export type RequestPart = 'params' | 'query' | 'payload';

const partLabels: Record<RequestPart, string> = {
  params: 'Adresse invalide',
  query: 'Paramètres de recherche invalides',
  payload: 'Données envoyées invalides',
};

/**
 * A hapi `validate.*` function built from a JSON Schema: returns the (coerced, defaulted) value,
 * or throws a 400 whose message names each faulty field.
 */
export function hapiValidator(part: RequestPart, schema: Schema) {
  const validate = part === 'payload' ? createValidator(schema) : createCoercingValidator(schema);
  return (value: unknown) => {
    const input = value ?? (part === 'payload' ? null : {});
    if (validate(input)) return input;
    const problems = explainErrors(validate.errors);
    const error = Boom.badRequest(
      `${partLabels[part]} : ${problems.map((p) => `${p.field} : ${p.message}`).join(' ; ')}`,
    );
    (error.output.payload as unknown as Record<string, unknown>).problems = problems;
    throw error;
  };
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}
