import { readFileSync } from 'node:fs';

import type { PluginManifest } from './manifest/types.js';

/**
 * Reads the plugin's `manifest.json`, relative to the calling module, so the manifest stays a
 * static file that core can read without running the plugin.
 *
 * @example
 * ```ts
 * // in dist/src/index.js of the package:
 * const manifest = readManifest(import.meta.url, '../../manifest.json');
 * ```
 */
export function readManifest(
  moduleUrl: string,
  relativePath = '../../manifest.json',
): PluginManifest {
  return JSON.parse(readFileSync(new URL(relativePath, moduleUrl), 'utf8')) as PluginManifest;
}
