/** An item as e-mails show it. */
export interface MailItem {
  pluginName: string;
  typeLabel: string;
  title: string;
  text: string | null;
  url: string;
}

/** A link to stop e-mails of one type. */
export interface UnsubscribeLink {
  pluginName: string;
  typeLabel: string;
  url: string;
}

/** An e-mail ready for `ctx.mail.send` (without its addressee). */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** The settings page, where every channel can be changed. */
export const SETTINGS_PATH = '/apps/notifications/reglages';

/** The public unsubscribe page of a token. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${absolute(publicUrl, '/api/plugins/notifications/unsubscribe')}?token=${encodeURIComponent(token)}`;
}

/** The e-mail sent at once for one item (channel « e-mail immédiat »). */
export function immediateMail(input: {
  publicUrl: string;
  ecoleName: string;
  item: MailItem;
  unsubscribe: UnsubscribeLink;
}): ComposedMail {
  const { publicUrl, ecoleName, item, unsubscribe } = input;
  const link = absolute(publicUrl, item.url);
  const settings = absolute(publicUrl, SETTINGS_PATH);
  const text = [
    'Bonjour,',
    '',
    `Du nouveau dans « ${item.pluginName} » à ${ecoleName} :`,
    '',
    item.title,
    ...(item.text ? [item.text] : []),
    '',
    `Voir sur Préau : ${link}`,
    '',
    '--',
    `Vous recevez cet e-mail car vous avez choisi « e-mail immédiat » pour « ${item.typeLabel} ».`,
    `Mes notifications : ${settings}`,
    `Ne plus recevoir ces e-mails : ${unsubscribe.url}`,
  ].join('\n');
  const html = page(
    [
      '<p>Bonjour,</p>',
      `<p>Du nouveau dans « ${escapeHtml(item.pluginName)} » à ${escapeHtml(ecoleName)} :</p>`,
      `<p><strong>${escapeHtml(item.title)}</strong></p>`,
      ...(item.text ? [`<p>${paragraphs(item.text)}</p>`] : []),
      `<p><a href="${escapeHtml(link)}">Voir sur Préau</a></p>`,
    ].join('\n'),
    `Vous recevez cet e-mail car vous avez choisi « e-mail immédiat » pour « ${escapeHtml(item.typeLabel)} ».`,
    settings,
    [unsubscribe],
  );
  return {
    subject: `Préau : ${item.title}`,
    text,
    html,
    headers: listUnsubscribe(unsubscribe.url),
  };
}

/** A digest: the items of a day or a week, grouped by service, in one e-mail. */
export function digestMail(input: {
  publicUrl: string;
  ecoleName: string;
  kind: 'daily' | 'weekly';
  items: MailItem[];
  unsubscribe: UnsubscribeLink[];
}): ComposedMail {
  const { publicUrl, ecoleName, kind, items, unsubscribe } = input;
  const count = items.length;
  const subject = `Préau : ${count} ${count > 1 ? 'nouveautés' : 'nouveauté'} à ${ecoleName}`;
  const groups = new Map<string, MailItem[]>();
  for (const item of items)
    groups.set(item.pluginName, [...(groups.get(item.pluginName) ?? []), item]);
  const settings = absolute(publicUrl, SETTINGS_PATH);
  const period = kind === 'daily' ? 'du jour' : 'de la semaine';
  const text = [
    'Bonjour,',
    '',
    `Voici le résumé ${period} de ce qui est nouveau pour vous à ${ecoleName} :`,
    ...[...groups].flatMap(([pluginName, list]) => [
      '',
      `${pluginName}`,
      ...list.flatMap((item) => [`- ${item.title}`, `  ${absolute(publicUrl, item.url)}`]),
    ]),
    '',
    '--',
    `Vous recevez ce résumé car vous l’avez choisi dans vos notifications.`,
    `Mes notifications : ${settings}`,
    ...unsubscribe.map(
      (link) =>
        `Ne plus recevoir « ${link.typeLabel} » (${link.pluginName}) par e-mail : ${link.url}`,
    ),
  ].join('\n');
  const html = page(
    [
      '<p>Bonjour,</p>',
      `<p>Voici le résumé ${period} de ce qui est nouveau pour vous à ${escapeHtml(ecoleName)} :</p>`,
      ...[...groups].map(
        ([pluginName, list]) =>
          `<h2>${escapeHtml(pluginName)}</h2>\n<ul>\n` +
          list
            .map(
              (item) =>
                `<li><a href="${escapeHtml(absolute(publicUrl, item.url))}">${escapeHtml(item.title)}</a></li>`,
            )
            .join('\n') +
          '\n</ul>',
      ),
    ].join('\n'),
    'Vous recevez ce résumé car vous l’avez choisi dans vos notifications.',
    settings,
    unsubscribe,
  );
  return {
    subject,
    text,
    html,
    headers: unsubscribe[0] ? listUnsubscribe(unsubscribe[0].url) : {},
  };
}

/** Text made safe for HTML, attributes included. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A portal path made absolute with the portal's public address. */
export function absolute(publicUrl: string, path: string): string {
  return publicUrl.replace(/\/+$/, '') + path;
}

// Module-private helpers.

/** RFC 2369 and RFC 8058 (one-click) headers: mail clients show their own « Se désabonner ». */
function listUnsubscribe(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function paragraphs(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function page(body: string, why: string, settings: string, unsubscribe: UnsubscribeLink[]) {
  const links = unsubscribe
    .map(
      (link) =>
        `<a href="${escapeHtml(link.url)}">Ne plus recevoir « ${escapeHtml(link.typeLabel)} » ` +
        `(${escapeHtml(link.pluginName)}) par e-mail</a>`,
    )
    .join('<br>\n');
  return [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"><title>Préau</title></head><body>',
    body,
    '<hr>',
    `<p><small>${why}<br>`,
    `<a href="${escapeHtml(settings)}">Mes notifications</a><br>`,
    `${links}</small></p>`,
    '</body></html>',
  ].join('\n');
}
