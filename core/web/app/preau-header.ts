import {
  css,
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import type { PreauLocale } from '@preau/sdk/widget';

import type { PortalInfo, ThemeId, WhoAmI } from '../api/types.js';
import { profileName, t } from '../i18n/catalogue.js';
import { childrenHere } from './child-context.js';
import { emit } from './events.js';
import { pictogram } from './pictograms.js';
import type { Route } from './router.js';
import { shellStyles } from './shell-styles.js';

/**
 * The portal's banner: who I am and where, profile and child switchers, main navigation,
 * contrast and language, logout, and the `tools` slot where the notifications bell and the
 * search box go. Below 48rem the navigation and controls fold behind a « Menu » button.
 */
export class PreauHeader extends LitElement {
  static override properties: PropertyDeclarations = {
    me: { attribute: false },
    portal: { attribute: false },
    locale: {},
    theme: {},
    childId: { attribute: false },
    current: {},
    open: { state: true },
  };

  declare me: WhoAmI | undefined;
  declare portal: PortalInfo | undefined;
  declare locale: PreauLocale;
  declare theme: ThemeId;
  declare childId: number | null;
  /** The current route's name, for `aria-current`. */
  declare current: Route['name'];
  declare open: boolean;

  constructor() {
    super();
    this.me = undefined;
    this.portal = undefined;
    this.locale = 'fr';
    this.theme = 'default';
    this.childId = null;
    this.current = 'dashboard';
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // The folded menu closes once a link in it has been followed.
    if (changed.has('current')) this.open = false;
  }

  override render() {
    const l = this.locale;
    const me = this.me;
    if (!me) return nothing;
    const name = this.portal?.name ?? t(l, 'app.defaultName');
    const ecole = me.current.ecole?.name;
    const profile = profileName(me.current.profile, me.current.profileLabel, l);
    const where = [profile, ecole].filter(Boolean).join(' · ');
    const selects = [this.profileSelect(), this.childSelect()].filter((part) => part !== nothing);
    // One grid: on a wide screen two rows (who I am / where I go and what I set), on a narrow
    // one the brand, the menu button and my name, the rest folded behind the button.
    return html`<header ?data-open=${this.open} @keydown=${this.closeOnEscape}>
      <a class="brand" href="/">
        ${this.portal?.logoUrl ? html`<img src=${this.portal.logoUrl} alt="" />` : nothing}
        <span>${name}</span>
      </a>
      <p class="who">
        <span class="person">${me.person.displayName}</span>
        ${where ? html`<span class="where">${where}</span>` : nothing}
      </p>
      <button
        class="menu-toggle"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${internals.foldedIds(selects.length > 0)}
        @click=${() => (this.open = !this.open)}
      >
        ${pictogram(this.open ? 'close' : 'menu', 20)} ${t(l, 'header.menu')}
      </button>
      ${
        selects.length > 0
          ? html`<div id="header-selects" class="selects folded">${selects}</div>`
          : nothing
      }
      <nav id="header-nav" class="folded" aria-label=${t(l, 'header.nav')}>
        <ul>
          <li>${this.navLink('/', 'dashboard', 'page.dashboard')}</li>
          <li>${this.navLink('/applis', 'launcher', 'page.launcher')}</li>
        </ul>
      </nav>
      <div id="header-tools" class="header-tools folded" part="tools">
        <slot name="tools"></slot>
      </div>
      <div id="header-controls" class="controls folded">
        <button
          type="button"
          aria-pressed=${this.theme === 'contraste' ? 'true' : 'false'}
          @click=${this.toggleContrast}
        >
          ${pictogram('contrast', 20)} ${t(l, 'header.contrast')}
        </button>
        <div class="control">
          <label for="langue">${t(l, 'header.language')}</label>
          <select id="langue" @change=${this.chooseLocale}>
            <option value="fr" lang="fr" ?selected=${l === 'fr'}>Français</option>
            <option value="en" lang="en" ?selected=${l === 'en'}>English</option>
          </select>
        </div>
        <a
          class="button"
          href="/preferences"
          aria-current=${this.current === 'preferences' ? 'page' : 'false'}
          >${t(l, 'header.preferences')}</a
        >
        <button type="button" @click=${() => emit(this, 'preau-logout', {})}>
          ${pictogram('logout', 20)} ${t(l, 'header.logout')}
        </button>
      </div>
    </header>`;
  }

  protected override updated() {
    // A select keeps what was picked even when the switch failed: show what is in force.
    const profil = this.renderRoot.querySelector<HTMLSelectElement>('#profil');
    if (profil && this.me) profil.value = `${this.me.current.ecole?.id}:${this.me.current.profile}`;
  }

  private navLink(href: string, route: Route['name'], key: 'page.dashboard' | 'page.launcher') {
    return html`<a href=${href} aria-current=${this.current === route ? 'page' : 'false'}>
      ${pictogram(route === 'dashboard' ? 'dashboard' : 'apps', 20)}
      <span>${t(this.locale, key)}</span>
    </a>`;
  }

  /** One option per (école, profile) held; shown only when there is a choice. */
  private profileSelect() {
    const me = this.me;
    if (!me) return nothing;
    const seen = new Set<string>();
    const options = me.memberships.filter((membership) => {
      const key = `${membership.ecole.id}:${membership.profile}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    if (options.length < 2) return nothing;
    const current = `${me.current.ecole?.id}:${me.current.profile}`;
    return html`<div class="control">
      <label for="profil">${t(this.locale, 'header.profile')}</label>
      <select id="profil" @change=${this.switchContext}>
        ${options.map((membership) => {
          const value = `${membership.ecole.id}:${membership.profile}`;
          return html`<option value=${value} ?selected=${value === current}>
            ${t(this.locale, 'header.profileOption', {
              profile: profileName(membership.profile, membership.profileLabel, this.locale),
              ecole: membership.ecole.name,
            })}
          </option>`;
        })}
      </select>
    </div>`;
  }

  /** For a parent acting as such, the children in the current école; shown from two. */
  private childSelect() {
    const children = childrenHere(this.me);
    if (children.length < 2) return nothing;
    return html`<div class="control">
      <label for="enfant">${t(this.locale, 'header.child')}</label>
      <select id="enfant" @change=${this.selectChild}>
        ${children.map(
          (child) =>
            html`<option value=${child.id} ?selected=${child.id === this.childId}>
              ${child.firstName} ${child.lastName}${child.classe ? ` (${child.classe.name})` : ''}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private switchContext(event: Event) {
    const [ecoleId, profile] = (event.target as HTMLSelectElement).value.split(':');
    if (ecoleId && profile)
      emit(this, 'preau-switch-context', { ecoleId: Number(ecoleId), profile });
  }

  private selectChild(event: Event) {
    emit(this, 'preau-select-child', {
      childId: Number((event.target as HTMLSelectElement).value),
    });
  }

  private toggleContrast() {
    emit(this, 'preau-preferences', {
      theme: this.theme === 'contraste' ? 'default' : 'contraste',
    });
  }

  private chooseLocale(event: Event) {
    const locale = (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'fr';
    emit(this, 'preau-preferences', { locale });
  }

  private closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.open) return;
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.menu-toggle')?.focus();
  }

  static override styles = [
    shellStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto auto;
        /* The header items (search box, bell) take the free space of the first row. */
        grid-template-areas:
          'brand tools selects who'
          'nav nav controls controls';
        align-items: center;
        gap: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
        padding: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
        border-bottom: 4px solid var(--preau-color-accent, CanvasText);
        background: var(--preau-color-surface, Canvas);
      }
      .brand {
        grid-area: brand;
        display: inline-flex;
        align-items: center;
        gap: var(--preau-space-s, 0.5rem);
        min-height: var(--preau-touch-target, 2.75rem);
        color: var(--preau-color-text, CanvasText);
        font-size: 1.35em;
        font-weight: 700;
        text-decoration: none;
      }
      .brand img {
        max-height: 2.5rem;
        max-width: 8rem;
      }
      .who {
        grid-area: who;
        margin: 0;
        text-align: end;
        overflow-wrap: anywhere;
      }
      .person {
        display: block;
        font-weight: 700;
      }
      .where {
        display: block;
        color: var(--preau-color-text-muted, CanvasText);
        font-size: var(--preau-font-size-small, 0.875rem);
      }
      .menu-toggle {
        grid-area: toggle;
        display: none;
      }
      .selects {
        grid-area: selects;
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
        min-width: 0;
      }
      nav {
        grid-area: nav;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--preau-space-xs, 0.25rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        gap: var(--preau-space-xs, 0.25rem);
        min-height: var(--preau-touch-target, 2.75rem);
        padding: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
        border-bottom: 4px solid transparent;
        color: var(--preau-color-text, CanvasText);
        font-weight: 600;
        text-decoration: none;
      }
      nav a:hover {
        text-decoration: underline;
      }
      /* The current page is marked by a bar under it, not by colour alone. */
      nav a[aria-current='page'] {
        border-bottom-color: var(--preau-color-accent, CanvasText);
      }
      .header-tools {
        grid-area: tools;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: var(--preau-space-s, 0.5rem);
        min-width: 0;
      }
      .controls {
        grid-area: controls;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: var(--preau-space-s, 0.5rem);
      }
      .control {
        display: flex;
        align-items: center;
        gap: var(--preau-space-xs, 0.25rem);
        min-width: 0;
      }
      .control label {
        font-weight: 600;
      }
      .control select {
        min-width: 0;
        max-width: 24rem;
      }
      /* Below 80rem the selects get a row of their own, leaving the header items (search box,
         bell) room beside the brand: beside the selects they would shrink to a few characters. */
      @media (max-width: 79.99rem) {
        header {
          grid-template-columns: auto minmax(0, 1fr) auto;
          grid-template-areas:
            'brand tools who'
            'selects selects selects'
            'nav controls controls';
        }
      }
      @media (max-width: 63.99rem) {
        header {
          grid-template-columns: auto minmax(0, 1fr);
          grid-template-areas:
            'brand who'
            'tools tools'
            'selects selects'
            'nav controls';
        }
      }
      @media (max-width: 47.99rem) {
        header {
          grid-template-columns: minmax(0, 1fr) auto;
          grid-template-areas:
            'brand toggle'
            'who who'
            'nav nav'
            'tools tools'
            'selects selects'
            'controls controls';
        }
        .brand {
          font-size: 1.2em;
        }
        .menu-toggle {
          display: inline-flex;
        }
        .who {
          text-align: start;
        }
        header:not([data-open]) {
          grid-template-areas:
            'brand toggle'
            'who who';
        }
        header:not([data-open]) .folded {
          display: none;
        }
        .header-tools {
          justify-content: flex-start;
        }
        nav ul,
        .selects,
        .controls,
        .control {
          flex-direction: column;
          align-items: stretch;
        }
        /* A percentage width keeps a long option from widening the page. */
        .control select {
          width: 100%;
          max-width: none;
        }
      }
    `,
  ];
}

const internals = {
  /** What the « Menu » button folds on a narrow screen. */
  foldedIds: (withSelects: boolean) =>
    [withSelects ? 'header-selects' : '', 'header-nav', 'header-tools', 'header-controls']
      .filter(Boolean)
      .join(' '),
};

customElements.define('preau-header', PreauHeader);
