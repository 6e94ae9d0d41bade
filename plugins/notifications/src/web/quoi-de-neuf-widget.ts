import { css, html, preauWidgetStyles } from '@preau/sdk/widget';

import { NotificationsElement } from './base.js';
import { renderItems } from './item-view.js';
import { LIVE_RECONNECTED, NOTIFICATIONS_CHANGED } from './live.js';
import { itemStyles } from './styles.js';
import type { Item, ItemsPage } from './types.js';

/** The fewest and most items the widget shows, whatever its size. */
const FEWEST = 3;
const MOST = 6;
/** Roughly what one compact item takes, and the room for the « Tout voir » link. */
const ITEM_HEIGHT_PX = 64;
const FOOTER_PX = 56;

/**
 * `<notifications-quoi-de-neuf>`, the dashboard widget « Quoi de neuf ? »: the latest items,
 * as many as the widget's height holds (3 to 6), and « Tout voir ». It shows the dashboard's
 * data first, then loads the six latest itself, again at each live message.
 */
export class QuoiDeNeufWidget extends NotificationsElement<{ items?: Item[] }> {
  static override widgetId = 'quoi-de-neuf';
  static override properties = {
    ...NotificationsElement.properties,
    items: { state: true },
    problem: { state: true },
    room: { state: true },
  };
  static override styles = [
    preauWidgetStyles,
    itemStyles,
    css`
      .see-all {
        display: inline-flex;
        align-items: center;
        min-height: var(--preau-touch-target, 2.75rem);
      }
    `,
  ];

  declare items: Item[] | null;
  declare problem: string | null;
  /** How many items fit. */
  declare room: number;

  private readonly resizes = new ResizeObserver(([entry]) => {
    const height = entry?.contentRect.height ?? 0;
    const fits = Math.floor((height - FOOTER_PX) / ITEM_HEIGHT_PX);
    this.room = Math.min(MOST, Math.max(FEWEST, fits));
  });

  constructor() {
    super();
    this.items = null;
    this.problem = null;
    this.room = FEWEST;
  }

  protected override liveHandlers() {
    const reload = () => void this.load();
    return { [NOTIFICATIONS_CHANGED]: reload, [LIVE_RECONNECTED]: reload };
  }

  protected override start(): void {
    void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizes.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizes.disconnect();
  }

  override render() {
    return html`${this.renderBody()}
      <p>
        <a class="see-all" href="/apps/notifications/" aria-label=${this.t('see-all-label')}
          >${this.t('see-all')}</a
        >
      </p>`;
  }

  private renderBody() {
    if (this.problem) return html`<p class="error" role="alert">${this.problem}</p>`;
    // The dashboard's data (the five latest) until the widget's own load has answered.
    const items = this.items ?? this.data?.items;
    if (!items) return html`<p class="muted" role="status">${this.t('loading')}</p>`;
    if (items.length === 0) return html`<p>${this.t('widget.empty')}</p>`;
    return renderItems(items.slice(0, this.room), {
      locale: this.locale,
      t: this.tr,
      compact: true,
      onOpen: (item) => {
        // Best effort: the link is followed either way.
        if (item.readAt === null) this.pluginApi?.post(`/items/${item.id}/read`).catch(() => {});
      },
    });
  }

  private async load() {
    if (!this.pluginApi) return;
    try {
      const page = await this.pluginApi.get<ItemsPage>('/items', { query: { limit: MOST } });
      this.items = page.items;
      this.problem = null;
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }
}

if (!customElements.get('notifications-quoi-de-neuf')) {
  customElements.define('notifications-quoi-de-neuf', QuoiDeNeufWidget);
}
