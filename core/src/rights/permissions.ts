import Boom from '@hapi/boom';

import { PromiseCache } from '../cache/promise-cache.js';
import type { CoreContext } from '../context.js';
import { PROFILES, isProfile, type Profile } from '../directory/profiles.js';

/** A permission a plugin declares, with the profiles that hold it unless an école says otherwise. */
export interface PermissionDeclaration {
  /** `<plugin>.<resource>.<action>`, e.g. `menu-cantine.menus.read`. */
  name: string;
  defaultProfiles: readonly string[];
  /** What the permission allows, shown in the rights screen. */
  description?: { fr: string; en?: string };
}

/** One profile's effective grant of a permission in an école. */
export interface EffectiveGrant {
  granted: boolean;
  /** The grant the plugin declared, before the école's override. */
  byDefault: boolean;
  /** Whether the école set this grant itself (it may equal the default: then it is pinned). */
  overridden: boolean;
}

/** A declared permission as an école sees it: each profile's effective grant. */
export interface PermissionStatus {
  name: string;
  description: { fr: string; en?: string } | null;
  grants: Record<Profile, EffectiveGrant>;
}

/** A change of one profile's grant: `granted: null` removes the override (back to the default). */
export interface PermissionOverrideChange {
  profile: string;
  permission: string;
  granted: boolean | null;
}

/**
 * How long an école's overrides stay cached. Changes made through this instance invalidate the
 * cache at once; the TTL bounds how long another instance (several Préau processes behind one
 * load balancer) may keep answering with the old grants.
 */
export const OVERRIDES_TTL_MS = 30_000;

/** The pattern of the SDK manifest: `<plugin-id>.<resource>.<action>`. */
const PERMISSION_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/**
 * Who holds which permission in which école: plugins' default grants per profile, then per-école
 * overrides (table `permission_overrides`), which win.
 *
 * `has` runs on every plugin request, so an école's overrides are read once and kept in memory
 * (see OVERRIDES_TTL_MS); a check is then a couple of map lookups.
 */
export class Permissions {
  private readonly declared = new Map<string, Declared>();
  private readonly cache: PromiseCache<number, Map<string, boolean>>;

  constructor(protected readonly ctx: CoreContext) {
    this.cache = new PromiseCache(ctx.clock, { ttlMs: OVERRIDES_TTL_MS });
  }

  /**
   * Records a plugin's permissions and their default grants. A malformed one is refused before
   * any is recorded: a refused plugin leaves none of its permissions behind.
   */
  declare(declarations: readonly PermissionDeclaration[]): void {
    for (const declaration of declarations) {
      if (!PERMISSION_NAME.test(declaration.name) || declaration.name.length > 160) {
        throw new Error(
          `Permission « ${declaration.name} » mal nommée : attendu <plugin>.<ressource>.<action>.`,
        );
      }
      const unknown = declaration.defaultProfiles.filter((profile) => !isProfile(profile));
      if (unknown.length > 0) {
        throw new Error(
          `Permission « ${declaration.name} » : profil(s) inconnu(s) ${unknown.join(', ')}.`,
        );
      }
    }
    for (const declaration of declarations) {
      this.declared.set(declaration.name, {
        defaults: new Set(declaration.defaultProfiles as Profile[]),
        description: declaration.description ?? null,
      });
    }
  }

  /** Whether a permission has been declared by a loaded plugin. */
  isDeclared(permission: string): boolean {
    return this.declared.has(permission);
  }

  /** Whether someone acting as `profile` in école `ecoleId` holds `permission`. */
  async has(ecoleId: number, profile: string, permission: string): Promise<boolean> {
    const declared = this.declared.get(permission);
    if (!declared || !isProfile(profile)) return false;
    const overrides = await this.overridesOf(ecoleId);
    return overrides.get(grantKey(profile, permission)) ?? declared.defaults.has(profile);
  }

