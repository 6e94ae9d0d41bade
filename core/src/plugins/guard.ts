import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';
import { isProfile, type PluginEcole, type PluginUser } from '@preau/sdk';

import { currentEcoleOf, maybeSessionOf, sessionOf } from '../http/credentials.js';
import type { Permissions } from '../rights/permissions.js';
import type { PluginEnablement } from './enablement.js';
import type { PluginCatalog, StartedPlugin } from './types.js';

/** Who a plugin request is made by, once the guard let it through. */
export interface Admission {
  user: PluginUser;
  ecole: PluginEcole;
}

/**
 * The checks core makes before any plugin code runs, in this order: a session (hapi's auth,
 * 401), a current école (409), the plugin enabled for that école (404, so a school without the
 * service does not even learn its routes exist), the permission (403). Enablement and grants
 * come from in-memory caches: past the session lookup, a request costs no query in the steady
 * state. Before all of them, the plugin must be one the host accepted: should hapi have mounted
 * some routes of a plugin refused afterwards, they answer 404, public ones included.
 */
export class PluginGuard {
  constructor(
    private readonly permissions: Permissions,
    private readonly enablement: PluginEnablement,
    private readonly catalog: PluginCatalog,
  ) {}

  /** Admits a request on a session route, or throws the error to answer with. */
  async admit(request: Request, plugin: StartedPlugin, permission?: string): Promise<Admission> {
    this.checkAccepted(plugin);
    const { ecoleId, profile } = currentEcoleOf(request);
    const state = await this.enablement.stateOf(ecoleId);
    if (!state?.enabled.has(plugin.id)) {
      throw Boom.notFound('Ce service n’est pas activé pour votre école.');
    }
    if (!isProfile(profile)) throw Boom.forbidden('Votre profil ne donne accès à aucun service.');
    if (permission && !(await this.permissions.has(ecoleId, profile, permission))) {
      const declared = plugin.manifest.permissions.find((p) => p.name === permission);
      throw Boom.forbidden(
        `Votre profil ne permet pas cette action dans votre école ` +
          `(${declared ? `« ${declared.description.fr} », ` : ''}permission ${permission}). ` +
          'Adressez-vous à la direction de l’école si vous en avez besoin.',
      );
    }
    return {
      user: { personId: sessionOf(request).personId, ecoleId, profile },
      ecole: state.ecole,
    };
  }

  /**
   * On a public route: the caller when they have a session in an école where the plugin is
   * enabled, else null. A plugin never learns of a person from an école that has not enabled it.
   */
  async identify(request: Request, plugin: StartedPlugin): Promise<Admission | null> {
    this.checkAccepted(plugin);
    const session = maybeSessionOf(request);
    if (!session || session.ecoleId === null || !session.profile || !isProfile(session.profile)) {
      return null;
    }
    const state = await this.enablement.stateOf(session.ecoleId);
    if (!state?.enabled.has(plugin.id)) return null;
    return {
      user: { personId: session.personId, ecoleId: session.ecoleId, profile: session.profile },
      ecole: state.ecole,
    };
  }

  private checkAccepted(plugin: StartedPlugin): void {
    if (this.catalog.get(plugin.id) !== plugin) {
      throw Boom.notFound('Ce service n’est pas disponible.');
    }
  }
}
