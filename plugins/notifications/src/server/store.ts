import type { NotificationChannel, PluginDatabase } from '@preau/sdk';

import { DEFAULT_QUIET_HOURS, type QuietHours } from './quiet-hours.js';

/** An item of a person's feed, as the HTTP contract shows it. */
export interface FeedItem {
  id: number;
  pluginId: string;
  pluginName: string;
  type: string;
  typeLabel: string;
  title: string;
  text: string | null;
  url: string;
  createdAt: number;
  readAt: number | null;
  reported: boolean;
}

/** What one `notify()` stores: the item, and one inbox row per recipient. */
export interface NewItem {
  ecoleId: number;
  pluginId: string;
  pluginName: string;
  type: string;
  typeLabel: string;
  title: string;
  text: string | null;
  url: string;
  actorId: number | null;
  createdAt: number;
}

/** A recipient's inbox row, decided by the notifier. */
export interface NewInboxRow {
  personId: number;
  channel: NotificationChannel;
  visibleAt: number;
  /** 'pending' when an e-mail (immediate or digest) is to be sent; null otherwise. */
  emailState: 'pending' | null;
}

/**
 * The plugin's tables for the feed, the choices and quiet hours, always through the scoped
 * database of one école (the delivery job, which works across écoles, has its own queries).
 */
export class NotificationStore {
  constructor(private readonly db: PluginDatabase) {}

  /** The école's quiet hours: its own, or the default when it never set any. */
  async ecoleQuietHours(ecoleId: number): Promise<QuietHours> {
    const row = await this.db
      .forEcole(ecoleId)
      .table('quiet_hours')
      .whereNull('person_id')
      .first('intervals');
    return row ? (JSON.parse(String(row.intervals)) as QuietHours) : DEFAULT_QUIET_HOURS;
  }

  /** A person's own additions to the école's quiet hours. */
  async extraQuietHours(ecoleId: number, personId: number): Promise<QuietHours> {
    return (await this.extraQuietHoursOf(ecoleId, [personId])).get(personId) ?? [];
  }

  /** The additions of several people, by person (absent: none). */
  async extraQuietHoursOf(ecoleId: number, personIds: number[]): Promise<Map<number, QuietHours>> {
    const found = new Map<number, QuietHours>();
    for (const chunk of chunks(personIds)) {
      const rows = (await this.db
        .forEcole(ecoleId)
        .table('quiet_hours')
        .whereIn('person_id', chunk)
        .select('person_id', 'intervals')) as Array<{ person_id: number; intervals: string }>;
      for (const row of rows) {
        found.set(Number(row.person_id), JSON.parse(String(row.intervals)) as QuietHours);
      }
    }
    return found;
  }

  /** Replaces the école's quiet hours (`personId` null) or a person's additions. */
  async setQuietHours(ecoleId: number, personId: number | null, quietHours: QuietHours) {
    await this.db.transaction(async (trx) => {
      const scoped = trx.forEcole(ecoleId);
      const mine = scoped.table('quiet_hours');
      await (
        personId === null ? mine.whereNull('person_id') : mine.where('person_id', personId)
      ).delete();
      if (personId !== null && quietHours.length === 0) return;
      await scoped.insert('quiet_hours', {
        person_id: personId,
        intervals: JSON.stringify(quietHours),
      });
    });
  }

  /** The channels people chose for one type (absent: the manifest's default applies). */
  async chosenChannels(
    ecoleId: number,
    personIds: number[],
    pluginId: string,
    type: string,
  ): Promise<Map<number, NotificationChannel>> {
    const found = new Map<number, NotificationChannel>();
    for (const chunk of chunks(personIds)) {
      const rows = (await this.db
        .forEcole(ecoleId)
        .table('preferences')
        .where({ plugin_id: pluginId, type })
        .whereIn('person_id', chunk)
        .select('person_id', 'channel')) as Array<{ person_id: number; channel: string }>;
      for (const row of rows) found.set(Number(row.person_id), row.channel as NotificationChannel);
    }
    return found;
  }

