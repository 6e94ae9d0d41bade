import { html, nothing, PreauWidget, preauWidgetStyles } from '@preau/sdk/widget';

import { catalogue } from './catalogue.js';
import { renderGroups } from './results-view.js';
import { boxStyles, resultsStyles } from './styles.js';
import {
  countOf,
  MAX_QUERY,
  MIN_QUERY,
  openInPortal,
  resultsPageUrl,
  type SearchAnswer,
} from './types.js';

/** Pause after the last key before searching, so typing a word sends one request, not five. */
const DEBOUNCE_MS = 250;

/** Results shown in the panel; the results page shows more. */
const PANEL_LIMIT = 8;

/**
 * `<recherche-search-box>`: the search box of the portal's header. Typing (2 characters or more)
 * searches after a short pause and shows the results in a panel under the box, grouped by
 * service; Enter opens the full results page.
 *
 * Accessibility: the input is a combobox whose popup is a non-modal dialog (the results are real
 * links, which a listbox option cannot hold). ArrowDown moves into the results, the arrows move
 * between them, Escape closes the panel and gives the focus back to the input; the number of
 * results is said in a live region.
 */
export class RechercheSearchBox extends PreauWidget {
  static override pluginId = 'recherche';
  static override catalogue = catalogue;
  static override properties = {
    ...PreauWidget.properties,
    answer: { state: true },
    open: { state: true },
    searching: { state: true },
    problem: { state: true },
    announcement: { state: true },
  };
  static override styles = [preauWidgetStyles, resultsStyles, boxStyles];

  /** The answer to the last query sent; null when the query is too short. */
  declare answer: SearchAnswer | null;
  declare open: boolean;
  declare searching: boolean;
  declare problem: string | null;
  declare announcement: string;

  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every search: a late answer to an older query is dropped. */
  private sequence = 0;
  private controller: AbortController | undefined;

