import { html, nothing, preauWidgetStyles } from '@preau/sdk/widget';

import { NotificationsElement } from './base.js';
import { countKey } from './format.js';
import { renderItems } from './item-view.js';
import { LIVE_RECONNECTED, NOTIFICATIONS_CHANGED } from './live.js';
import type { ReportDialog } from './report-dialog.js';
import './report-dialog.js';
import { itemStyles, pageStyles } from './styles.js';
import type { Item, ItemsPage } from './types.js';

/** Items per page of the feed. */
const PAGE_SIZE = 20;

/**
 * `<notifications-page-fil>`, « Quoi de neuf ? » at `/apps/notifications/`: my feed, newest
 * first, « Voir plus » for older items, « Tout marquer comme lu », and « Signaler » on each
 * item. New items appear without reloading the page (live messages), and are announced.
 */
export class FilPage extends NotificationsElement {
  static override properties = {
    ...NotificationsElement.properties,
    path: { type: String },
    items: { state: true },
    unread: { state: true },
    nextBefore: { state: true },
    problem: { state: true },
    announcement: { state: true },
    busy: { state: true },
  };
  static override styles = [preauWidgetStyles, pageStyles, itemStyles];

  /** What follows `/apps/notifications` in the address (the shell sets it). */
  declare path: string;
  declare items: Item[] | null;
  declare unread: number;
  declare nextBefore: number | null;
  declare problem: string | null;
  declare announcement: string;
  declare busy: boolean;

  constructor() {
    super();
    this.path = '/';
    this.items = null;
    this.unread = 0;
    this.nextBefore = null;
    this.problem = null;
    this.announcement = '';
    this.busy = false;
  }

  protected override liveHandlers() {
    const refresh = () => void this.refresh();
    return { [NOTIFICATIONS_CHANGED]: refresh, [LIVE_RECONNECTED]: refresh };
  }

  protected override start(): void {
    void this.loadFirst();
  }

  override render() {
    return html`<h1 tabindex="-1">${this.t('fil.title')}</h1>
      <p class="intro">
        ${this.t('fil.intro')}
        <a href="/apps/notifications/reglages">${this.t('fil.settings')}</a>
      </p>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.renderBody()}
      <notifications-report-dialog
        @notifications-reported=${this.onReported}
        @notifications-dialog-closed=${this.onDialogClosed}
      ></notifications-report-dialog>`;
  }

  private renderBody() {
    if (this.problem && !this.items) {
      return html`<div role="alert"><p class="error">${this.problem}</p></div>
        <button type="button" @click=${() => this.loadFirst()}>${this.t('retry')}</button>`;
    }
    if (!this.items) return html`<p role="status">${this.t('loading')}</p>`;
    if (this.items.length === 0) return html`<p>${this.t('fil.empty')}</p>`;
    return html`<div class="actions">
        <p class="unread-count">
          ${this.t(countKey('fil.unread', this.unread, true), { count: this.unread })}
        </p>
        ${
          this.unread > 0
            ? html`<button type="button" @click=${this.readAll}>${this.t('read-all')}</button>`
            : nothing
        }
      </div>
      ${renderItems(this.items, {
        locale: this.locale,
        t: this.tr,
        headingLevel: 2,
        onOpen: (item) => {
          if (item.readAt === null) void this.markRead(item);
        },
        onReport: (item, button) => void this.dialog?.open(item, button),
      })}
      <div role="alert">${this.problem ? html`<p class="error">${this.problem}</p>` : nothing}</div>
      ${
        this.nextBefore !== null
          ? html`<div class="actions">
              <button type="button" ?disabled=${this.busy} @click=${this.loadMore}>
                ${this.t('fil.more')}
              </button>
            </div>`
          : html`<p class="muted">${this.t('fil.end')}</p>`
      }`;
  }

  private async loadFirst() {
    if (!this.pluginApi) {
      this.problem = this.t('no-api');
      return;
    }
    this.problem = null;
    try {
      const page = await this.pluginApi.get<ItemsPage>('/items', { query: { limit: PAGE_SIZE } });
      this.items = page.items;
      this.unread = page.unread;
      this.nextBefore = page.nextBefore;
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  /**
   * A live message: the first page again, merged with what is shown (older pages stay), new
   * items on top and announced, read states brought up to date.
   */
  private async refresh() {
    if (!this.pluginApi || !this.items) return;
    try {
      const page = await this.pluginApi.get<ItemsPage>('/items', { query: { limit: PAGE_SIZE } });
      const known = new Set(this.items.map((item) => item.id));
      const fresh = new Map(page.items.map((item) => [item.id, item]));
      const added = page.items.filter((item) => !known.has(item.id)).length;
      const oldest = page.items[page.items.length - 1]?.id;
      const older = this.items.filter(
        (item) => !fresh.has(item.id) && (oldest === undefined || item.id < oldest),
      );
      this.items = [...page.items, ...older];
      this.unread = page.unread;
      if (older.length === 0) this.nextBefore = page.nextBefore;
      if (added > 0) this.announce(this.t(countKey('fil.new', added), { count: added }));
    } catch {
      // The page keeps what it shows; the next message or a reload will catch up.
    }
  }

  private readonly loadMore = async () => {
    if (this.nextBefore === null || !this.items || this.busy) return;
    this.busy = true;
    this.problem = null;
    try {
      const page = await this.pluginApi!.get<ItemsPage>('/items', {
        query: { before: this.nextBefore, limit: PAGE_SIZE },
      });
      const first = page.items[0];
      this.items = [...this.items, ...page.items];
      this.nextBefore = page.nextBefore;
      this.unread = page.unread;
      // The button may be gone: take the person to the first of the items just shown.
      await this.updateComplete;
      if (first) {
        this.renderRoot.querySelector<HTMLElement>(`li[data-item="${first.id}"] a`)?.focus();
      }
    } catch (error) {
      this.problem = (error as Error).message;
    } finally {
      this.busy = false;
    }
  };

  private async markRead(item: Item) {
    try {
      await this.pluginApi!.post(`/items/${item.id}/read`);
      this.replace(item.id, { readAt: Date.now() });
      this.unread = Math.max(0, this.unread - 1);
    } catch {
      // Left unread: the link was followed all the same.
    }
  }

  private readonly readAll = async () => {
    try {
      await this.pluginApi!.post('/items/read-all');
      const now = Date.now();
      this.items = (this.items ?? []).map((item) => ({ ...item, readAt: item.readAt ?? now }));
      this.unread = 0;
      this.announce(this.t('read-all.done'));
      // The button disappears with nothing left unread: keep the focus on the page.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.problem = (error as Error).message;
    }
  };

  private readonly onReported = (event: Event) => {
    const { id } = (event as CustomEvent<{ id: number }>).detail;
    this.replace(id, { reported: true });
  };

  /** The dialog's opener (« Signaler ») is gone once reported: focus the item's link. */
  private readonly onDialogClosed = (event: Event) => {
    const id = (event.target as ReportDialog).item?.id;
    if (id !== undefined) {
      this.renderRoot.querySelector<HTMLElement>(`li[data-item="${id}"] a`)?.focus();
    }
  };

  private replace(id: number, change: Partial<Item>) {
    this.items = (this.items ?? []).map((item) => (item.id === id ? { ...item, ...change } : item));
  }

  private announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private get dialog(): ReportDialog | null {
    return this.renderRoot.querySelector('notifications-report-dialog');
  }
}

if (!customElements.get('notifications-page-fil')) {
  customElements.define('notifications-page-fil', FilPage);
}
