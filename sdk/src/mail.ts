/**
 * An e-mail to a person, sent by core through the platform's SMTP server. The plugin never
 * sees the address: core looks it up, and sends nothing to a pupil, to a person without an
 * address or without an active account, or to someone who is not a member of `ecoleId` (where
 * the plugin must be enabled).
 *
 * @example
 * ```ts
 * const outcome = await ctx.mail.send({
 *   ecoleId: ecole.id,
 *   toPersonId: parent.id,
 *   subject: 'Préau : 3 nouveautés à l’école Jules-Ferry',
 *   text: 'Bonjour,\n…',
 *   html: '<p>Bonjour,</p>…',
 *   headers: { 'List-Unsubscribe': '<https://ent.example.fr/…>' },
 * });
 * if (!outcome.sent) ctx.log.info({ reason: outcome.reason }, 'Pas d’e-mail');
 * ```
 */
export interface MailMessage {
  ecoleId: number;
  toPersonId: number;
  subject: string;
  /** The plain-text body, always sent. */
  text: string;
  /** An HTML alternative; the plugin escapes what it puts in it. */
  html?: string;
  /** Extra headers (`List-Unsubscribe`, `List-Unsubscribe-Post`…); never address headers. */
  headers?: Record<string, string>;
}

/**
 * Why an e-mail was not sent: the person is a pupil, has no address, is not a member of the
 * école, has an account never activated or blocked, or the plugin is not enabled there.
 */
export type MailRefusal =
  'pupil' | 'no-address' | 'not-member' | 'inactive-account' | 'plugin-disabled';

/** What became of an e-mail: sent, or why not. A failing SMTP server rejects instead. */
export type MailOutcome = { sent: true } | { sent: false; reason: MailRefusal };

/**
 * Sending e-mail to people (`ctx.mail`).
 *
 * @example
 * ```ts
 * await ctx.mail.send({ ecoleId, toPersonId, subject, text });
 * ```
 */
export interface PluginMail {
  send(message: MailMessage): Promise<MailOutcome>;
  /** The portal's public address (`server.publicUrl`), to make links in messages absolute. */
  readonly publicUrl: string;
}
