import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A folder of throwaway plugin packages, written for one suite and removed after it. */
export interface TempPlugins {
  /** The folder holding every package (and files outside them, to try to reach). */
  base: string;
  /** Writes a plugin package: manifest, package.json, an entry without dependencies, files. */
  plugin(manifest: Record<string, unknown>, files?: Record<string, string>): Promise<string>;
  remove(): Promise<void>;
}

export async function tempPlugins(): Promise<TempPlugins> {
  const base = await mkdtemp(join(tmpdir(), 'preau-web-'));
  return {
    base,
    async plugin(manifest, files = {}) {
      const root = join(base, String(manifest.id));
      const write = async (path: string, content: string) => {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), content);
      };
      await write('manifest.json', JSON.stringify(manifest));
      await write(
        'package.json',
        JSON.stringify({
          name: `@essai/${String(manifest.id)}`,
          version: manifest.version,
          type: 'module',
          main: 'index.js',
        }),
      );
      // No import of @preau/sdk: the package lives outside the repository's node_modules.
      await write(
        'index.js',
        "import { readFileSync } from 'node:fs';\n" +
          "const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));\n" +
          'export default { manifest, register() {} };\n',
      );
      for (const [path, content] of Object.entries(files)) await write(path, content);
      return root;
    },
    remove: () => rm(base, { recursive: true, force: true }),
  };
}

/** Makes `path` (inside a package) a symbolic link to `target`. */
export async function link(target: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await symlink(target, path);
}

/** A minimal valid manifest for plugin `id`, with the given extra fields. */
export function manifestOf(
  id: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    version: '1.2.3',
    name: { fr: `Plugin ${id}` },
    engines: { 'preau-plugin-api': '^1.0.0' },
    permissions: [],
    privacy: { personalData: [] },
    ...extra,
  };
}
