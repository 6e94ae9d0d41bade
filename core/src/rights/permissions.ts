import type { CoreContext } from '../context.js';

/** A permission a plugin declares, with the profiles that hold it unless an école says otherwise. */
export interface PermissionDeclaration {
  name: string;
  defaultProfiles: readonly string[];
}

/**
 * Who holds which permission in which école: plugins' default grants per profile, then per-école
 * overrides. (Stub: the rights work fills this in.)
 */
export class Permissions {
  private readonly defaults = new Map<string, Set<string>>();

  constructor(protected readonly ctx: CoreContext) {}

  /** Records a plugin's permissions and their default grants. */
  declare(declarations: readonly PermissionDeclaration[]): void {
    for (const declaration of declarations) {
      this.defaults.set(declaration.name, new Set(declaration.defaultProfiles));
    }
  }

  /** Whether someone acting as `profile` in école `ecoleId` holds `permission`. */
  async has(ecoleId: number, profile: string, permission: string): Promise<boolean> {
    return this.defaults.get(permission)?.has(profile) ?? false;
  }
}
