import { DateTime } from 'luxon';

import type { MailMessage, PluginContext } from '@preau/sdk';

import { ecoleSettings } from './catalog.js';
import {
  digestMail,
  immediateMail,
  unsubscribeUrl,
  type ComposedMail,
  type MailItem,
  type UnsubscribeLink,
} from './emails.js';
import type { LivePusher } from './live.js';
import { isQuiet, localInstant, quietUntil, type QuietHours } from './quiet-hours.js';
import { chunks, type NotificationStore } from './store.js';
import { UnsubscribeTokens } from './tokens.js';

/** What one delivery pass did, for the logs and the tests. */
export interface DeliveryReport {
  pushed: number;
  emailsSent: number;
  digestsSent: number;
}

/** Retention of the feed, and of handled reports. */
export const INBOX_RETENTION_MS = 90 * 24 * 3600_000;
export const REPORT_RETENTION_MS = 365 * 24 * 3600_000;

/**
 * The delivery job's work, callable directly: the `deliver` job runs it every minute with the
 * time it runs for. Each step is idempotent (what was done is recorded in the database), so a
 * pass run twice, or late, sends nothing twice.
 */
export class Delivery {
  private readonly tokens: UnsubscribeTokens;

  constructor(
    private readonly ctx: PluginContext,
    private readonly store: NotificationStore,
    private readonly live: LivePusher,
  ) {
    this.tokens = new UnsubscribeTokens(ctx.db);
  }

  /** Pushes newly visible items, sends due e-mails and digests. */
  async deliverDue(now: number): Promise<DeliveryReport> {
    const pushed = await this.live.pushVisible(now);
    const emailsSent = await this.sendImmediate(now);
    const digestsSent = await this.sendDigests(now);
    return { pushed, emailsSent, digestsSent };
  }

  /** Deletes feed rows older than 90 days and reports handled more than a year ago. */
  async purge(now: number): Promise<void> {
    const { db } = this.ctx;
    const before = now - INBOX_RETENTION_MS;
    await db.table('inbox').where('created_at', '<', before).delete();
    await db.table('items').where('created_at', '<', before).delete();
    await db.table('digests').where('sent_at', '<', before).delete();
    await db
      .table('reports')
      .whereNotNull('handled_at')
      .where('handled_at', '<', now - REPORT_RETENTION_MS)
      .delete();
  }

  /** One e-mail per item for the « e-mail immédiat » rows no longer held by quiet hours. */
  private async sendImmediate(now: number): Promise<number> {
    const rows = await this.pendingRows(now, ['email-immediate']);
    let sent = 0;
    const quiet = new QuietCache(this.ctx, this.store);
    for (const row of rows) {
      // The job may run late, into the next quiet period: then it waits for its end.
      if (await quiet.isQuietFor(row.ecole_id, row.person_id, now)) continue;
      const target = {
        ecoleId: row.ecole_id,
        personId: row.person_id,
        pluginId: row.plugin_id,
        type: row.type,
      };
      const mail = immediateMail({
        publicUrl: this.ctx.mail.publicUrl,
        ecoleName: await quiet.ecoleName(row.ecole_id),
        item: toMailItem(row),
        unsubscribe: await this.unsubscribeLink(target, row),
      });
      const outcome = await this.send(row.ecole_id, row.person_id, mail);
      if (outcome === 'failed') continue;
      await this.ctx.db
        .table('inbox')
        .where('id', row.id)
        .update({ email_state: outcome, emailed_at: now });
      if (outcome === 'sent') sent += 1;
    }
    return sent;
  }

