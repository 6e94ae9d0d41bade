import { html, nothing, PreauWidget, preauWidgetStyles } from '@preau/sdk/widget';

import type { DayMenu } from '../menu.js';
import { catalogue } from './catalogue.js';
import './menu-form.js';
import { renderMenu } from './menu-view.js';
import { pageStyles, weekStyles } from './page-styles.js';
import { dayOfWeek, shiftWeek, weekFromAddress, weekToAddress } from './week.js';

/** `GET /menus` as the page reads it. */
interface WeekMenus {
  week: string;
  schoolDays: string[];
  days: DayMenu[];
}

/**
 * `<menu-cantine-semaine>`: the plugin's page, `/apps/menu-cantine/`. Everyone of the école
 * reads the week's menus, day by day and course by course, with each dish's allergens in words
 * (the pictograms only accompany them); one moves from week to week with « Semaine précédente »
 * and « Semaine suivante » (the week shown stays in the address, `?semaine=2026-W36`). People
 * holding `menu-cantine.menus.write` (the municipal staff and the directeur by default) also get,
 * for each day, buttons to enter, change or delete its menu.
 *
 * The shell gives `path` (what follows `/apps/menu-cantine`) and, through context, the person,
 * their language and the API client.
 */
export class MenuSemaine extends PreauWidget {
  static override pluginId = 'menu-cantine';
  static override catalogue = catalogue;
  static override properties = {
    ...PreauWidget.properties,
    path: { type: String },
    week: { state: true },
    currentWeek: { state: true },
    schoolDays: { state: true },
    days: { state: true },
    canWrite: { state: true },
    loading: { state: true },
    loadError: { state: true },
    editing: { state: true },
    confirming: { state: true },
    announcement: { state: true },
    actionError: { state: true },
  };
  static override styles = [preauWidgetStyles, pageStyles, weekStyles];

  /** What follows `/apps/menu-cantine` in the address; this page lives at `/`. */
  declare path: string;
  /** The ISO week shown (`2026-W36`); null until the first answer. */
  declare week: string | null;
  /** The current week in Paris, as the server said; null until asked. */
  declare currentWeek: string | null;
  declare schoolDays: string[];
  declare days: DayMenu[];
  /** Whether the person may enter and delete menus (`GET /droits`). */
  declare canWrite: boolean;
  declare loading: boolean;
  declare loadError: string | null;
  /** The day whose form is open. */
  declare editing: string | null;
  /** The day whose deletion awaits confirmation. */
  declare confirming: string | null;
  /** What the polite live region says after an action. */
  declare announcement: string;
  /** Why the last deletion failed. */
  declare actionError: string | null;

  private loaded = false;
  /** The week last asked for: what « Réessayer » asks again. */
  private requested: string | undefined;
  private controller: AbortController | undefined;

