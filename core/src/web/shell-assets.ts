import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What index.html needs from the browser build: the import map, the shell, what to preload. */
export interface ShellAssets {
  /** Shared specifier → URL (`lit` → `/assets/vendor/lit-<hash>.js`), for the import map. */
  imports: Record<string, string>;
  /** URL of the shell's entry module. */
  shell: string;
  /** Modules the page needs at once, fetched in parallel with the shell: Lit and its chunks. */
  preload: string[];
}

/** The folders of the build under `public/`, served at `/assets/<folder>/`. */
export const ASSET_FOLDERS = ['vendor', 'shell'] as const;

/**
 * Reads the build's `vendor/assets.json` and `shell/assets.json` (entry → hashed file, written
 * by core/rollup.config.mjs). Null when the build has not run: Préau still starts (the API works)
 * and the portal says how to build it.
 */
export function readShellAssets(publicDir: string): ShellAssets | null {
  const vendor = readManifest(join(publicDir, 'vendor', 'assets.json'));
  const shell = readManifest(join(publicDir, 'shell', 'assets.json'));
  const shellFile = shell?.shell;
  const litFile = vendor?.lit;
  if (!vendor || !shellFile || !litFile) return null;
  const url = (file: string) => `/assets/${file}`;
  const imports = Object.fromEntries(
    Object.entries(vendor)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([specifier, file]) => [specifier, url(file)]),
  );
  const litChunks = staticImportsOf(join(publicDir, litFile)).map((chunk) =>
    url(`vendor/${chunk}`),
  );
  return { imports, shell: url(shellFile), preload: [url(shellFile), url(litFile), ...litChunks] };
}

// Module-private helpers.

function readManifest(path: string): Record<string, string> | null {
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (!entries.every(([, file]) => typeof file === 'string' && /^[\w.-]+\/[\w.-]+$/.test(file))) {
    return null;
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * The sibling chunks a minified vendor module imports (`from"./chunk-<hash>.js"`): preloading
 * them saves a round trip per level of imports on the first visit.
 */
function staticImportsOf(path: string): string[] {
  if (!existsSync(path)) return [];
  const source = readFileSync(path, 'utf8');
  const found = [...source.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)];
  return [...new Set(found.map((match) => match[1] as string))];
}
