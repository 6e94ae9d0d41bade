import { respond, type PluginContext } from '@preau/sdk';

import { escapeHtml } from './emails.js';
import type { NotificationStore } from './store.js';
import { UnsubscribeTokens } from './tokens.js';

const PATH = '/api/plugins/notifications/unsubscribe';

/**
 * The pages load nothing and run nothing: their only active part is the form, which posts back
 * here. Whatever a token or label might smuggle into the page could not run or call out.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The public unsubscribe pages an e-mail links to: `GET` asks to confirm (a link opened by a
 * mail scanner changes nothing), `POST` — the form, or a mail client's one-click
 * (`List-Unsubscribe=One-Click`, RFC 8058) — sets that type's channel to « Dans Préau ».
 */
export function registerUnsubscribeRoutes(ctx: PluginContext, store: NotificationStore): void {
  const tokens = new UnsubscribeTokens(ctx.db);
  const tokenSchema = { type: 'string', minLength: 1, maxLength: 100 };

  ctx.route<Record<string, never>, { token?: string }, undefined>({
    method: 'GET',
    path: '/unsubscribe',
    summary: 'Page publique de désabonnement d’un type d’e-mail (demande confirmation)',
    access: 'public',
    schemas: {
      query: { type: 'object', additionalProperties: false, properties: { token: tokenSchema } },
    },
    handler: async (request) => {
      const target = request.query.token ? await tokens.targetOf(request.query.token) : null;
      if (!target) return badToken(ctx);
      const label = await labelOf(ctx, target.ecoleId, target.pluginId, target.type);
      return html(
        200,
        'Ne plus recevoir ces e-mails ?',
        `<p>Vous ne recevrez plus d’e-mail pour « ${escapeHtml(label)} ». ` +
          'Ces nouveautés resteront visibles dans Préau, dans « Quoi de neuf ? ».</p>\n' +
          `<form method="post" action="${PATH}">\n` +
          `<input type="hidden" name="token" value="${escapeHtml(request.query.token!)}">\n` +
          '<button type="submit">Confirmer le désabonnement</button>\n</form>\n' +
          `<p><a href="${escapeHtml(portal(ctx))}">Revenir à Préau sans rien changer</a></p>`,
      );
    },
  });

  ctx.route<Record<string, never>, { token?: string }, Record<string, unknown> | null>({
    method: 'POST',
    path: '/unsubscribe',
    summary: 'Désabonne d’un type d’e-mail (formulaire ou désabonnement en un clic)',
    access: 'public',
    // Mail clients post the one-click form from anywhere (RFC 8058); the token is the proof.
    crossSite: 'token',
    schemas: {
      query: { type: 'object', additionalProperties: false, properties: { token: tokenSchema } },
      payload: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: {
          token: tokenSchema,
          'List-Unsubscribe': { type: 'string', maxLength: 100 },
        },
      },
    },
    handler: async (request) => {
      const token = request.query.token ?? request.payload?.token;
      const target = typeof token === 'string' ? await tokens.targetOf(token) : null;
      if (!target) return badToken(ctx);
      await ctx.db.transaction((trx) =>
        store.setChannels(trx, target.ecoleId, target.personId, [
          { pluginId: target.pluginId, type: target.type, channel: 'in-app' },
        ]),
      );
      const label = await labelOf(ctx, target.ecoleId, target.pluginId, target.type);
      return html(
        200,
        'C’est fait',
        `<p>Vous ne recevrez plus d’e-mail pour « ${escapeHtml(label)} ». ` +
          'Ces nouveautés restent visibles dans Préau, dans « Quoi de neuf ? ».</p>\n' +
          `<p>Vous pouvez changer d’avis dans <a href="${escapeHtml(portal(ctx, '/apps/notifications/reglages'))}">Mes notifications</a>.</p>`,
      );
    },
  });
}

// Module-private helpers.

function portal(ctx: PluginContext, path = '/'): string {
  return ctx.mail.publicUrl.replace(/\/+$/, '') + path;
}

async function labelOf(ctx: PluginContext, ecoleId: number, pluginId: string, type: string) {
  const plugins = await ctx.plugins.enabledFor(ecoleId);
  const plugin = plugins.find((candidate) => candidate.id === pluginId);
  const found = plugin?.notificationTypes?.find((candidate) => candidate.id === type);
  return found ? `${found.label.fr} (${plugin!.name.fr})` : type;
}

function badToken(ctx: PluginContext) {
  return html(
    400,
    'Lien de désabonnement invalide',
    '<p>Ce lien de désabonnement n’est pas (ou plus) valable. Vous pouvez choisir comment être ' +
      'prévenu dans Préau, rubrique « Mes notifications ».</p>\n' +
      `<p><a href="${escapeHtml(portal(ctx, '/apps/notifications/reglages'))}">Ouvrir Préau</a></p>`,
  );
}

function html(status: number, title: string, body: string) {
  const page = [
    '<!doctype html>',
    '<html lang="fr">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} – Préau</title></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1>`,
    body,
    '</main></body></html>',
  ].join('\n');
  return respond(status, page, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_POLICY,
  });
}
