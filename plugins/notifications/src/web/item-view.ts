import { html, nothing, type PreauLocale, type TemplateResult } from '@preau/sdk/widget';

import { fullDateTime, relativeTime, type Translate } from './format.js';
import type { Item } from './types.js';

/** What the item list needs from the element showing it. */
export interface ItemListOptions {
  locale: PreauLocale;
  t: Translate;
  /** The item's link was followed (the navigation itself goes on): e.g. mark it read. */
  onOpen(item: Item): void;
  /** « Signaler » was pressed (the full list only). */
  onReport?: (item: Item, button: HTMLElement) => void;
  /** The bell and the widget: title, service and time only. */
  compact?: boolean;
  /** The full list gives each item a heading at this level. */
  headingLevel?: number;
}

/**
 * The list of items shared by the bell, the widget and the feed. An unread item says so in
 * words (« Non lu ») and has a bar at its start edge, so that colour is never the only sign.
 */
export function renderItems(items: readonly Item[], options: ItemListOptions): TemplateResult {
  return html`<ul class="items">
    ${items.map((item) => renderItem(item, options))}
  </ul>`;
}

function renderItem(item: Item, options: ItemListOptions): TemplateResult {
  const { t, locale } = options;
  const unread = item.readAt === null;
  const link = html`<a class="item-title" href=${item.url} @click=${() => options.onOpen(item)}
    >${item.title}</a
  >`;
  const time = html`<time
    datetime=${new Date(item.createdAt).toISOString()}
    title=${fullDateTime(item.createdAt, locale)}
    >${relativeTime(item.createdAt, locale, t)}</time
  >`;
  const badge = unread ? html`<span class="badge-unread">${t('item.unread')}</span>` : nothing;
  if (options.compact) {
    return html`<li class=${unread ? 'unread' : ''} data-item=${item.id}>
      ${badge} ${link}
      <p class="item-meta"><span>${item.pluginName}</span> ${time}</p>
    </li>`;
  }
  return html`<li class=${unread ? 'unread' : ''} data-item=${item.id}>
    <p class="item-meta">
      ${badge}<span>${item.pluginName}</span><span>${item.typeLabel}</span>${time}
    </p>
    ${internals.heading(options.headingLevel ?? 2, link)}
    ${item.text ? html`<p class="item-text">${item.text}</p>` : nothing}
    <p class="item-actions">
      ${
        item.reported
          ? html`<span class="muted">${t('item.reported')}</span>`
          : html`<button
              type="button"
              class="link"
              aria-label=${t('item.report-label', { title: item.title })}
              @click=${(event: Event) =>
                options.onReport?.(item, event.currentTarget as HTMLElement)}
            >
              ${t('item.report')}
            </button>`
      }
    </p>
  </li>`;
}

// Module-private helpers.

const internals = {
  /** Headings without a static-html tag: the few levels a list item can take. */
  heading(level: number, content: TemplateResult): TemplateResult {
    if (level <= 2) return html`<h2 class="item-heading">${content}</h2>`;
    if (level === 3) return html`<h3 class="item-heading">${content}</h3>`;
    return html`<h4 class="item-heading">${content}</h4>`;
  },
};
