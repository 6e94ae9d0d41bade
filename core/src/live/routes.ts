import type { Server } from '@hapi/hapi';

import type { CoreContext } from '../context.js';
import { sessionOf } from '../http/credentials.js';
import { toHapiRoute, type RouteDefinition } from '../http/route.js';
import { LiveStreams } from './streams.js';

/**
 * `GET /api/live`: the server-sent events stream of an open page (see ADR 0009). Registers the
 * route, ends a person's streams when their session closes, and every stream when the server
 * stops, so that `server.stop()` never waits for pages that would stay connected for hours.
 */
export function registerLive(server: Server, ctx: CoreContext): LiveStreams {
  const streams = new LiveStreams(ctx.live, {
    sessionOpen: (sessionId) => internals.sessionOpen(ctx, sessionId),
    onDropped: (type, error) =>
      ctx.log.warn({ err: error, type }, 'Message en direct non envoyé (données non JSON ?)'),
  });
  server.route(toHapiRoute(liveRoute(streams)));
  const unsubscribe = ctx.bus.subscribe('session.closed', ({ personId }) =>
    streams.sessionClosed(personId),
  );
  server.ext('onPreStop', async () => {
    unsubscribe();
    await streams.closeAll();
  });
  return streams;
}

/** The route itself, for the OpenAPI document like every core route. */
export function liveRoute(streams: LiveStreams): RouteDefinition {
  return {
    method: 'GET',
    path: '/api/live',
    summary:
      'Flux d’événements (text/event-stream) des messages en direct pour moi : nouvelles notifications…',
    tags: ['portail'],
    schemas: { query: { type: 'object', additionalProperties: false } },
    handler(request, h) {
      const session = sessionOf(request);
      const body = streams.start(session.personId, session.sessionId, request.raw.res);
      return (
        h
          .response(body)
          .type('text/event-stream')
          .header('cache-control', 'no-store')
          // nginx would buffer the stream, and gzip would hold events until a block fills.
          .header('x-accel-buffering', 'no')
          .compressed('identity')
          // The socket closes with the stream: a keep-alive socket would hold server.stop().
          .header('connection', 'close')
      );
    },
  };
}

const internals = {
  /** The same rules as SessionStore.find, without touching the row: a stream is not a use. */
  async sessionOpen(ctx: CoreContext, sessionId: string): Promise<boolean> {
    const row = await ctx.sql.first<{ last_seen_at: number; expires_at: number }>(
      'SELECT last_seen_at, expires_at FROM sessions WHERE id = ?',
      [sessionId],
    );
    if (!row) return false;
    const now = ctx.clock.now();
    const idleLimit = ctx.config.sessions.idleMinutes * 60_000;
    return Number(row.expires_at) > now && Number(row.last_seen_at) + idleLimit > now;
  },
};