  /**
   * Daily digests at the école's digestTime, weekly ones on Friday at that time; each at its
   * time or, when that falls in the person's quiet hours, when they end. A digest carries the
   * pending items notified before its time; the `digests` table says which were sent.
   */
  private async sendDigests(now: number): Promise<number> {
    const rows = await this.pendingRows(now, ['digest-daily', 'digest-weekly']);
    const groups = new Map<string, PendingRow[]>();
    for (const row of rows) {
      const key = `${row.ecole_id}/${row.person_id}/${row.channel}`;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    const quiet = new QuietCache(this.ctx, this.store);
    let sent = 0;
    for (const group of groups.values()) {
      const [first] = group as [PendingRow];
      const { ecole_id: ecoleId, person_id: personId } = first;
      const kind = first.channel === 'digest-daily' ? 'daily' : 'weekly';
      const { timeZone, digestTime } = await quiet.settings(ecoleId);
      const slot = latestSlot(now, kind, timeZone, digestTime);
      const due = group.filter((row) => row.created_at <= slot);
      if (due.length === 0) continue;
      const quietHours = await quiet.of(ecoleId, personId);
      if (quietUntil(slot, quietHours, timeZone) > now || isQuiet(now, quietHours, timeZone)) {
        continue;
      }
      const already = await this.ctx.db
        .table('digests')
        .where({ ecole_id: ecoleId, person_id: personId, kind, slot })
        .first('id');
      if (already) continue;
      const links = new Map<string, UnsubscribeLink>();
      for (const row of due) {
        const key = `${row.plugin_id}/${row.type}`;
        if (links.has(key)) continue;
        const target = { ecoleId, personId, pluginId: row.plugin_id, type: row.type };
        links.set(key, await this.unsubscribeLink(target, row));
      }
      const mail = digestMail({
        publicUrl: this.ctx.mail.publicUrl,
        ecoleName: await quiet.ecoleName(ecoleId),
        kind,
        items: due.map(toMailItem),
        unsubscribe: [...links.values()],
      });
      const outcome = await this.send(ecoleId, personId, mail);
      if (outcome === 'failed') continue;
      await this.ctx.db.transaction(async (trx) => {
        await trx.forEcole(ecoleId).insert('digests', {
          person_id: personId,
          kind,
          slot,
          state: outcome,
          items: due.length,
          sent_at: now,
        });
        for (const chunk of chunks(due.map((row) => row.id))) {
          await trx
            .table('inbox')
            .whereIn('id', chunk)
            .update({ email_state: outcome, emailed_at: now });
        }
      });
      if (outcome === 'sent') sent += 1;
    }
    return sent;
  }

  /** Rows waiting for an e-mail, visible by `now`, with their item. */
  private async pendingRows(now: number, channels: string[]): Promise<PendingRow[]> {
    const inbox = this.ctx.db.tableName('inbox');
    const items = this.ctx.db.tableName('items');
    const rows = (await this.ctx.db
      .table('inbox')
      .join(items, `${items}.id`, `${inbox}.item_id`)
      .where(`${inbox}.email_state`, 'pending')
      .whereIn(`${inbox}.channel`, channels)
      .where(`${inbox}.visible_at`, '<=', now)
      .orderBy(`${inbox}.id`)
      .select(
        `${inbox}.id`,
        `${inbox}.ecole_id`,
        `${inbox}.person_id`,
        `${inbox}.channel`,
        `${inbox}.created_at`,
        `${items}.plugin_id`,
        `${items}.plugin_name`,
        `${items}.type`,
        `${items}.type_label`,
        `${items}.title`,
        `${items}.text`,
        `${items}.url`,
      )) as PendingRow[];
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      ecole_id: Number(row.ecole_id),
      person_id: Number(row.person_id),
      created_at: Number(row.created_at),
    }));
  }

  private async unsubscribeLink(
    target: { ecoleId: number; personId: number; pluginId: string; type: string },
    row: PendingRow,
  ): Promise<UnsubscribeLink> {
    const token = await this.tokens.tokenFor(target);
    return {
      pluginName: row.plugin_name,
      typeLabel: row.type_label,
      url: unsubscribeUrl(this.ctx.mail.publicUrl, token),
    };
  }

  /**
   * Sends one e-mail: 'sent', the refusal to record ('pupil', 'no-address'…: never retried), or
   * 'failed' when the SMTP server rejected it (tried again at the next pass).
   */
  private async send(ecoleId: number, personId: number, mail: ComposedMail) {
    const message: MailMessage = { ecoleId, toPersonId: personId, ...mail };
    try {
      const outcome = await this.ctx.mail.send(message);
      return outcome.sent ? 'sent' : outcome.reason;
    } catch (error) {
      this.ctx.log.warn(
        { ecoleId, personId, error: (error as Error).message },
        'E-mail non envoyé : nouvel essai au prochain passage',
      );
      return 'failed';
    }
  }
}

/**
 * The latest digest time at or before `now`: today's (or yesterday's) digestTime for a daily
 * digest, the last Friday's for a weekly one, in the école's time zone.
 */
export function latestSlot(
  now: number,
  kind: 'daily' | 'weekly',
  zone: string,
  digestTime: string,
): number {
  let day = DateTime.fromMillis(now, { zone }).startOf('day');
  for (let i = 0; i < 8; i += 1) {
    const candidate = localInstant(day, digestTime);
    if (candidate <= now && (kind === 'daily' || day.weekday === 5)) return candidate;
    day = day.minus({ days: 1 });
  }
  throw new Error('latestSlot : aucun créneau dans la semaine');
}

// Module-private helpers.

interface PendingRow {
  id: number;
  ecole_id: number;
  person_id: number;
  channel: string;
  created_at: number;
  plugin_id: string;
  plugin_name: string;
  type: string;
  type_label: string;
  title: string;
  text: string | null;
  url: string;
}

function toMailItem(row: PendingRow): MailItem {
  return {
    pluginName: row.plugin_name,
    typeLabel: row.type_label,
    title: row.title,
    text: row.text ?? null,
    url: row.url,
  };
}

/** Settings, quiet hours and names looked up once per pass. */
class QuietCache {
  private readonly settingsByEcole = new Map<
    number,
    Promise<{ timeZone: string; digestTime: string }>
  >();
  private readonly ecoleQuiet = new Map<number, Promise<QuietHours>>();
  private readonly names = new Map<number, Promise<string>>();

  constructor(
    private readonly ctx: PluginContext,
    private readonly store: NotificationStore,
  ) {}

  settings(ecoleId: number) {
    return remember(this.settingsByEcole, ecoleId, () => ecoleSettings(this.ctx, ecoleId));
  }

  ecoleName(ecoleId: number) {
    return remember(this.names, ecoleId, async () => {
      const ecole = await this.ctx.directory.ecole(ecoleId);
      return ecole?.name ?? 'votre école';
    });
  }

  async of(ecoleId: number, personId: number): Promise<QuietHours> {
    const ecole = await remember(this.ecoleQuiet, ecoleId, () =>
      this.store.ecoleQuietHours(ecoleId),
    );
    return [...ecole, ...(await this.store.extraQuietHours(ecoleId, personId))];
  }

  async isQuietFor(ecoleId: number, personId: number, now: number): Promise<boolean> {
    const { timeZone } = await this.settings(ecoleId);
    return isQuiet(now, await this.of(ecoleId, personId), timeZone);
  }
}

function remember<K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}
