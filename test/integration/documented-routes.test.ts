import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startTestCore, type TestCore } from '@preau/core/testing';
import { expect } from 'chai';

/*
 * Every `METHOD /api/…` that the README or a guide names is a route Préau serves, with that
 * method: a guide once said `PUT …/permissions` for a `PATCH` route. Paths relative to a plugin
 * (`GET /menus/{date}`) are left to each plugin's own tests.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const FIRST_PARTY = JSON.parse(readFileSync(join(root, 'preau.config.json'), 'utf8')) as {
  plugins: string[];
};

describe('the routes the README and the guides name', function () {
  this.timeout(60_000);
  let core: TestCore;

  before(async () => {
    core = await startTestCore({ plugins: FIRST_PARTY.plugins, fixtures: false });
  });

  after(() => core?.close());

  it('finds some in the docs (the scan itself works)', () => {
    expect(documentedRoutes().length).to.be.above(5);
  });

  it('are each served, with the method the docs give', () => {
    const served = core.preau.server
      .table()
      .map((route) => ({ method: route.method.toUpperCase(), pattern: pathPattern(route.path) }));
    const missing = documentedRoutes().filter(
      ({ method, path }) =>
        !served.some((route) => route.method === method && route.pattern.test(path)),
    );
    expect(missing.map((route) => `${route.method} ${route.path} (${route.file})`)).to.deep.equal(
      [],
    );
  });
});

// Module-private helpers.

interface DocumentedRoute {
  method: string;
  path: string;
  file: string;
}

function documentedRoutes(): DocumentedRoute[] {
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  return files.flatMap((file) =>
    [
      ...readFileSync(join(root, file), 'utf8').matchAll(
        /\b(GET|POST|PUT|PATCH|DELETE) (\/api\/[A-Za-z0-9_{}./*-]*)/g,
      ),
    ]
      // `GET /api/plugins/<id>/…` in prose names a family of routes, not one.
      .filter(([, , path]) => !path!.endsWith('/') || path!.split('/').length > 4)
      .map(([, method, path]) => ({ method: method!, path: path!, file })),
  );
}

/** A route path as hapi writes it (`/api/ecoles/{id}/x/{path*}`) turned into a pattern. */
function pathPattern(path: string): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith('{')
        ? part.endsWith('*}')
          ? '.*'
          : '[^/]+'
        : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}
