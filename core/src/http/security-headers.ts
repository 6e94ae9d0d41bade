import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, RouteOptions, Server } from '@hapi/hapi';

/**
 * hapi's security headers for every response, errors and 404s included: `nosniff` (a file is
 * never run as another type than it is sent as), no framing, no Referer to other sites, and
 * Strict-Transport-Security when Préau is published over HTTPS. HSTS is not sent over plain
 * HTTP (browsers ignore it there) and leaves subdomains alone: the collectivité's other sites
 * are not Préau's to decide.
 */
export function securityOptions(publicUrl: string): NonNullable<RouteOptions['security']> {
  const https = new URL(publicUrl).protocol === 'https:';
  return {
    noSniff: true,
    xframe: 'deny',
    referrer: 'same-origin',
    hsts: https ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: false } : false,
  };
}

/** The policy of an HTML page that did not choose one: nothing loads, nothing runs. */
export const DEFAULT_HTML_POLICY = [
  "default-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Gives every HTML response without a Content-Security-Policy the strict default: a page a
 * plugin builds by hand (or the « not built » page) cannot then run an injected script.
 */
export function registerDefaultPolicy(server: Server): void {
  server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
    const response = request.response;
    if (!response || Boom.isBoom(response)) return h.continue;
    const type = String(response.headers['content-type'] ?? '');
    if (type.startsWith('text/html') && !response.headers['content-security-policy']) {
      response.header('content-security-policy', DEFAULT_HTML_POLICY);
    }
    return h.continue;
  });
}

// Module-private helpers.

const ONE_YEAR_SECONDS = 31_536_000;
