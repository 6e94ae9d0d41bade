import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

import { manifestSchema, PLUGIN_API_VERSION, THEME_ICONS, type PluginManifest } from '@preau/sdk';
import type { ValidateFunction } from 'ajv';
import semver from 'semver';

import { createValidator, describeErrors } from '../http/validation.js';

/**
 * Static checks of a plugin's manifest: everything core can tell before running any of its code.
 * Each check returns the reason for refusal in French (completing « Plugin « x » refusé : … »),
 * or null when the manifest passes.
 */

/** Whether `manifest` satisfies the SDK's JSON Schema; the reason when it does not. */
export function schemaProblem(manifest: unknown): string | null {
  const validate = manifestValidator();
  if (validate(manifest)) return null;
  return `son manifeste est invalide (${describeErrors(validate.errors)})`;
}

/** Whether the plugin asks for a plugin-API range that includes the one this Préau provides. */
export function apiProblem(manifest: PluginManifest): string | null {
  const range = manifest.engines['preau-plugin-api'];
  if (semver.validRange(range) === null) {
    return `sa plage d’API de plugins « ${range} » n’est pas une plage semver valide`;
  }
  if (!semver.satisfies(PLUGIN_API_VERSION, range, { includePrerelease: true })) {
    return `il demande l’API de plugins ${range}, Préau fournit ${PLUGIN_API_VERSION}`;
  }
  return null;
}

/** Whether the manifest's version is the package's. */
export function versionProblem(manifest: PluginManifest, packageVersion: unknown): string | null {
  if (typeof packageVersion !== 'string') return 'son package.json n’a pas de version';
  if (manifest.version !== packageVersion) {
    return (
      `la version de son manifeste (${manifest.version}) diffère de celle de son ` +
      `package.json (${packageVersion})`
    );
  }
  return null;
}

/**
 * Whether everything the manifest names lives in the plugin's own namespace: permissions
 * `<id>.…`, widget and page tags `<id>-…`, and the permissions that widgets, navigation entries
 * and pages require are ones the plugin declares itself.
 */
export function namespaceProblem(manifest: PluginManifest): string | null {
  const { id } = manifest;
  const declared = new Set<string>();
  for (const permission of manifest.permissions) {
    if (!permission.name.startsWith(`${id}.`)) {
      return `sa permission « ${permission.name} » ne commence pas par « ${id}. »`;
    }
    if (declared.has(permission.name)) {
      return `sa permission « ${permission.name} » est déclarée deux fois`;
    }
    declared.add(permission.name);
  }
  const widgetIds = new Set<string>();
  for (const widget of manifest.widgets ?? []) {
    if (!widget.tag.startsWith(`${id}-`)) {
      return `la balise de son widget « ${widget.id} » (${widget.tag}) ne commence pas par « ${id}- »`;
    }
    if (widgetIds.has(widget.id)) return `son widget « ${widget.id} » est déclaré deux fois`;
    widgetIds.add(widget.id);
    if (widget.permission && !declared.has(widget.permission)) {
      return `son widget « ${widget.id} » exige la permission « ${widget.permission} », qu’il ne déclare pas`;
    }
    const { min, max } = widget.sizes;
    if (min.w > max.w || min.h > max.h) {
      return `son widget « ${widget.id} » a une taille minimale plus grande que sa taille maximale`;
    }
  }
  const navigationIds = new Set<string>();
  for (const entry of manifest.navigation ?? []) {
    if (navigationIds.has(entry.id))
      return `son entrée de menu « ${entry.id} » est déclarée deux fois`;
    navigationIds.add(entry.id);
    if (entry.permission && !declared.has(entry.permission)) {
      return `son entrée de menu « ${entry.id} » exige la permission « ${entry.permission} », qu’il ne déclare pas`;
    }
  }
  const providerIds = new Set<string>();
  for (const provider of manifest.searchProviders ?? []) {
    if (providerIds.has(provider.id)) {
      return `sa source de recherche « ${provider.id} » est déclarée deux fois`;
    }
    providerIds.add(provider.id);
    if (provider.permission && !declared.has(provider.permission)) {
      return `sa source de recherche « ${provider.id} » exige la permission « ${provider.permission} », qu’il ne déclare pas`;
    }
  }
  const typeIds = new Set<string>();
  for (const type of manifest.notificationTypes ?? []) {
    if (typeIds.has(type.id)) {
      return `son type de notification « ${type.id} » est déclaré deux fois`;
    }
    typeIds.add(type.id);
    if (type.permission && !declared.has(type.permission)) {
      return `son type de notification « ${type.id} » exige la permission « ${type.permission} », qu’il ne déclare pas`;
    }
  }
  return pagesProblem(manifest, declared) ?? headerItemsProblem(manifest, declared);
}

/**
 * Whether each header item's module is a file of the plugin's package: the header loads it on
 * every page, so a missing one is refused at start rather than logged in every browser.
 */