  /** Every channel a person chose in an école, keyed `pluginId/type`. */
  async preferencesOf(
    ecoleId: number,
    personId: number,
  ): Promise<Map<string, NotificationChannel>> {
    const rows = (await this.db
      .forEcole(ecoleId)
      .table('preferences')
      .where('person_id', personId)
      .select('plugin_id', 'type', 'channel')) as Array<{
      plugin_id: string;
      type: string;
      channel: string;
    }>;
    return new Map(
      rows.map((row) => [`${row.plugin_id}/${row.type}`, row.channel as NotificationChannel]),
    );
  }

  /** Sets some of a person's channels, all or none (`trx`: inside the caller's transaction). */
  async setChannels(
    trx: PluginDatabase,
    ecoleId: number,
    personId: number,
    channels: Array<{ pluginId: string; type: string; channel: NotificationChannel }>,
  ): Promise<void> {
    const scoped = trx.forEcole(ecoleId);
    for (const { pluginId, type, channel } of channels) {
      await scoped
        .table('preferences')
        .where({ person_id: personId, plugin_id: pluginId, type })
        .delete();
      await scoped.insert('preferences', {
        person_id: personId,
        plugin_id: pluginId,
        type,
        channel,
      });
      // E-mails still waiting under another channel are dropped: after « ne plus recevoir »,
      // nothing more arrives, not even what quiet hours were holding. The items stay in the feed.
      const itemIds = scoped.table('items').where({ plugin_id: pluginId, type }).select('id');
      await scoped
        .table('inbox')
        .where({ person_id: personId, email_state: 'pending' })
        .whereNot('channel', channel)
        .whereIn('item_id', itemIds)
        .update({ email_state: null });
    }
  }

  /** Stores an item and its recipients' rows in one transaction; resolves to the item's id. */
  async addItem(item: NewItem, recipients: NewInboxRow[]): Promise<number | null> {
    if (recipients.length === 0) return null;
    return this.db.transaction(async (trx) => {
      const scoped = trx.forEcole(item.ecoleId);
      const [itemId] = await scoped.insert('items', {
        plugin_id: item.pluginId,
        plugin_name: item.pluginName,
        type: item.type,
        type_label: item.typeLabel,
        title: item.title,
        text: item.text,
        url: item.url,
        actor_id: item.actorId,
        created_at: item.createdAt,
      });
      for (const chunk of chunks(recipients)) {
        // One statement per chunk: an école-wide notification is hundreds of rows.
        await scoped.table('inbox').insert(
          chunk.map((recipient) => ({
            item_id: itemId,
            person_id: recipient.personId,
            channel: recipient.channel,
            created_at: item.createdAt,
            visible_at: recipient.visibleAt,
            read_at: null,
            pushed: 0,
            email_state: recipient.emailState,
            emailed_at: null,
          })),
        );
      }
      return Number(itemId);
    });
  }

  /** How many items visible to a person are unread. */
  async unread(ecoleId: number, personId: number, now: number): Promise<number> {
    const row = await this.visible(ecoleId, personId, now).whereNull('read_at').count({ n: '*' });
    return Number(row[0]?.n ?? 0);
  }

  /** The unread counts of several people of an école (0 for those with none). */
  async unreadOf(ecoleId: number, personIds: number[], now: number): Promise<Map<number, number>> {
    const counts = new Map<number, number>(personIds.map((id) => [id, 0]));
    for (const chunk of chunks(personIds)) {
      const rows = (await this.db
        .forEcole(ecoleId)
        .table('inbox')
        .whereIn('person_id', chunk)
        .where('visible_at', '<=', now)
        .whereNull('read_at')
        .groupBy('person_id')
        .select('person_id')
        .count({ n: '*' })) as Array<{ person_id: number; n: number | string }>;
      for (const row of rows) counts.set(Number(row.person_id), Number(row.n));
    }
    return counts;
  }

