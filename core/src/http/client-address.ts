import type { Request } from '@hapi/hapi';

/** What core keeps in hapi's `server.settings.app`. */
export interface ServerAppSettings {
  trustProxy: boolean;
}

/**
 * The address a request comes from, for throttling and the audit log. Behind a reverse proxy
 * every request arrives from the proxy, so when `server.trustProxy` is on, the address the
 * proxy appended to `X-Forwarded-For` (its last entry) is taken instead. Never turn it on
 * without a proxy: anyone could then claim any address.
 */
export function clientAddress(request: Request): string | null {
  const settings = request.server.settings.app as ServerAppSettings | undefined;
  if (settings?.trustProxy) {
    const header = request.headers['x-forwarded-for'];
    const last = typeof header === 'string' ? header.split(',').pop()?.trim() : undefined;
    if (last) return last.slice(0, 45);
  }
  return request.info.remoteAddress ?? null;
}
