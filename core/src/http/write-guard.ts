import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, Server } from '@hapi/hapi';

/**
 * How a write route may be reached, beyond the default (JSON only, from Préau's own pages or
 * from clients that are not browsers). Set by `RouteDefinition.uploads` and `.crossSite`.
 */
export interface WritePolicy {
  /** Also accepts `multipart/form-data` (file uploads), still from Préau's own pages only. */
  uploads?: boolean;
  /**
   * `'token'`: a public route authenticated by a token it carries (a link in an e-mail), never
   * by the session: it accepts form posts, and requests from any site.
   */
  crossSite?: 'token';
}

/**
 * Refuses cross-site request forgery on every write (POST, PUT, PATCH, DELETE), core's and
 * plugins' alike, before authentication and before the body is read:
 * - the body must be declared `application/json`, even when empty (`multipart/form-data` too on
 *   upload routes). A cross-site HTML form or a no-cors `fetch` cannot send that type, so the
 *   check alone stops them; 415 otherwise.
 * - a browser must say the request comes from a Préau page: `Sec-Fetch-Site` is `same-origin`
 *   (or `none`, typed by the person), or, from older browsers without it, `Origin` is the public
 *   URL's origin or the request's own host. `same-site` is refused too: a sibling subdomain of
 *   the collectivité or another port is not Préau. 403 otherwise.
 * Clients that send neither header (curl, server to server) pass: they carry no victim's cookie
 * by accident. SameSite=Lax alone does not cover same-site pages, hence this.
 */
export function registerWriteGuard(server: Server, publicUrl: string): void {
  const publicOrigin = new URL(publicUrl).origin;
  server.ext('onPreAuth', (request: Request, h: ResponseToolkit) => {
    if (!WRITE_METHODS.has(request.method)) return h.continue;
    const policy = policyOf(request);
    const type = mediaType(header(request, 'content-type'));
    if (policy.crossSite === 'token') {
      if (type !== null && !TOKEN_FORM_TYPES.has(type)) throw unsupported(policy);
      return h.continue;
    }
    if (type !== 'application/json' && !(policy.uploads && type === 'multipart/form-data')) {
      throw unsupported(policy);
    }
    if (!fromPreauPage(request, publicOrigin)) {
      throw Boom.forbidden(
        'Cette demande vient d’une autre page que Préau : elle est refusée. ' +
          'Ouvrez Préau à son adresse habituelle et recommencez.',
      );
    }
    return h.continue;
  });
}

// Module-private helpers.

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
/** What a mail client's one-click (RFC 8058) and a plain HTML form send. */
const TOKEN_FORM_TYPES = new Set(['application/json', 'application/x-www-form-urlencoded']);

function header(request: Request, name: string): string | undefined {
  const value: unknown = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function policyOf(request: Request): WritePolicy {
  const settings = request.route.settings.plugins as { preau?: { writes?: WritePolicy } };
  return settings.preau?.writes ?? {};
}

/** `application/json` out of `Application/JSON; charset=utf-8`; null without the header. */
function mediaType(header: string | undefined): string | null {
  if (header === undefined) return null;
  return header.split(';')[0]!.trim().toLowerCase();
}

function unsupported(policy: WritePolicy): Boom.Boom {
  const accepted = policy.uploads
    ? 'du JSON (Content-Type: application/json) ou un envoi de fichiers (multipart/form-data)'
    : 'du JSON (Content-Type: application/json), même sans corps';
  return Boom.unsupportedMediaType(
    `Format non pris en charge : cette adresse n’accepte que ${accepted}.`,
  );
}

function fromPreauPage(request: Request, publicOrigin: string): boolean {
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = header(request, 'origin');
  if (origin === undefined) return true;
  if (origin === publicOrigin) return true;
  try {
    // The host the request was sent to: Préau reached at another name than its public URL
    // (a test on localhost, an internal address) still accepts its own pages.
    return new URL(origin).host === header(request, 'host');
  } catch {
    return false; // `Origin: null` (sandboxed frame, file://) is no Préau page.
  }
}