  constructor() {
    super();
    this.answer = null;
    this.open = false;
    this.searching = false;
    this.problem = null;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.closeOnOutside);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.closeOnOutside);
    clearTimeout(this.timer);
    this.controller?.abort();
  }

  override render() {
    return html`<form
        role="search"
        aria-label=${this.t('search.landmark')}
        action="/apps/recherche/"
        @submit=${this.submit}
        @focusout=${this.closeWhenFocusLeaves}
      >
        <label for="q" class="visually-hidden">${this.t('label')}</label>
        <input
          id="q"
          name="q"
          type="search"
          role="combobox"
          autocomplete="off"
          placeholder=${this.t('placeholder')}
          maxlength=${MAX_QUERY}
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="panel"
          aria-haspopup="dialog"
          @input=${this.typed}
          @keydown=${this.inputKey}
          @click=${this.reopen}
        />
        <button type="submit">
          ${magnifier}<span class="visually-hidden">${this.t('search.submit')}</span>
        </button>
      </form>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <div
        id="panel"
        class="panel"
        role="dialog"
        aria-label=${this.t('panel.label')}
        aria-busy=${this.searching ? 'true' : 'false'}
        ?hidden=${!this.open}
        @keydown=${this.panelKey}
        @click=${this.followed}
        @focusout=${this.closeWhenFocusLeaves}
      >
        ${this.renderPanel()}
      </div>`;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('open') && this.open) this.placePanel();
  }

  /**
   * Keeps the floating panel inside the window: it starts under the box's left edge and moves
   * left as much as needed (the header may put the box anywhere). In the narrow layout the
   * panel is in the flow and needs nothing.
   */
  private placePanel(): void {
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
    if (!panel) return;
    panel.style.removeProperty('left');
    if (getComputedStyle(panel).position !== 'absolute') return;
    const margin = 8;
    const host = this.getBoundingClientRect();
    const width = panel.getBoundingClientRect().width;
    const left = Math.max(margin, Math.min(host.left, window.innerWidth - width - margin));
    panel.style.left = `${left - host.left}px`;
  }

  private renderPanel() {
    if (this.problem) return html`<p class="error">${this.problem}</p>`;
    const answer = this.answer;
    if (!answer) return nothing;
    const count = countOf(answer.groups);
    if (count === 0) return html`<p>${this.t('count.0', { q: answer.q })}</p>`;
    return html`${renderGroups(answer.groups, 'box')}
      <a class="all" href=${resultsPageUrl(answer.q)}
        >${this.t('all.results', { q: answer.q })}</a
      >`;
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  private get links(): HTMLAnchorElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('.panel a')];
  }

  private readonly typed = () => {
    clearTimeout(this.timer);
    const q = this.input?.value.trim() ?? '';
    if (q.length < MIN_QUERY) {
      this.sequence += 1;
      this.controller?.abort();
      this.answer = null;
      this.problem = null;
      this.open = false;
      this.announcement = '';
      return;
    }
    this.timer = setTimeout(() => void this.search(q), DEBOUNCE_MS);
  };

  /** Sends the query; shows its answer unless a newer query was typed meanwhile. */
  async search(q: string): Promise<void> {
    const api = this.pluginApi;
    if (!api) {
      this.problem = this.t('no-api');
      this.open = true;
      return;
    }
    const sequence = ++this.sequence;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    // Nothing said while searching: only the outcome is announced, once per pause in typing.
    this.searching = true;
    try {
      const answer = await api.get<SearchAnswer>('/', {
        query: { q, limit: PANEL_LIMIT },
        signal: controller.signal,
      });
      if (sequence !== this.sequence) return;
      this.answer = answer;
      this.problem = null;
      this.open = true;
      this.announcement = this.countText(answer);
    } catch (error) {
      if (sequence !== this.sequence || controller.signal.aborted) return;
      this.answer = null;
      this.problem = (error as Error).message;
      this.open = true;
      this.announcement = this.problem;
    } finally {
      if (sequence === this.sequence) this.searching = false;
    }
  }

  private countText(answer: SearchAnswer): string {
    const n = countOf(answer.groups);
    if (n === 0) return this.t('count.0', { q: answer.q });
    return n === 1 ? this.t('count.1') : this.t('count.n', { n });
  }

  /** Enter: the full results page (the panel shows only the first results). */
  private readonly submit = (event: Event) => {
    event.preventDefault();
    const q = this.input?.value.trim() ?? '';
    if (q.length < MIN_QUERY) {
      this.announcement = this.t('search.hint');
      return;
    }
    clearTimeout(this.timer);
    this.sequence += 1;
    this.close();
    openInPortal(resultsPageUrl(q));
  };

  private readonly inputKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      if (!this.answer && !this.problem) return;
      event.preventDefault();
      this.open = true;
      void this.updateComplete.then(() => this.links[0]?.focus());
    } else if (event.key === 'Escape' && this.open) {
      // Handled here: the header must not fold its menu too.
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  };

  private readonly panelKey = (event: KeyboardEvent) => {
    const links = this.links;
    const at = links.indexOf(this.renderRoot.querySelector<HTMLAnchorElement>('a:focus')!);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = links[Math.min(at + 1, links.length - 1)];
    else if (event.key === 'ArrowUp') next = at <= 0 ? (this.input ?? undefined) : links[at - 1];
    else if (event.key === 'Home') next = links[0];
    else if (event.key === 'End') next = links[links.length - 1];
    else if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
      next = this.input ?? undefined;
    } else return;
    event.preventDefault();
    next?.focus();
  };

  /** A result followed (the portal opens it): the panel has done its job. */
  private readonly followed = (event: Event) => {
    if (event.composedPath().some((node) => node instanceof HTMLAnchorElement)) this.close();
  };

  /** A click in the box shows the last results again (focus alone does not: Escape stays). */
  private readonly reopen = () => {
    if (this.answer || this.problem) this.open = true;
  };

  private readonly closeWhenFocusLeaves = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (to && this.renderRoot.contains(to)) return;
    this.open = false;
  };

  private readonly closeOnOutside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.open = false;
  };

  private close() {
    this.open = false;
  }
}

const magnifier = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5" />
  <path d="M15 15l6 6" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
</svg>`;

if (!customElements.get('recherche-search-box')) {
  customElements.define('recherche-search-box', RechercheSearchBox);
}
