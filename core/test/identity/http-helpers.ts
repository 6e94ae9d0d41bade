import type { ServerInjectResponse } from '@hapi/hapi';

import type { TestCore } from '../../src/testing/index.js';

/** Posts a login through HTTP, from a chosen address (tests isolate throttling by address). */
export function postLogin(
  core: TestCore,
  login: string,
  password: string,
  remoteAddress = '127.0.0.1',
): Promise<ServerInjectResponse> {
  return core.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    remoteAddress,
  });
}

/** The session cookie a response sets (`name=value`), or undefined. */
export function sessionCookie(core: TestCore, response: ServerInjectResponse): string | undefined {
  const name = core.preau.ctx.config.sessions.cookieName;
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [String(header)] : [];
  const cookie = cookies.find((c) => c.startsWith(`${name}=`));
  const pair = cookie?.split(';')[0];
  return pair && pair !== `${name}=` ? pair : undefined;
}

/** The raw `Set-Cookie` line for the session cookie. */
export function sessionSetCookie(core: TestCore, response: ServerInjectResponse): string {
  const name = core.preau.ctx.config.sessions.cookieName;
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : header ? [String(header)] : [];
  return cookies.find((c) => c.startsWith(`${name}=`)) ?? '';
}

/** A request carrying a cookie (`name=value`). */
export function withCookie(
  core: TestCore,
  cookie: string,
  method: string,
  url: string,
  payload?: object,
): Promise<ServerInjectResponse> {
  return core.inject({
    method,
    url,
    // As the portal does: every write says JSON, with or without a body (core refuses others).
    headers: method === 'GET' ? { cookie } : { cookie, 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload }),
  });
}

/** The JSON body of a response. */
export function body<T = Record<string, unknown>>(response: ServerInjectResponse): T {
  return JSON.parse(response.payload) as T;
}

/** How many rows a table has, optionally filtered. */
export async function countRows(
  core: TestCore,
  table: string,
  where: Record<string, unknown> = {},
): Promise<number> {
  const row = await core.preau.ctx.knex(table).where(where).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