  /** Every declared permission, sorted by name, with each profile's effective grant. */
  async list(ecoleId: number): Promise<PermissionStatus[]> {
    const overrides = await this.overridesOf(ecoleId, true);
    return [...this.declared.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, declared]) => {
        const grants = {} as Record<Profile, EffectiveGrant>;
        for (const profile of PROFILES) {
          const byDefault = declared.defaults.has(profile);
          const override = overrides.get(grantKey(profile, name));
          grants[profile] = {
            granted: override ?? byDefault,
            byDefault,
            overridden: override !== undefined,
          };
        }
        return { name, description: declared.description, grants };
      });
  }

  /**
   * Applies grant changes for an école, all or none: an unknown permission or profile rejects the
   * whole batch with a 400 naming the faulty entry. Audited as `permissions.changed`.
   */
  async setOverrides(
    ecoleId: number,
    changes: readonly PermissionOverrideChange[],
    actorId: number | null,
    origin: { ip?: string | null; collectiviteId?: number | null } = {},
  ): Promise<void> {
    const seen = new Map<string, number>();
    changes.forEach((change, index) => {
      if (!isProfile(change.profile)) {
        throw Boom.badRequest(`overrides.${index}.profile : profil inconnu « ${change.profile} ».`);
      }
      if (!this.declared.has(change.permission)) {
        throw Boom.badRequest(
          `overrides.${index}.permission : permission inconnue « ${change.permission} » ` +
            '(aucune extension chargée ne la déclare).',
        );
      }
      const key = grantKey(change.profile, change.permission);
      const previous = seen.get(key);
      if (previous !== undefined) {
        throw Boom.badRequest(
          `overrides.${index} : même profil et même permission que overrides.${previous}.`,
        );
      }
      seen.set(key, index);
    });
    try {
      await this.ctx.knex.transaction(async (trx) => {
        for (const change of changes) {
          const where = {
            ecole_id: ecoleId,
            profile: change.profile,
            permission: change.permission,
          };
          await trx('permission_overrides').where(where).delete();
          if (change.granted !== null) {
            await trx('permission_overrides').insert({ ...where, granted: change.granted ? 1 : 0 });
          }
        }
        await this.ctx.audit.record(
          {
            action: 'permissions.changed',
            actorId,
            collectiviteId: origin.collectiviteId ?? null,
            ecoleId,
            target: `ecole:${ecoleId}`,
            ip: origin.ip ?? null,
            details: {
              changes: changes
                .map(
                  (c) =>
                    `${c.profile} ${c.permission}=${c.granted === null ? 'défaut' : c.granted}`,
                )
                .join(', ')
                .slice(0, 2000),
            },
          },
          trx,
        );
      });
    } finally {
      // Even a failed write may have raced with a reader: start from the database next time.
      this.cache.delete(ecoleId);
    }
  }

  /** Forgets cached overrides (one école, or all): for code that writes the table directly. */
  invalidate(ecoleId?: number): void {
    if (ecoleId === undefined) this.cache.clear();
    else this.cache.delete(ecoleId);
  }

  private overridesOf(ecoleId: number, fresh = false): Promise<Map<string, boolean>> {
    if (fresh) this.cache.delete(ecoleId);
    return this.cache.get(ecoleId, () => this.loadOverrides(ecoleId));
  }

  private loadOverrides(ecoleId: number): Promise<Map<string, boolean>> {
    return this.ctx.sql
      .all<OverrideRow>(
        'SELECT profile, permission, granted FROM permission_overrides WHERE ecole_id = ?',
        [ecoleId],
      )
      .then(
        (rows) =>
          new Map(
            rows.map((row) => [grantKey(row.profile, row.permission), Number(row.granted) === 1]),
          ),
      );
  }
}

// Module-private helpers.

interface Declared {
  defaults: Set<Profile>;
  description: { fr: string; en?: string } | null;
}

interface OverrideRow {
  profile: string;
  permission: string;
  granted: number | boolean;
}

function grantKey(profile: string, permission: string): string {
  return `${profile} ${permission}`;
}
