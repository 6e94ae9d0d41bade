import {
  errors,
  isUniqueViolation,
  respond,
  type PluginContext,
  type PluginRequest,
} from '@preau/sdk';

import type { LivePusher } from './live.js';
import type { NotificationService } from '@preau/sdk';
import type { NotificationStore } from './store.js';

const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
};

/**
 * The feed « Quoi de neuf ? » and the bell: `GET /items`, `GET /unread`, reading, and
 * reporting an item to the école's managers.
 */
export function registerFeedRoutes(
  ctx: PluginContext,
  store: NotificationStore,
  live: LivePusher,
  service: NotificationService,
): void {
  ctx.route<Record<string, never>, { before?: number; limit: number }, undefined>({
    method: 'GET',
    path: '/items',
    summary: 'Mon fil « Quoi de neuf ? » dans mon école, du plus récent au plus ancien',
    schemas: {
      query: {
        type: 'object',
        additionalProperties: false,
        properties: {
          before: { type: 'integer', minimum: 1 },
          limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
        },
      },
    },
    handler: async (request) => {
      const { ecoleId, personId } = userOf(request);
      const now = ctx.now();
      const page = await store.feed(
        ecoleId,
        personId,
        now,
        request.query.before,
        request.query.limit,
      );
      return { unread: await store.unread(ecoleId, personId, now), ...page };
    },
  });

  ctx.route<Record<string, never>, Record<string, never>, undefined>({
    method: 'GET',
    path: '/unread',
    summary: 'Combien de nouveautés je n’ai pas lues (la cloche)',
    handler: async (request) => {
      const { ecoleId, personId } = userOf(request);
      return { unread: await store.unread(ecoleId, personId, ctx.now()) };
    },
  });

  ctx.route<Record<string, never>, Record<string, never>, undefined>({
    method: 'POST',
    path: '/items/read-all',
    summary: 'Marque tout mon fil comme lu',
    handler: async (request) => {
      const { ecoleId, personId } = userOf(request);
      const now = ctx.now();
      await store.markAllRead(ecoleId, personId, now);
      await live.pushUnread(ecoleId, personId, now);
      return undefined;
    },
  });

  ctx.route<{ id: number }, Record<string, never>, undefined>({
    method: 'POST',
    path: '/items/{id}/read',
    summary: 'Marque une nouveauté de mon fil comme lue',
    schemas: { params: idParams },
    handler: async (request) => {
      const { ecoleId, personId } = userOf(request);
      const now = ctx.now();
      if (!(await store.markRead(ecoleId, personId, request.params.id, now))) {
        throw errors.notFound('Cette nouveauté n’est pas dans votre fil.');
      }
      await live.pushUnread(ecoleId, personId, now);
      return undefined;
    },
  });

  ctx.route<{ id: number }, Record<string, never>, { reason: string }>({
    method: 'POST',
    path: '/items/{id}/report',
    summary: 'Signale une nouveauté inappropriée à la direction de l’école',
    schemas: {
      params: idParams,
      payload: {
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        properties: { reason: { type: 'string', minLength: 5, maxLength: 500 } },
      },
    },
    handler: async (request) => {
      const user = userOf(request);
      const { ecoleId, personId } = user;
      const now = ctx.now();
      const reason = request.payload.reason.trim();
      if (reason.length < 5) {
        throw errors.badRequest(
          'reason : dites en quelques mots (5 caractères au moins) ce qui ne va pas.',
        );
      }
      const item = await store.itemOf(ecoleId, personId, request.params.id, now);
      if (!item) throw errors.notFound('Cette nouveauté n’est pas dans votre fil.');
      let id: number | undefined;
      try {
        [id] = await ctx.db.forEcole(ecoleId).insert('reports', {
          inbox_id: item.id,
          reporter_id: personId,
          reason,
          plugin_name: item.plugin_name,
          type_label: item.type_label,
          title: item.title,
          text: item.text,
          url: item.url,
          created_at: now,
          handled_at: null,
          handled_by: null,
        });
      } catch (error) {
        // The unique index on inbox_id says the item is already reported (a second try, or a
        // double click). Any other failure is the 500 it is, not a report never made.
        if (isUniqueViolation(error)) {
          throw errors.conflict('Vous avez déjà signalé cette nouveauté.');
        }
        throw error;
      }
      // Through the service directly: the plugin's own type, to those who manage reports.
      await service.notify(ctx.manifest.id, {
        ecoleId,
        type: 'signalement',
        audience: 'ecole',
        title: `Contenu signalé : ${item.title}`.slice(0, 200),
        text: `Motif : ${reason}`.slice(0, 1000),
        url: '/apps/notifications/signalements',
        actorPersonId: personId,
      });
      return respond(201, { id: Number(id) });
    },
  });
}

/** The person asking: always someone on session routes. */
export function userOf(request: PluginRequest<unknown, unknown, unknown>) {
  if (!request.user) throw errors.forbidden('Vous devez être connecté.');
  return request.user;
}
