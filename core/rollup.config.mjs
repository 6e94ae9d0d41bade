// Builds the browser side of Préau into dist/public/:
// - vendor/: one ES module per shared specifier (lit, @lit/context, @preau/sdk/widget…), with
//   shared chunks, so Lit is downloaded once whoever imports it;
// - shell/: the portal, with those specifiers left external (the import map resolves them).
// File names carry a content hash (served immutable); dist/public/assets.json maps each entry
// to its file for the server's index.html and import map.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
// Hashed names change with every build: start from an empty folder so old files do not pile up.
rmSync(here('dist/public'), { recursive: true, force: true });

const sharedSource = readFileSync(here('web/vendor/shared-modules.ts'), 'utf8');
const shared = [...sharedSource.matchAll(/^\s+'([^']+)',$/gm)].map((match) => match[1]);

/** Emits assets.json: { "<entry key>": "<hashed file>" } per build. */
function assetManifest(prefix, keyOf = (name) => name) {
  return {
    name: 'preau-asset-manifest',
    generateBundle(_options, bundle) {
      const entries = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry)
          entries[keyOf(chunk.name)] = `${prefix}/${chunk.fileName}`;
      }
      this.emitFile({
        type: 'asset',
        fileName: 'assets.json',
        source: JSON.stringify(entries, null, 2),
      });
    },
  };
}

const vendorName = (specifier) =>
  specifier.replace(/^@/, '').replace(/[/.]/g, '-').replace(/-js$/, '');
const specifierOf = Object.fromEntries(
  shared.map((specifier) => [vendorName(specifier), specifier]),
);

export default [
  {
    input: Object.fromEntries(shared.map((specifier) => [vendorName(specifier), specifier])),
    plugins: [
      nodeResolve({ exportConditions: ['browser', 'production'] }),
      terser(),
      assetManifest('vendor', (name) => specifierOf[name]),
    ],
    output: {
      dir: here('dist/public/vendor'),
      format: 'es',
      entryFileNames: '[name]-[hash].js',
      chunkFileNames: 'chunk-[hash].js',
    },
    preserveEntrySignatures: 'strict',
  },
  {
    input: { shell: here('dist/web/main.js') },
    external: (id) => shared.includes(id) || shared.some((s) => id.startsWith(`${s}/`)),
    plugins: [nodeResolve(), terser(), assetManifest('shell')],
    output: {
      dir: here('dist/public/shell'),
      format: 'es',
      entryFileNames: '[name]-[hash].js',
      chunkFileNames: '[name]-[hash].js',
    },
  },
];
