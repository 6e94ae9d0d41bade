import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { PreauLocale } from '@preau/sdk/widget';

import type { EnabledPlugin, NavigationEntry, ThemeId } from '../api/types.js';
import { localized, t } from '../i18n/catalogue.js';
import { shellStyles } from './shell-styles.js';

/** One tile: a navigation entry of an enabled plugin. */
interface Tile {
  key: string;
  href: string;
  label: string;
  /** Where the entry's icon is, if it has one. */
  icon: { kind: 'theme' | 'file'; url: string } | null;
}

/**
 * « Mes applis »: a grid of big tiles, one per navigation entry of the plugins enabled for my
 * école, each opening `/apps/<plugin-id><path>`.
 */
export class PreauLauncher extends LitElement {
  static override properties: PropertyDeclarations = {
    plugins: { attribute: false },
    locale: {},
    theme: {},
    brokenIcons: { state: true },
  };

  declare plugins: EnabledPlugin[];
  declare locale: PreauLocale;
  declare theme: ThemeId;
  /** Icons that failed to load: their tiles show the letter instead. */
  declare brokenIcons: ReadonlySet<string>;

  constructor() {
    super();
    this.plugins = [];
    this.locale = 'fr';
    this.theme = 'default';
    this.brokenIcons = new Set();
  }

  override render() {
    const tiles = this.tiles();
    return html`<h1 tabindex="-1">${t(this.locale, 'page.launcher')}</h1>
      ${
        tiles.length === 0
          ? html`<p class="empty">${t(this.locale, 'launcher.empty')}</p>`
          : html`<ul class="tiles">
              ${tiles.map(
                (tile) =>
                  html`<li>
                    <a class="tile" href=${tile.href}>
                      ${this.pictogram(tile)}
                      <span class="label">${tile.label}</span>
                    </a>
                  </li>`,
              )}
            </ul>`
      }`;
  }

  private tiles(): Tile[] {
    return this.plugins.flatMap((plugin) =>
      plugin.navigation.map((entry) => ({
        key: `${plugin.id}/${entry.id}`,
        href: `/apps/${plugin.id}${entry.path.startsWith('/') ? '' : '/'}${entry.path}`,
        label: localized(entry.label, this.locale),
        icon: this.iconOf(plugin, entry),
      })),
    );
  }

  /** A theme icon by name (`repas`), or an image file of the plugin package (`icons/menu.svg`). */
  private iconOf(plugin: EnabledPlugin, entry: NavigationEntry): Tile['icon'] {
    const icon = entry.icon;
    if (!icon) return null;
    if (/^[a-z0-9-]+$/.test(icon)) {
      return { kind: 'theme', url: `/themes/${this.theme}/icons/${icon}.svg` };
    }
    const file = icon.replace(/^\.?\/+/, '');
    return { kind: 'file', url: `/plugins/${plugin.id}/${plugin.version}/${file}` };
  }

  private pictogram(tile: Tile) {
    const icon = tile.icon;
    if (!icon || this.brokenIcons.has(icon.url)) {
      return html`<span class="picto letter" aria-hidden="true"
        >${tile.label.trim().charAt(0).toLocaleUpperCase(this.locale)}</span
      >`;
    }
    const onError = () => (this.brokenIcons = new Set([...this.brokenIcons, icon.url]));
    // A theme icon is drawn in currentColor as a CSS mask, so it follows the theme's text
    // colour; the hidden image only tells whether the file exists.
    return icon.kind === 'theme'
      ? html`<span
          class="picto mask"
          aria-hidden="true"
          style=${styleMap({ '--icon': `url("${icon.url}")` })}
          ><img src=${icon.url} alt="" hidden @error=${onError}
        /></span>`
      : html`<span class="picto" aria-hidden="true"
          ><img src=${icon.url} alt="" @error=${onError}
        /></span>`;
  }

  static override styles = [
    shellStyles,
    css`
      :host {
        display: block;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
        gap: var(--preau-space-m, 1rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tile {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: var(--preau-space-s, 0.5rem);
        height: 100%;
        min-height: 9rem;
        padding: var(--preau-space-m, 1rem);
        border: 2px solid var(--preau-color-border, CanvasText);
        border-radius: var(--preau-radius, 0.25rem);
        background: var(--preau-color-surface, Canvas);
        box-shadow: var(--preau-shadow, none);
        color: var(--preau-color-text, CanvasText);
        font-size: var(--preau-font-size-large, 1.15rem);
        font-weight: 600;
        text-align: center;
        text-decoration: none;
      }
      .tile:hover {
        border-color: var(--preau-color-accent, CanvasText);
      }
      .tile:hover .label {
        text-decoration: underline;
      }
      .picto {
        display: grid;
        place-items: center;
        width: 3.5rem;
        height: 3.5rem;
      }
      .picto img {
        max-width: 100%;
        max-height: 100%;
      }
      .mask {
        background: var(--preau-color-accent, CanvasText);
        mask: var(--icon) center / contain no-repeat;
        -webkit-mask: var(--icon) center / contain no-repeat;
      }
      .letter {
        border-radius: 50%;
        background: var(--preau-color-accent, CanvasText);
        color: var(--preau-color-on-accent, Canvas);
        font-size: 1.75rem;
        font-weight: 700;
      }
      .label {
        overflow-wrap: anywhere;
      }
    `,
  ];
}

customElements.define('preau-launcher', PreauLauncher);
