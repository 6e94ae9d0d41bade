import { DEMO_PASSWORD } from './accounts.js';

/** A person's session on the JSON API, from Node (outside the browser). */
export interface ApiSession {
  /** `Cookie` header value of the session. */
  cookie: string;
  /** Sends a request and checks its status; returns the JSON body (or null when empty). */
  request<T = unknown>(method: string, path: string, status?: number, body?: unknown): Promise<T>;
}

/** Logs `login` in through `POST /api/auth/login`, as a script or an administrator would. */
export async function apiSession(
  baseUrl: string,
  login: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) {
    throw new Error(
      `connexion de ${login} refusée (${response.status}) : ${await response.text()}`,
    );
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return {
    cookie,
    async request<T>(method: string, path: string, status = 200, body?: unknown): Promise<T> {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          // Core refuses any write that does not say JSON, even without a body (CSRF).
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await answer.text();
      if (answer.status !== status) {
        throw new Error(
          `${method} ${path} (${login}) : ${answer.status} au lieu de ${status} ${text}`,
        );
      }
      return (text ? JSON.parse(text) : null) as T;
    },
  };
}
