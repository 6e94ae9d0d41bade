import Boom from '@hapi/boom';
import type { Request, ResponseObject, ResponseToolkit, Server } from '@hapi/hapi';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import type { JsonSchema, RouteDocumentation } from './route.js';
import { explainErrors } from './validation.js';

/*
 * Holds every 200 answer to the response schema its route documents (the OpenAPI document shows
 * that schema to clients). Turned on by the test harness, where a route that answers something
 * else than it documents must fail its tests; off in production, where the check would cost
 * time on every answer and could only turn a useful answer into an error.
 */

// No defaults, no coercion: the check must neither change the answer nor excuse it.
const responseAjv = addFormats.default(new Ajv({ allErrors: true, strict: true }));

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * Compiles a route's response schema (strict mode), once: called when the route is built, so
 * that a schema ajv refuses stops core or the plugin at start rather than at its first answer.
 */
export function responseValidator(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = responseAjv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Makes a 200 answer that does not match its route's `schemas.response` a 500 saying why. */
export function registerResponseCheck(server: Server): void {
  server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
    const response = request.response;
    if (Boom.isBoom(response)) return h.continue;
    const schema = documentationOf(request)?.schemas.response;
    const answer = response as ResponseObject;
    if (!schema || answer.statusCode !== 200 || answer.variety !== 'plain') return h.continue;
    const validate = responseValidator(schema);
    let problems: string;
    try {
      if (validate(sentBody(answer.source))) return h.continue;
      problems = explainErrors(validate.errors)
        .map((problem) => `${problem.field || '(corps entier)'} : ${problem.message}`)
        .join(' ; ');
    } catch {
      problems = 'le corps n’est pas du JSON';
    }
    const where = `${request.method.toUpperCase()} ${request.route.path}`;
    const error = Boom.badImplementation(
      `La réponse de ${where} ne suit pas son schéma de réponse : ${problems}`,
    );
    // Shown as is: only the test harness turns this check on, and the test needs the reason.
    (error.output.payload as { message: string }).message = error.message;
    request.log(['error'], error);
    return error;
  });
}

/**
 * What the client receives: dates as strings, undefined properties gone. Hot routes answer JSON
 * they serialised themselves (`/api/me` from its cache): that text is what is checked.
 */
function sentBody(source: unknown): unknown {
  if (typeof source === 'string' || Buffer.isBuffer(source)) return JSON.parse(String(source));
  return JSON.parse(JSON.stringify(source ?? null));
}

function documentationOf(request: Request): RouteDocumentation | undefined {
  const plugins = request.route.settings.plugins as Record<string, unknown> | undefined;
  return plugins?.preau as RouteDocumentation | undefined;
}
