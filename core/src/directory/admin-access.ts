import Boom from '@hapi/boom';
import type { Request } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { sessionOf } from '../http/credentials.js';

/**
 * Who may administer what: a platform administrator administers everything; a collectivité
 * administrator, their own collectivité and its écoles, nothing else. Everyone else: nothing.
 * Refusals are 404 rather than 403, so nobody learns that another collectivité's école exists.
 */
export class AdminAccess {
  constructor(private readonly ctx: CoreContext) {}

  async isPlatformAdmin(personId: number): Promise<boolean> {
    const row = await this.ctx.sql.first(
      'SELECT 1 AS yes FROM administrations WHERE person_id = ? AND collectivite_id IS NULL',
      [personId],
    );
    return row !== undefined;
  }

  /** The collectivités a person administers; `'all'` for a platform administrator. */
  async administeredCollectivites(personId: number): Promise<number[] | 'all'> {
    const rows = await this.ctx.sql.all<{ collectivite_id: number | null }>(
      'SELECT collectivite_id FROM administrations WHERE person_id = ?',
      [personId],
    );
    if (rows.some((row) => row.collectivite_id === null)) return 'all';
    return rows.map((row) => Number(row.collectivite_id));
  }

  /** Throws 404 unless the requester administers this collectivité. */
  async requireCollectivite(request: Request, collectiviteId: number): Promise<void> {
    const scope = await this.administeredCollectivites(sessionOf(request).personId);
    if (scope !== 'all' && !scope.includes(collectiviteId)) {
      throw Boom.notFound('Collectivité introuvable ou hors de votre administration.');
    }
  }

  /** Throws 404 unless the requester administers the collectivité of this école; returns it. */
  async requireEcole(request: Request, ecoleId: number): Promise<{ collectiviteId: number }> {
    const ecole = await this.ctx.sql.first<{ collectivite_id: number }>(
      'SELECT collectivite_id FROM ecoles WHERE id = ?',
      [ecoleId],
    );
    const scope = await this.administeredCollectivites(sessionOf(request).personId);
    if (!ecole || (scope !== 'all' && !scope.includes(Number(ecole.collectivite_id)))) {
      throw Boom.notFound('École introuvable ou hors de votre administration.');
    }
    return { collectiviteId: Number(ecole.collectivite_id) };
  }

  /**
   * Throws 404 unless the requester administers this école's collectivité or is the école's
   * directeur (a DIR membership there): in ONE the directeur manages the école's communication
   * rules, grants and default dashboards.
   */
  async requireEcoleManager(
    request: Request,
    ecoleId: number,
  ): Promise<{ collectiviteId: number }> {
    const directeur = await this.ctx.sql.first<{ collectivite_id: number }>(
      'SELECT e.collectivite_id FROM memberships m JOIN ecoles e ON e.id = m.ecole_id ' +
        'WHERE m.person_id = ? AND m.ecole_id = ? AND m.profile = ?',
      [sessionOf(request).personId, ecoleId, 'DIR'],
    );
    if (directeur) return { collectiviteId: Number(directeur.collectivite_id) };
    return this.requireEcole(request, ecoleId);
  }

  /** Throws 404 unless the requester administers the platform. */
  async requirePlatform(request: Request): Promise<void> {
    if (!(await this.isPlatformAdmin(sessionOf(request).personId))) {
      throw Boom.notFound('Cette adresse est réservée à l’administration de la plateforme.');
    }
  }
}
