import {
  css,
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import type { PreauLocale } from '@preau/sdk/widget';

import type { EnabledPlugin } from '../api/types.js';
import { localized, t } from '../i18n/catalogue.js';
import { findPluginPage, type PageMatch } from './plugin-pages.js';
import { shellStyles } from './shell-styles.js';

/** A plugin page element: the shell gives it the path it shows. */
interface PageElement extends HTMLElement {
  path: string;
}

type Status = 'loading' | 'ready' | 'failed' | 'not-found';

/**
 * Hosts a plugin page at `/apps/<plugin-id>/…`: finds the page in `GET /api/plugins`, imports
 * its module lazily, renders its element, and stands as its error boundary when the module
 * cannot be loaded. The page element renders its own `h1`; until it is there (loading, failure,
 * unknown page) the host shows one with the page's title.
 */
export class PreauPluginPage extends LitElement {
  static override properties: PropertyDeclarations = {
    plugins: { attribute: false },
    pluginId: { attribute: false },
    rest: { attribute: false },
    locale: {},
    status: { state: true },
    problem: { state: true },
    helpHref: { state: true },
  };

  declare plugins: EnabledPlugin[];
  declare pluginId: string;
  /** What follows `/apps/<pluginId>` in the address, e.g. `/menus/2026-09-01`. */
  declare rest: string;
  declare locale: PreauLocale;
  declare status: Status;
  declare problem: string;
  /** The « Aide » link of this page, when the aide plugin has help for it; null otherwise. */
  declare helpHref: string | null;

  private match: PageMatch | null = null;
  private element: PageElement | null = null;
  /** Bumped by every load, so a slow import finishing late does not replace a newer page. */
  private loads = 0;
  private attempts = 0;
  /** Whether the aide plugin has help for a page (`<plugin>/<page>`), for these plugins. */
  private helpKnown = new Map<string, boolean>();

  constructor() {
    super();
    this.plugins = [];
    this.pluginId = '';
    this.rest = '/';
    this.locale = 'fr';
    this.status = 'loading';
    this.problem = '';
    this.helpHref = null;
  }

  /** The page's title in the person's language (also the document title). */
  get pageTitle(): string {
    const match = findPluginPage(this.plugins, this.pluginId, this.rest);
    return match ? localized(match.page.title, this.locale) : t(this.locale, 'page.notFound');
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('plugins') && !changed.has('pluginId') && !changed.has('rest')) return;
    if (changed.has('plugins')) this.helpKnown = new Map();
    const match = findPluginPage(this.plugins, this.pluginId, this.rest);
    void this.findHelp(match);
    const same =
      match &&
      this.match &&
      match.page.tag === this.match.page.tag &&
      match.moduleUrl === this.match.moduleUrl;
    this.match = match;
    if (same && this.element) {
      this.element.path = this.rest;
      return;
    }
    this.element = null;
    if (!match) {
      this.status = 'not-found';
      return;
    }
    void this.load(match);
  }

  override render() {
    const l = this.locale;
    if (this.status === 'ready') return html`${this.renderHelpLink()}${this.element}`;
    const title = html`<h1 tabindex="-1">${this.pageTitle}</h1>`;
    if (this.status === 'loading') {
      return html`${title}
        <p role="status">${t(l, 'plugin.loading')}</p>`;
    }
    if (this.status === 'not-found') {
      return html`${title}
        <p>${t(l, 'plugin.notFound')}</p>
        <p><a href="/applis">${t(l, 'plugin.backToLauncher')}</a></p>`;
    }
    return html`${title}
      <div class="error" role="alert">
        <p>${t(l, 'plugin.failed')}</p>
        ${this.problem ? html`<p class="muted">${this.problem}</p>` : nothing}
      </div>
      <button type="button" @click=${this.retry}>${t(l, 'app.retry')}</button>`;
  }

  /**
   * Focuses the page's main heading: the plugin element's `h1` once it is shown, else the
   * host's. Called by the shell after a navigation.
   */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    const element = this.status === 'ready' ? this.element : null;
    if (element && 'updateComplete' in element) await element.updateComplete;
    const heading = element
      ? (element.shadowRoot?.querySelector<HTMLElement>('h1') ?? element.querySelector('h1'))
      : this.renderRoot.querySelector<HTMLElement>('h1');
    if (!heading) return (element ?? this).focus();
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  private async load(match: PageMatch) {
    const load = ++this.loads;
    this.status = 'loading';
    this.problem = '';
    try {
      if (!customElements.get(match.page.tag)) {
        // A retry asks again with another address: browsers remember a failed module import.
        const url =
          this.attempts > 0 ? `${match.moduleUrl}?essai=${this.attempts}` : match.moduleUrl;
        await import(url);
      }
      if (!customElements.get(match.page.tag)) {
        throw new Error(`Le module ne définit pas l’élément <${match.page.tag}>.`);
      }
      if (load !== this.loads) return;
      const element = document.createElement(match.page.tag) as PageElement;
      element.path = this.rest;
      // The person was on our « Chargement… » heading: take them to the page's own.
      const hadFocus = this.renderRoot.querySelector('h1') === this.shadowRoot?.activeElement;
      this.element = element;
      this.status = 'ready';
      if (hadFocus) await this.focusHeading();
    } catch (error) {
      if (load !== this.loads) return;
      // Details for whoever maintains the plugin; the person reads the sentence above them.
      // eslint-disable-next-line no-console
      console.error(`Page ${match.plugin.id}/${match.page.id} :`, error);
      this.problem =
        error instanceof Error && error.message.startsWith('Le module') ? error.message : '';
      this.status = 'failed';
    }
  }

  /**
   * Contextual help: when the aide plugin is enabled and has help for this page, a link to it.
   * The answer is remembered per page until the list of plugins changes (another école).
   */
  private async findHelp(match: PageMatch | null) {
    this.helpHref = null;
    const aide = this.plugins.find((plugin) => plugin.id === 'aide');
    if (!match || !aide || match.plugin.id === 'aide') return;
    const key = `${match.plugin.id}/${match.page.id}`;
    const query = `plugin=${encodeURIComponent(match.plugin.id)}&page=${encodeURIComponent(match.page.id)}`;
    let known = this.helpKnown.get(key);
    if (known === undefined) {
      try {
        const response = await fetch(`/api/plugins/aide/contexte?${query}`, {
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
        const body = response.ok ? ((await response.json()) as { topics?: unknown[] }) : {};
        known = (body.topics?.length ?? 0) > 0;
      } catch {
        known = false; // No help link is better than a broken page.
      }
      this.helpKnown.set(key, known);
    }
    const current = this.match ? `${this.match.plugin.id}/${this.match.page.id}` : null;
    if (known && current === key) this.helpHref = `/apps/aide/?${query}`;
  }

  private renderHelpLink() {
    if (!this.helpHref) return nothing;
    // The shell catalogue is not this change's to edit: the link's two words are given here.
    const label = this.locale === 'en' ? 'Help' : 'Aide';
    const title = this.match ? localized(this.match.page.title, this.locale) : '';
    return html`<p class="page-help">
      <a href=${this.helpHref}
        >${label}<span class="visually-hidden">${title ? ` : ${title}` : ''}</span></a
      >
    </p>`;
  }

  private retry() {
    if (!this.match) return;
    this.attempts += 1;
    void this.load(this.match);
  }

  static override styles = [
    shellStyles,
    css`
      :host {
        display: block;
      }
      .page-help {
        margin: 0;
        text-align: end;
      }
    `,
  ];
}

customElements.define('preau-plugin-page', PreauPluginPage);