export function headerItemFilesProblem(manifest: PluginManifest, root: string): string | null {
  for (const item of manifest.headerItems ?? []) {
    if (!internals.fileInside(root, item.module)) {
      return `le module de son élément d’en-tête « ${item.id} » (${item.module}) n’existe pas dans son paquet`;
    }
  }
  return null;
}

/**
 * Whether each navigation icon is a pictogram every theme draws, or an image file of the package:
 * anything else would show in « Mes applis » as the entry's first letter, silently.
 */
export function navigationIconsProblem(manifest: PluginManifest, root: string): string | null {
  const themeIcons: readonly string[] = THEME_ICONS;
  for (const entry of manifest.navigation ?? []) {
    const icon = entry.icon;
    if (icon === undefined) continue;
    if (/^[a-z0-9-]+$/.test(icon)) {
      if (!themeIcons.includes(icon)) {
        return `l’icône « ${icon} » de son entrée « ${entry.id} » n’existe pas dans les thèmes (${themeIcons.join(', ')}) ; ou donnez le chemin d’une image de son paquet`;
      }
    } else if (!internals.fileInside(root, icon.replace(/^\.?\/+/, ''))) {
      return `l’image « ${icon} » de son entrée « ${entry.id} » n’existe pas dans son paquet`;
    }
  }
  return null;
}

/** Whether its dependencies name other plugins with valid ranges, and never itself. */
export function dependencyProblem(manifest: PluginManifest): string | null {
  const all = { ...manifest.optionalDependencies, ...manifest.dependencies };
  for (const [dependency, range] of Object.entries(all)) {
    if (dependency === manifest.id) return 'il dépend de lui-même';
    if (semver.validRange(range) === null) {
      return `sa dépendance « ${dependency} » a une plage de versions invalide (« ${range} »)`;
    }
  }
  return null;
}

/** Every static check in turn: the first problem found, or null. */
export function manifestProblem(manifest: PluginManifest, packageVersion: unknown): string | null {
  return (
    versionProblem(manifest, packageVersion) ??
    apiProblem(manifest) ??
    namespaceProblem(manifest) ??
    dependencyProblem(manifest)
  );
}

// Module-private helpers.

/** Pages: own tag prefix, unique ids and paths (one element per URL), declared permissions. */
function pagesProblem(manifest: PluginManifest, declared: ReadonlySet<string>): string | null {
  const { id } = manifest;
  const ids = new Set<string>();
  const paths = new Set<string>();
  for (const page of manifest.pages ?? []) {
    if (!page.tag.startsWith(`${id}-`)) {
      return `la balise de sa page « ${page.id} » (${page.tag}) ne commence pas par « ${id}- »`;
    }
    if (ids.has(page.id)) return `sa page « ${page.id} » est déclarée deux fois`;
    ids.add(page.id);
    if (paths.has(page.path)) {
      return `deux de ses pages ont le même chemin « ${page.path} »`;
    }
    paths.add(page.path);
    if (page.permission && !declared.has(page.permission)) {
      return `sa page « ${page.id} » exige la permission « ${page.permission} », qu’il ne déclare pas`;
    }
  }
  return null;
}

/** Header items: own tag prefix, unique ids and tags, declared permissions. */
function headerItemsProblem(
  manifest: PluginManifest,
  declared: ReadonlySet<string>,
): string | null {
  const { id } = manifest;
  const ids = new Set<string>();
  const tags = new Set<string>();
  for (const item of manifest.headerItems ?? []) {
    if (!item.tag.startsWith(`${id}-`)) {
      return `la balise de son élément d’en-tête « ${item.id} » (${item.tag}) ne commence pas par « ${id}- »`;
    }
    if (ids.has(item.id)) return `son élément d’en-tête « ${item.id} » est déclaré deux fois`;
    ids.add(item.id);
    // One element per tag: two items with one tag would be one element shown twice.
    if (tags.has(item.tag)) return `deux de ses éléments d’en-tête ont la balise « ${item.tag} »`;
    tags.add(item.tag);
    if (item.permission && !declared.has(item.permission)) {
      return `son élément d’en-tête « ${item.id} » exige la permission « ${item.permission} », qu’il ne déclare pas`;
    }
  }
  return null;
}

const internals = {
  /** Whether `file` is a regular file under `root`, symbolic links resolved. */
  fileInside(root: string, file: string): boolean {
    if (isAbsolute(file)) return false;
    const candidate = join(root, file);
    if (!existsSync(candidate)) return false;
    const real = realpathSync(candidate);
    const fromRoot = relative(realpathSync(root), real);
    return !fromRoot.startsWith('..') && !isAbsolute(fromRoot) && statSync(real).isFile();
  },
};

let compiled: ValidateFunction | undefined;

// Compiled once: the schema has an $id, and ajv refuses to compile two schemas with one id.
function manifestValidator(): ValidateFunction {
  compiled ??= createValidator(manifestSchema);
  return compiled;
}
