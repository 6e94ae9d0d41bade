import {
  css,
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import type { PreauLocale } from '@preau/sdk/widget';

import { localized } from '../i18n/catalogue.js';
import type { PlacedHeaderItem } from './header-items.js';
import { shellStyles } from './shell-styles.js';

type Status = 'loading' | 'ready' | 'failed';

/**
 * Holds one plugin's header item in the header's `tools` slot: imports its module lazily,
 * creates its element once (it is inside the shell, so it receives the same contexts as widgets
 * and pages: API client, locale, user) and shows the item's label meanwhile. A module that fails
 * is logged and the item hidden: the header never breaks for a plugin.
 */
export class PreauHeaderItem extends LitElement {
  static override properties: PropertyDeclarations = {
    placed: { attribute: false },
    locale: {},
    status: { state: true },
  };

  declare placed: PlacedHeaderItem | undefined;
  declare locale: PreauLocale;
  declare status: Status;

  private element: HTMLElement | null = null;
  private loadedUrl: string | null = null;

  constructor() {
    super();
    this.placed = undefined;
    this.locale = 'fr';
    this.status = 'loading';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const placed = this.placed;
    if (!changed.has('placed') || !placed || placed.moduleUrl === this.loadedUrl) return;
    this.loadedUrl = placed.moduleUrl;
    void this.load(placed);
  }

  override render() {
    if (this.status === 'ready') return this.element ?? nothing;
    if (this.status === 'failed' || !this.placed) return nothing;
    return html`<span class="muted">${localized(this.placed.item.label, this.locale)}</span>`;
  }

  private async load(placed: PlacedHeaderItem) {
    this.status = 'loading';
    this.hidden = false;
    const { tag } = placed.item;
    try {
      if (!customElements.get(tag)) await import(placed.moduleUrl);
      if (!customElements.get(tag)) throw new Error(`Le module ne définit pas l’élément <${tag}>.`);
      if (placed.moduleUrl !== this.loadedUrl) return; // A newer item replaced this one.
      this.element = document.createElement(tag);
      this.status = 'ready';
    } catch (error) {
      if (placed.moduleUrl !== this.loadedUrl) return;
      // For whoever maintains the plugin; the person simply does not see the item.
      // eslint-disable-next-line no-console
      console.error(`Élément d’en-tête ${placed.key} :`, error);
      this.element = null;
      this.status = 'failed';
      this.hidden = true;
    }
  }

  static override styles = [
    shellStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        min-width: 0;
        max-width: 100%;
      }
      .muted {
        font-size: var(--preau-font-size-small, 0.875rem);
      }
    `,
  ];
}

customElements.define('preau-header-item', PreauHeaderItem);