  /** A page of a person's feed, newest first, before an inbox id. */
  async feed(
    ecoleId: number,
    personId: number,
    now: number,
    before: number | undefined,
    limit: number,
  ): Promise<{ items: FeedItem[]; nextBefore: number | null }> {
    const inbox = this.db.tableName('inbox');
    const items = this.db.tableName('items');
    const reports = this.db.tableName('reports');
    let query = this.visible(ecoleId, personId, now)
      .join(items, `${items}.id`, `${inbox}.item_id`)
      .leftJoin(reports, `${reports}.inbox_id`, `${inbox}.id`)
      .orderBy(`${inbox}.id`, 'desc')
      .limit(limit + 1)
      .select(
        `${inbox}.id as id`,
        `${items}.plugin_id`,
        `${items}.plugin_name`,
        `${items}.type`,
        `${items}.type_label`,
        `${items}.title`,
        `${items}.text`,
        `${items}.url`,
        `${inbox}.created_at`,
        `${inbox}.read_at`,
        `${reports}.id as report_id`,
      );
    if (before !== undefined) query = query.where(`${inbox}.id`, '<', before);
    const rows = (await query) as FeedRow[];
    const page = rows.slice(0, limit).map(toFeedItem);
    const last = page.at(-1);
    return { items: page, nextBefore: rows.length > limit && last ? last.id : null };
  }

  /** One visible item of a person, or null (not theirs, another école's, still held). */
  async itemOf(ecoleId: number, personId: number, inboxId: number, now: number) {
    const items = this.db.tableName('items');
    const inbox = this.db.tableName('inbox');
    const row = (await this.visible(ecoleId, personId, now)
      .join(items, `${items}.id`, `${inbox}.item_id`)
      .where(`${inbox}.id`, inboxId)
      .first(
        `${inbox}.id as id`,
        `${items}.plugin_name`,
        `${items}.type_label`,
        `${items}.title`,
        `${items}.text`,
        `${items}.url`,
      )) as
      | {
          id: number;
          plugin_name: string;
          type_label: string;
          title: string;
          text: string | null;
          url: string;
        }
      | undefined;
    return row ?? null;
  }

  /** Marks one visible item read; false when it is not the person's. */
  async markRead(ecoleId: number, personId: number, inboxId: number, now: number) {
    const item = await this.itemOf(ecoleId, personId, inboxId, now);
    if (!item) return false;
    await this.db
      .forEcole(ecoleId)
      .table('inbox')
      .where({ id: inboxId, person_id: personId })
      .whereNull('read_at')
      .update({ read_at: now });
    return true;
  }

  /** Marks every visible item of a person read. */
  async markAllRead(ecoleId: number, personId: number, now: number): Promise<void> {
    await this.db
      .forEcole(ecoleId)
      .table('inbox')
      .where('person_id', personId)
      .where('visible_at', '<=', now)
      .whereNull('read_at')
      .update({ read_at: now });
  }

  // The inbox rows of a person in an école that are no longer held by quiet hours.
  private visible(ecoleId: number, personId: number, now: number) {
    const inbox = this.db.tableName('inbox');
    return this.db
      .forEcole(ecoleId)
      .table('inbox')
      .where(`${inbox}.person_id`, personId)
      .where(`${inbox}.visible_at`, '<=', now);
  }
}

/** Lists cut in pieces small enough for one `IN (…)` or one multi-row insert. */
export function chunks<T>(list: readonly T[], size = 200): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < list.length; i += size) pieces.push(list.slice(i, i + size));
  return pieces;
}

// Module-private helpers.

interface FeedRow {
  id: number;
  plugin_id: string;
  plugin_name: string;
  type: string;
  type_label: string;
  title: string;
  text: string | null;
  url: string;
  created_at: number;
  read_at: number | null;
  report_id: number | null;
}

function toFeedItem(row: FeedRow): FeedItem {
  return {
    id: Number(row.id),
    pluginId: row.plugin_id,
    pluginName: row.plugin_name,
    type: row.type,
    typeLabel: row.type_label,
    title: row.title,
    text: row.text ?? null,
    url: row.url,
    createdAt: Number(row.created_at),
    readAt: row.read_at === null || row.read_at === undefined ? null : Number(row.read_at),
    reported: row.report_id !== null && row.report_id !== undefined,
  };
}
