import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

import type { ResponseObject, ResponseToolkit } from '@hapi/hapi';

/** Hashed file names never change content: browsers may keep them for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The only kinds of files served from packages (shell, plugins, themes), with their types:
 * modules, styles, images, fonts and data. Anything else (sources, maps, configuration…) is 404.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  webp: 'image/webp',
  woff2: 'font/woff2',
  json: 'application/json; charset=utf-8',
};

/** A file found inside a package folder, ready to send. */
export interface ServableFile {
  /** Real absolute path, inside the folder. */
  path: string;
  contentType: string;
}

/**
 * Finds `relativePath` (as decoded from the URL) inside `root` (a real path), or null when it
 * must not be served: a `..`, `.`, empty or hidden segment, a node_modules folder, an extension
 * outside CONTENT_TYPES, a path that resolves (symbolic links included) outside the folder, or
 * anything that is not a regular file. Each check alone would stop a traversal; together they
 * also keep dependencies and dotfiles private.
 */
export async function findServableFile(
  root: string,
  relativePath: string,
): Promise<ServableFile | null> {
  const segments = relativePath.split(/[/\\]/);
  if (segments.some(isRefusedSegment)) return null;
  const contentType = CONTENT_TYPES[extname(relativePath).slice(1).toLowerCase()];
  if (!contentType) return null;
  const inside = (path: string) => path.startsWith(root.endsWith(sep) ? root : root + sep);
  const candidate = resolve(root, ...segments);
  if (!inside(candidate)) return null;
  try {
    const real = await realpath(candidate);
    if (!inside(real) || !(await stat(real)).isFile()) return null;
    return { path: real, contentType };
  } catch {
    return null;
  }
}

/** Sends a found file with its type and cache policy; hapi gzips it when the client accepts. */
export function sendFile(
  h: ResponseToolkit,
  file: ServableFile,
  cacheControl: string,
): ResponseObject {
  return h
    .file(file.path, { confine: false })
    .type(file.contentType)
    .header('cache-control', cacheControl);
}

// Module-private helpers.

function isRefusedSegment(segment: string): boolean {
  return (
    segment === '' ||
    segment.startsWith('.') ||
    segment === 'node_modules' ||
    segment.includes('\0')
  );
}
