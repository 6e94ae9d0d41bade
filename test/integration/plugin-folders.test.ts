import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, posix } from 'node:path';

import { startTestCore, type TestCore } from '@preau/core/testing';
import { expect } from 'chai';

const PACKAGES = [
  '@preau/plugin-notifications',
  '@preau/plugin-recherche',
  '@preau/plugin-aide',
  'preau-plugin-menu-cantine',
];

interface Declared {
  id: string;
  version: string;
  widgets?: { module: string }[];
  pages?: { module: string }[];
  headerItems?: { module: string }[];
}

// What the portal loads from the first-party plugins and the example, and nothing else of them.
describe('The first-party plugins’ folders under /plugins/<id>/<version>/', () => {
  let core: TestCore;
  const require = createRequire(import.meta.url);
  const rootOf = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const manifests = PACKAGES.map(
    (name) => JSON.parse(readFileSync(`${rootOf(name)}/manifest.json`, 'utf8')) as Declared,
  );
  before(async () => {
    core = await startTestCore({ plugins: PACKAGES });
  });
  after(() => core?.close());

  it('serves every declared module and each module it imports by a relative path', async () => {
    for (const [index, manifest] of manifests.entries()) {
      const base = `/plugins/${manifest.id}/${manifest.version}`;
      const queue = [
        ...(manifest.widgets ?? []),
        ...(manifest.pages ?? []),
        ...(manifest.headerItems ?? []),
      ].map((entry) => entry.module);
      const seen = new Set<string>();
      while (queue.length > 0) {
        const module = posix.normalize(queue.pop()!);
        if (seen.has(module)) continue;
        seen.add(module);
        const response = await core.anonymous().get(`${base}/${module}`);
        expect(response.statusCode, `${PACKAGES[index]} ${module}`).to.equal(200);
        for (const [, relative] of response.payload.matchAll(/from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
          queue.push(posix.join(posix.dirname(module), relative!));
        }
      }
    }
  });

  it('answers 404 for package.json, compiled server code and compiled tests', async () => {
    for (const manifest of manifests) {
      const base = `/plugins/${manifest.id}/${manifest.version}`;
      for (const path of ['package.json', 'manifest.json', 'dist/src/index.js']) {
        expect((await core.anonymous().get(`${base}/${path}`)).statusCode, path).to.equal(404);
      }
    }
    const served = async (path: string) => (await core.anonymous().get(path)).statusCode;
    expect(await served('/plugins/notifications/1.0.0/dist/src/server/store.js')).to.equal(404);
    expect(await served('/plugins/menu-cantine/1.0.0/dist/src/server/routes.js')).to.equal(404);
    expect(await served('/plugins/menu-cantine/1.0.0/dist/test/calendar.test.js')).to.equal(404);
    expect(await served('/plugins/recherche/1.0.0/dist/src/server/routes.js')).to.equal(404);
  });
});
