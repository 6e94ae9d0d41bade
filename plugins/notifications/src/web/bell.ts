import { html, nothing, preauWidgetStyles } from '@preau/sdk/widget';

import { NotificationsElement } from './base.js';
import { renderItems } from './item-view.js';
import { LIVE_RECONNECTED, NOTIFICATIONS_CHANGED, unreadOf } from './live.js';
import { bellStyles, itemStyles } from './styles.js';
import type { Item, ItemsPage, Unread } from './types.js';

/** How many items the panel shows. */
const PANEL_ITEMS = 5;

/**
 * `<notifications-bell>`, in the portal header: a « Notifications » button with the unread
 * count as a badge, opening a panel with the five latest items, « Tout marquer comme lu »,
 * « Tout voir » and « Réglages ». The count follows live messages; a rise is announced
 * (« Nouvelle notification ») to screen readers. The panel is a disclosure: Escape or a click
 * outside closes it, Escape giving the focus back to the button.
 */
export class NotificationsBell extends NotificationsElement {
  static override properties = {
    ...NotificationsElement.properties,
    unread: { state: true },
    open: { state: true },
    items: { state: true },
    problem: { state: true },
    announcement: { state: true },
  };
  static override styles = [preauWidgetStyles, itemStyles, bellStyles];

  declare unread: number;
  declare open: boolean;
  declare items: Item[] | null;
  declare problem: string | null;
  declare announcement: string;

  /** Whether a count has arrived yet. */
  private counted = false;

  constructor() {
    super();
    this.unread = 0;
    this.open = false;
    this.items = null;
    this.problem = null;
    this.announcement = '';
  }

  protected override liveHandlers() {
    return {
      [NOTIFICATIONS_CHANGED]: (data: unknown) => {
        const unread = unreadOf(data);
        if (unread === null) void this.loadCount();
        else this.setCount(unread);
        if (this.open) void this.loadItems();
      },
      [LIVE_RECONNECTED]: () => {
        void this.loadCount();
        if (this.open) void this.loadItems();
      },
    };
  }

  protected override start(): void {
    void this.loadCount();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.onDocumentClick);
  }

  override render() {
    const label =
      this.unread === 0
        ? this.t('bell.label')
        : this.t(this.unread === 1 ? 'bell.unread.one' : 'bell.unread.many', {
            count: this.unread,
          });
    return html`<button
        type="button"
        class="toggle"
        aria-label=${label}
        title=${label}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="notifications-panel"
        @click=${this.toggle}
        @keydown=${this.onKeydown}
      >
        ${internals.bellIcon}
        ${
          this.unread > 0
            ? html`<span class="badge" aria-hidden="true"
                >${this.unread > 99 ? '99+' : this.unread}</span
              >`
            : nothing
        }
      </button>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      <div id="notifications-panel" class="panel" ?hidden=${!this.open} @keydown=${this.onKeydown}>
        ${this.open ? this.renderPanel() : nothing}
      </div>`;
  }

  private renderPanel() {
    return html`<h2>${this.t('bell.panel')}</h2>
      ${this.renderItems()}
      <div class="panel-actions">
        ${
          this.unread > 0
            ? html`<button type="button" @click=${this.readAll}>${this.t('read-all')}</button>`
            : nothing
        }
        <a href="/apps/notifications/" aria-label=${this.t('see-all-label')} @click=${this.close}
          >${this.t('see-all')}</a
        >
        <a
          href="/apps/notifications/reglages"
          aria-label=${this.t('settings-label')}
          @click=${this.close}
          >${this.t('settings')}</a
        >
      </div>`;
  }

  private renderItems() {
    if (this.problem) return html`<p class="error" role="alert">${this.problem}</p>`;
    if (!this.items) return html`<p class="muted" role="status">${this.t('loading')}</p>`;
    if (this.items.length === 0) return html`<p>${this.t('bell.empty')}</p>`;
    return renderItems(this.items, {
      locale: this.locale,
      t: this.tr,
      compact: true,
      onOpen: (item) => {
        this.close();
        if (item.readAt === null) void this.markRead(item);
      },
    });
  }

  /** Sets the count; announces a rise, which means something new arrived. */
  private setCount(unread: number) {
    // The first count is what was there before the page opened: nothing new to announce.
    const known = this.counted;
    this.counted = true;
    if (known && unread > this.unread) {
      // Emptied first, so that the same words said twice in a row are still announced.
      this.announcement = '';
      void this.updateComplete.then(() => (this.announcement = this.t('bell.new')));
    }
    this.unread = unread;
  }

  private async loadCount() {
    if (!this.pluginApi) return;
    try {
      const { unread } = await this.pluginApi.get<Unread>('/unread');
      this.setCount(unread);
    } catch {
      // The bell stays as it was: the feed page says what went wrong if the person opens it.
    }
  }

  private async loadItems() {
    if (!this.pluginApi) return;
    try {
      const page = await this.pluginApi.get<ItemsPage>('/items', {
        query: { limit: PANEL_ITEMS },
      });
      this.items = page.items;
      this.setCount(page.unread);
      this.problem = null;
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private async markRead(item: Item) {
    try {
      await this.pluginApi!.post(`/items/${item.id}/read`);
      this.unread = Math.max(0, this.unread - 1);
      this.items = (this.items ?? []).map((one) =>
        one.id === item.id ? { ...one, readAt: Date.now() } : one,
      );
    } catch {
      // Left unread: the person can still open it from the feed.
    }
  }

  private async readAll() {
    try {
      await this.pluginApi!.post('/items/read-all');
      this.unread = 0;
      this.items = (this.items ?? []).map((item) => ({
        ...item,
        readAt: item.readAt ?? Date.now(),
      }));
      // The button disappears: keep the focus in the panel.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.panel-actions a')?.focus();
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private readonly toggle = () => {
    this.open = !this.open;
    if (this.open) {
      this.items = null;
      void this.loadItems();
    }
  };

  private readonly close = () => {
    this.open = false;
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    // Handled here: the header's own Escape would otherwise fold the whole menu.
    event.stopPropagation();
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
  };

  private readonly onDocumentClick = (event: MouseEvent) => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };
}

// Module-private helpers.

const internals = {
  bellIcon: html`<svg
    width="20"
    height="20"
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>`,
};

if (!customElements.get('notifications-bell')) {
  customElements.define('notifications-bell', NotificationsBell);
}
