import { posix } from 'node:path';

import type { PluginManifest } from '@preau/sdk';

/**
 * What of a plugin's package browsers may fetch under `/plugins/<id>/<version>/`: the modules
 * and icons the manifest declares, and what lies inside its `browser` folders (by default the
 * folders of those modules). A package also holds package.json, compiled server code, tests and
 * fixtures; none of it is meant for browsers, and serving it would show any visitor how the
 * server works and which versions it runs.
 */
export interface BrowserFiles {
  /** Paths relative to the package root, without `./`. */
  files: ReadonlySet<string>;
  folders: readonly string[];
}

/** The browser part of a plugin's package, from its manifest. */
export function browserFilesOf(manifest: PluginManifest): BrowserFiles {
  const modules = [
    ...(manifest.widgets ?? []).map((widget) => widget.module),
    ...(manifest.pages ?? []).map((page) => page.module),
    ...(manifest.headerItems ?? []).map((item) => item.module),
  ].map(normalise);
  // A navigation icon is a theme icon's name, or a file of the package when it has an extension.
  const icons = (manifest.navigation ?? [])
    .map((entry) => entry.icon)
    .filter((icon): icon is string => icon !== undefined && /\.[a-z0-9]+$/i.test(icon))
    .map(normalise);
  const folders = manifest.browser?.map(normalise) ?? [
    ...new Set(modules.map((module) => posix.dirname(module)).filter((dir) => dir !== '.')),
  ];
  return { files: new Set([...modules, ...icons]), folders };
}

/** Whether `path` (relative, as in the URL) is part of what browsers may fetch. */
export function isBrowserFile(files: BrowserFiles, path: string): boolean {
  const wanted = normalise(path);
  // findServableFile refuses these too; a prefix test alone would let `web/../server` through.
  if (wanted.split('/').some((segment) => segment === '..' || segment === '.')) return false;
  return (
    files.files.has(wanted) ||
    files.folders.some((folder) => wanted === folder || wanted.startsWith(`${folder}/`))
  );
}

/**
 * Whether each declared module lies inside the declared `browser` folders: a module outside
 * would load, but none of the files it imports would.
 */
export function browserFoldersProblem(manifest: PluginManifest): string | null {
  if (!manifest.browser) return null;
  const declared = browserFilesOf(manifest);
  const inside = { files: new Set<string>(), folders: declared.folders };
  const modules = [
    ...(manifest.widgets ?? []),
    ...(manifest.pages ?? []),
    ...(manifest.headerItems ?? []),
  ];
  const outside = modules.find((entry) => !isBrowserFile(inside, entry.module));
  if (!outside) return null;
  return `le module « ${outside.module} » (${outside.id}) n’est dans aucun des dossiers de « browser » (${declared.folders.join(', ')})`;
}

// Module-private helpers.

function normalise(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}
