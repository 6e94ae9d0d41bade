import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { expect } from 'chai';
import { Ajv } from 'ajv';

import { EXTENSION_POINTS, manifestSchema } from '../src/index.js';

/*
 * The manifest's JSON Schema as vendors' editors and CI get it: the file the package exports
 * under `@preau/sdk/manifest.schema.json`, which must be the very schema core validates with.
 */

const require = createRequire(import.meta.url);
const minimal = {
  id: 'cahier-vendeur',
  version: '1.0.0',
  name: { fr: 'Cahier' },
  engines: { 'preau-plugin-api': '^1.3.0' },
  permissions: [],
  privacy: { personalData: [] },
};
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
  manifestSchema,
);

describe('SDK: the manifest JSON Schema file', () => {
  it('is exported as @preau/sdk/manifest.schema.json and is the schema core validates with', () => {
    const path = require.resolve('@preau/sdk/manifest.schema.json');
    expect(JSON.parse(readFileSync(path, 'utf8'))).to.deep.equal(manifestSchema);
    const pkg = require('@preau/sdk/package.json') as { files: string[] };
    expect(pkg.files).to.include('manifest.schema.json');
  });

  it('accepts a $schema key pointing at it, for editors’ completion', () => {
    const manifest = { $schema: './node_modules/@preau/sdk/manifest.schema.json', ...minimal };
    expect(validate(manifest), JSON.stringify(validate.errors)).to.equal(true);
  });

  it('still refuses an unknown key and a $schema that is not a string', () => {
    expect(validate(minimal)).to.equal(true);
    expect(validate({ ...minimal, schema: 'x' })).to.equal(false);
    expect(validate({ ...minimal, $schema: 42 })).to.equal(false);
  });

  it('lists in provides exactly the SDK’s extension points, each once', () => {
    const provides = (manifestSchema.properties as Record<string, { items: { enum: string[] } }>)
      .provides;
    expect(provides?.items.enum).to.deep.equal(Object.keys(EXTENSION_POINTS));
    expect(validate({ ...minimal, provides: ['search', 'notifications'] })).to.equal(true);
    expect(validate({ ...minimal, provides: ['recherche'] })).to.equal(false);
    expect(validate({ ...minimal, provides: ['search', 'search'] })).to.equal(false);
  });
});
