import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the portal's files live on disk. Paths are resolved from this module's compiled location
 * (core/dist/src/web/), so they hold wherever Préau is started from.
 */

/** The browser build's output, core/dist/public (rollup writes vendor/ and shell/ there). */
export function defaultPublicDir(): string {
  return fileURLToPath(new URL('../../public/', import.meta.url));
}

/**
 * The folder of a theme package: `@preau/theme-<id>` as installed next to core, else the
 * repository's themes/<id>/ (a checkout where workspaces are not linked yet). Undefined when
 * neither exists. The result is a real path, as the static file checks require.
 */
export function defaultThemeRoot(themeId: string): string | undefined {
  try {
    const packageJson = createRequire(import.meta.url).resolve(
      `@preau/theme-${themeId}/package.json`,
    );
    return realpathSync(dirname(packageJson));
  } catch {
    // Not installed as a package: fall back to the repository layout.
  }
  const inRepository = fileURLToPath(new URL(`../../../../themes/${themeId}/`, import.meta.url));
  return existsSync(inRepository) ? realpathSync(inRepository) : undefined;
}
