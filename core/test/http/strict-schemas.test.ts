import { expect } from 'chai';

import { toHapiRoute, type JsonSchema } from '../../src/http/route.js';

/** A route as core and plugins declare them, with the given query schema. */
const routeWith = (query: JsonSchema) => () =>
  toHapiRoute({
    method: 'GET',
    path: '/api/essai',
    summary: 'Essai',
    schemas: { query },
    handler: () => ({}),
  });

// ajv in strict mode: a schema that would silently check less than its author meant is refused
// when the route is built, that is when core or a plugin starts.
describe('Route schemas, compiled in strict mode', () => {
  it('accepts a schema that says what it checks', () => {
    expect(
      routeWith({
        type: 'object',
        additionalProperties: false,
        properties: { semaine: { type: 'string', pattern: '^\\d{4}-W\\d{2}$' } },
      }),
    ).to.not.throw();
  });

  it('refuses a misspelt keyword, which would otherwise check nothing', () => {
    expect(routeWith({ type: 'object', propertes: { semaine: { type: 'string' } } })).to.throw(
      /unknown keyword: "propertes"/,
    );
  });

  it('refuses, at start, a response schema requiring a property it does not describe', () => {
    const build = () =>
      toHapiRoute({
        method: 'GET',
        path: '/api/essai',
        summary: 'Essai',
        schemas: { response: { type: 'object', required: ['titre'], properties: {} } },
        handler: () => ({}),
      });
    expect(build).to.throw(/required property "titre" is not defined/);
  });

  it('refuses a format it does not know', () => {
    expect(
      routeWith({ type: 'object', properties: { jour: { type: 'string', format: 'jour' } } }),
    ).to.throw(/unknown format "jour"/);
  });
});
