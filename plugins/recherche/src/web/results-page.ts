import { html, nothing, PreauWidget, preauWidgetStyles } from '@preau/sdk/widget';

import { catalogue } from './catalogue.js';
import { renderGroups } from './results-view.js';
import { pageStyles, resultsStyles } from './styles.js';
import {
  countOf,
  MAX_QUERY,
  MIN_QUERY,
  openInPortal,
  resultsPageUrl,
  type SearchAnswer,
} from './types.js';

/** Results on the full page: the most the route gives. */
const PAGE_LIMIT = 50;

/**
 * `<recherche-page-resultats>`: the full results page, `/apps/recherche/?q=…`, which Enter in the
 * header's box opens. It reads the query from the address (and again after each navigation:
 * a new search from the header keeps this same element), shows how many results, then the
 * results grouped by service, and a form to search again.
 */
export class RecherchePageResultats extends PreauWidget {
  static override pluginId = 'recherche';
  static override catalogue = catalogue;
  static override properties = {
    ...PreauWidget.properties,
    path: { type: String },
    q: { state: true },
    answer: { state: true },
    problem: { state: true },
    loading: { state: true },
  };
  static override styles = [preauWidgetStyles, resultsStyles, pageStyles];

  /** What follows `/apps/recherche` in the address (given by the portal). */
  declare path: string;
  declare q: string;
  declare answer: SearchAnswer | null;
  declare problem: string | null;
  declare loading: boolean;

  private loadedFor: string | null = null;

  constructor() {
    super();
    this.path = '/';
    this.q = '';
    this.answer = null;
    this.problem = null;
    this.loading = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.readAddress);
    this.readAddress();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.readAddress);
  }

  protected override updated(): void {
    // The API client arrives through context once the element is in the portal's tree.
    if (this.api && this.loadedFor !== this.q) void this.load();
  }

  private readonly readAddress = () => {
    this.q = (new URLSearchParams(location.search).get('q') ?? '').trim().slice(0, MAX_QUERY);
  };

  /** Searches for the address's query. */
  async load(): Promise<void> {
    const q = this.q;
    this.loadedFor = q;
    this.answer = null;
    this.problem = null;
    if (q.length < MIN_QUERY) return;
    const api = this.pluginApi;
    if (!api) {
      this.problem = this.t('no-api');
      return;
    }
    this.loading = true;
    try {
      const answer = await api.get<SearchAnswer>('/', { query: { q, limit: PAGE_LIMIT } });
      if (this.q === q) this.answer = answer;
    } catch (error) {
      if (this.q === q) this.problem = (error as Error).message;
    } finally {
      if (this.q === q) this.loading = false;
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${this.t('page.title')}</h1>
      <form role="search" aria-label=${this.t('page.landmark')} @submit=${this.submit}>
        <div class="field">
          <label for="page-q">${this.t('label')}</label>
          <input
            id="page-q"
            name="q"
            type="search"
            maxlength=${MAX_QUERY}
            .value=${this.q}
            autocomplete="off"
          />
        </div>
        <button type="submit">${this.t('search.submit')}</button>
      </form>
      <div role="status">${this.renderCount()}</div>
      ${
        this.problem
          ? html`<div role="alert"><p class="error">${this.problem}</p></div>
              <button type="button" @click=${() => this.load()}>${this.t('retry')}</button>`
          : nothing
      }
      ${this.answer ? renderGroups(this.answer.groups, 'page') : nothing}`;
  }

  private renderCount() {
    if (this.q.length < MIN_QUERY) return html`<p>${this.t('page.ask')}</p>`;
    if (this.loading) return html`<p>${this.t('searching')}</p>`;
    if (!this.answer) return nothing;
    const n = countOf(this.answer.groups);
    const q = this.answer.q;
    if (n === 0) return html`<p>${this.t('count.0', { q })}</p>`;
    return html`<p>${n === 1 ? this.t('count.for.1', { q }) : this.t('count.for.n', { n, q })}</p>`;
  }

  private readonly submit = (event: Event) => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#page-q');
    const q = input?.value.trim() ?? '';
    if (q.length < MIN_QUERY) {
      this.q = q;
      return;
    }
    openInPortal(resultsPageUrl(q));
  };
}

if (!customElements.get('recherche-page-resultats')) {
  customElements.define('recherche-page-resultats', RecherchePageResultats);
}
