import type { MailMessage } from '@preau/sdk';

/** The longest subject accepted: RFC 5322 advises 78-character lines, clients cut far sooner. */
export const MAX_SUBJECT_LENGTH = 250;

/**
 * Headers that name people or replace what core sets: a plugin never chooses who receives a
 * message nor who it comes from, so these are refused rather than silently overridden.
 */
const RESERVED_HEADERS = new Set([
  'to',
  'from',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'return-path',
  'resent-to',
  'resent-from',
  'resent-cc',
  'resent-bcc',
  'resent-sender',
  'disposition-notification-to',
]);

/** RFC 5322 field names: printable ASCII without colon or space. */
const HEADER_NAME = /^[!-9;-~]+$/;

/**
 * Checks a plugin's message before anything is looked up or sent, and returns its extra headers.
 * A failure is the plugin author's mistake, not the recipient's: it throws, in French, saying
 * what to change.
 *
 * @example
 * ```ts
 * const headers = checkMessage({ ecoleId, toPersonId, subject: 'Menu', text: '…' });
 * ```
 */
export function checkMessage(message: MailMessage): Record<string, string> {
  if (!Number.isInteger(message?.ecoleId) || !Number.isInteger(message?.toPersonId)) {
    throw new Error(
      'ctx.mail.send() : ecoleId et toPersonId doivent être des identifiants entiers',
    );
  }
  if (typeof message.subject !== 'string' || message.subject.trim() === '') {
    throw new Error('ctx.mail.send() : le sujet (subject) est vide');
  }
  if (message.subject.length > MAX_SUBJECT_LENGTH) {
    throw new Error(
      `ctx.mail.send() : le sujet dépasse ${MAX_SUBJECT_LENGTH} caractères (${message.subject.length})`,
    );
  }
  if (/[\r\n]/.test(message.subject)) {
    throw new Error('ctx.mail.send() : le sujet tient sur une ligne (pas de retour à la ligne)');
  }
  if (typeof message.text !== 'string' || message.text.trim() === '') {
    throw new Error('ctx.mail.send() : le texte (text) est vide ; il est toujours envoyé');
  }
  if (message.html !== undefined && typeof message.html !== 'string') {
    throw new Error('ctx.mail.send() : html doit être une chaîne');
  }
  return checkHeaders(message.headers);
}

function checkHeaders(headers: MailMessage['headers']): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new Error('ctx.mail.send() : headers doit être un objet { nom: valeur }');
  }
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new Error(`ctx.mail.send() : nom d’en-tête invalide « ${name} »`);
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new Error(
        `ctx.mail.send() : l’en-tête « ${name} » est réservé à Préau, qui choisit seul ` +
          'l’expéditeur, le destinataire et le sujet',
      );
    }
    // A line break in a value would start a header of the plugin's choosing (header injection).
    if (typeof value !== 'string' || /[\r\n]/.test(value)) {
      throw new Error(
        `ctx.mail.send() : la valeur de l’en-tête « ${name} » doit tenir sur une ligne`,
      );
    }
    checked[name] = value;
  }
  return checked;
}