  constructor() {
    super();
    this.path = '/';
    this.week = null;
    this.currentWeek = null;
    this.schoolDays = [];
    this.days = [];
    this.canWrite = false;
    this.loading = false;
    this.loadError = null;
    this.editing = null;
    this.confirming = null;
    this.announcement = '';
    this.actionError = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override updated(): void {
    // The API client arrives through context once the element is in the shell's tree.
    if (!this.loaded && !this.loading && this.api) {
      this.loaded = true;
      void this.load(weekFromAddress());
    }
  }

  override render() {
    return html`<h1>${this.t('title')}</h1>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <div role="alert">
        ${this.actionError ? html`<p class="error">${this.actionError}</p>` : nothing}
      </div>
      ${this.renderWeekNavigation()} ${this.renderWeek()}`;
  }

  /**
   * Loads a week (the current one when `week` is undefined) and what the person may do there.
   * Resolves once the page shows the answer or the error.
   */
  async load(week?: string, announce = false): Promise<void> {
    const menus = this.pluginApi;
    if (!menus) {
      this.loadError = this.t('no-api');
      return;
    }
    this.requested = week;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.loading = true;
    this.loadError = null;
    this.editing = null;
    this.confirming = null;
    try {
      const [answer, rights] = await Promise.all([
        menus.get<WeekMenus>('/menus', { query: { week }, signal: controller.signal }),
        // Reading the menus is the page's job; should this fail, it simply offers no form.
        menus.get<{ canWrite: boolean }>('/droits').catch(() => ({ canWrite: false })),
      ]);
      if (controller.signal.aborted) return;
      this.week = answer.week;
      if (!week) this.currentWeek = answer.week;
      this.schoolDays = answer.schoolDays;
      this.days = answer.days;
      this.canWrite = rights.canWrite;
      weekToAddress(answer.week === this.currentWeek ? null : answer.week);
      if (announce) this.announcement = this.t('week.shown', this.weekBounds());
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadError = (error as Error).message;
    } finally {
      if (this.controller === controller) this.loading = false;
    }
  }

  /** Shows the week `offset` weeks away from the one shown. */
  showWeek(offset: number): Promise<void> {
    return this.week ? this.load(shiftWeek(this.week, offset), true) : Promise.resolve();
  }

  /** Deletes a day's menu, after the person confirmed it. */
  async deleteMenu(date: string): Promise<void> {
    const menus = this.pluginApi;
    if (!menus) return;
    this.actionError = null;
    this.confirming = null;
    try {
      await menus.delete(`/menus/${encodeURIComponent(date)}`);
      this.days = this.days.filter((day) => day.date !== date);
      this.announcement = this.t('deleted', { day: this.formatDate(date) });
      this.focusLater(`[data-action="create"][data-date="${date}"]`);
    } catch (error) {
      this.actionError = (error as Error).message;
      this.focusLater(`[data-action="delete"][data-date="${date}"]`);
    }
  }

  private renderWeekNavigation() {
    if (!this.week) return nothing;
    const atCurrent = this.week === this.currentWeek;
    return html`<div class="week-nav" role="group" aria-label=${this.t('week.nav')}>
      <button type="button" class="secondary" @click=${() => this.showWeek(-1)}>
        <span aria-hidden="true">←</span> ${this.t('week.previous')}
      </button>
      ${
        atCurrent
          ? nothing
          : html`<button type="button" class="secondary" @click=${this.showCurrentWeek}>
              ${this.t('week.current')}
            </button>`
      }
      <button type="button" class="secondary" @click=${() => this.showWeek(1)}>
        ${this.t('week.next')} <span aria-hidden="true">→</span>
      </button>
    </div>`;
  }

  private renderWeek() {
    if (this.loadError) {
      return html`<div role="alert"><p class="error">${this.loadError}</p></div>
        <button type="button" @click=${() => this.load(this.requested)}>
          ${this.t('retry')}
        </button>`;
    }
    if (!this.week) return html`<p class="muted" role="status">${this.t('loading')}</p>`;
    const dates = [...new Set([...this.schoolDays, ...this.days.map((day) => day.date)])].sort();
    return html`<h2 id="week-title" tabindex="-1">${this.t('week.label', this.weekBounds())}</h2>
      ${this.loading ? html`<p class="muted" role="status">${this.t('loading')}</p>` : nothing}
      ${dates.length === 0 ? html`<p>${this.t('week.no-days')}</p>` : nothing}
      <ol class="days" aria-labelledby="week-title">
        ${dates.map((date) => this.renderDay(date))}
      </ol>`;
  }

  private renderDay(date: string) {
    const menu = this.days.find((day) => day.date === date) ?? null;
    const day = this.formatDate(date);
    const editing = this.editing === date;
    return html`<li class="day ${editing ? 'editing' : ''}">
      <h3 id="day-${date}" tabindex="-1">${capitalised(day)}</h3>
      ${
        editing
          ? html`<menu-cantine-formulaire-menu
              .date=${date}
              .menu=${menu}
              .dayLabel=${day}
              @menu-saved=${(event: CustomEvent<DayMenu>) => this.onSaved(event.detail)}
              @menu-cancelled=${() => this.closeForm(date)}
            ></menu-cantine-formulaire-menu>`
          : renderMenu(menu, this.t.bind(this))
      }
      ${this.canWrite && !editing ? this.renderActions(date, day, menu) : nothing}
    </li>`;
  }

  private renderActions(date: string, day: string, menu: DayMenu | null) {
    const suffix = html`<span class="visually-hidden">${this.t('day.suffix', { day })}</span>`;
    if (this.confirming === date) {
      return html`<div class="actions" role="group" aria-labelledby="confirm-${date}">
        <p id="confirm-${date}">${this.t('delete.question', { day })}</p>
        <button
          type="button"
          class="danger"
          data-action="confirm"
          @click=${() => this.deleteMenu(date)}
        >
          ${this.t('delete.yes')}
        </button>
        <button
          type="button"
          class="secondary"
          data-action="keep"
          @click=${() => this.keepMenu(date)}
        >
          ${this.t('delete.no')}
        </button>
      </div>`;
    }
    return html`<div class="actions">
      <button
        type="button"
        data-action=${menu ? 'edit' : 'create'}
        data-date=${date}
        @click=${() => this.openForm(date)}
      >
        ${this.t(menu ? 'action.edit' : 'action.create')}${suffix}
      </button>
      ${
        menu
          ? html`<button
              type="button"
              class="secondary"
              data-action="delete"
              data-date=${date}
              @click=${() => this.askDelete(date)}
            >
              ${this.t('action.delete')}${suffix}
            </button>`
          : nothing
      }
    </div>`;
  }

  private openForm(date: string): void {
    this.actionError = null;
    this.confirming = null;
    this.editing = date;
  }

  private closeForm(date: string): void {
    this.editing = null;
    this.focusLater(`[data-action][data-date="${date}"]`);
  }

  private onSaved(menu: DayMenu): void {
    this.days = [...this.days.filter((day) => day.date !== menu.date), menu];
    this.announcement = this.t('saved', { day: this.formatDate(menu.date) });
    this.closeForm(menu.date);
  }

  private askDelete(date: string): void {
    this.actionError = null;
    this.confirming = date;
    this.focusLater(`[data-action="keep"]`);
  }

  private keepMenu(date: string): void {
    this.confirming = null;
    this.focusLater(`[data-action="delete"][data-date="${date}"]`);
  }

  private readonly showCurrentWeek = async (): Promise<void> => {
    await this.load(undefined, true);
    // The button just pressed is gone with the week it left: the week's title takes the focus.
    this.focusLater('#week-title');
  };

  /** The first and last school days of the week shown, as people say them. */
  private weekBounds(): { start: string; end: string } {
    if (!this.week) return { start: '', end: '' };
    return {
      start: this.formatDate(dayOfWeek(this.week, 0), { day: 'numeric', month: 'long' }),
      end: this.formatDate(dayOfWeek(this.week, 4), {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    };
  }

  /** Moves the keyboard focus once the next render is on screen. */
  private focusLater(selector: string): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    );
  }
}

// Module-private helpers.

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

if (!customElements.get('menu-cantine-semaine')) {
  customElements.define('menu-cantine-semaine', MenuSemaine);
}
