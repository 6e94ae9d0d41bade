import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';
import semver from 'semver';

import { PLUGIN_API_VERSION } from '@preau/sdk';

// Compiled to sdk/dist/test/: the repository's root is three folders up.
const root = fileURLToPath(new URL('../../../', import.meta.url));

interface PackageJson {
  name: string;
  version: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

describe('the SDK version line', () => {
  const sdk = readPackage(join(root, 'sdk'));

  it('gives @preau/sdk the major and minor of the plugin API it implements', () => {
    const api = semver.parse(PLUGIN_API_VERSION);
    const version = semver.parse(sdk.version);
    expect(`${version?.major}.${version?.minor}`).to.equal(`${api?.major}.${api?.minor}`);
  });

  it('is accepted by every workspace package that depends on @preau/sdk', () => {
    const dependents = workspacePackages().filter((pkg) => sdkRange(pkg) !== undefined);
    expect(dependents.map((pkg) => pkg.name)).to.include('@preau/core');
    const refusing = dependents
      .filter((pkg) => !semver.satisfies(sdk.version, sdkRange(pkg) ?? ''))
      .map((pkg) => `${pkg.name} (${sdkRange(pkg)})`);
    expect(refusing, `@preau/sdk ${sdk.version} is refused by`).to.deep.equal([]);
  });
});

function workspacePackages(): PackageJson[] {
  const folders = (readPackage(root).workspaces ?? []).flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(root, pattern.slice(0, -2), entry.name))
      : [join(root, pattern)],
  );
  return folders.filter((folder) => existsSync(join(folder, 'package.json'))).map(readPackage);
}

function sdkRange(pkg: PackageJson): string | undefined {
  return (
    pkg.dependencies?.['@preau/sdk'] ??
    pkg.devDependencies?.['@preau/sdk'] ??
    pkg.peerDependencies?.['@preau/sdk']
  );
}

function readPackage(folder: string): PackageJson {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageJson;
}
