import { ContextConsumer } from '@lit/context';
import { apiContext, localeContext, PreauApiClient, type PreauLocale } from '@preau/sdk/widget';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

import { handleKeyMove, ReorderDrag } from './drag.js';
import { editPanel } from './edit-panel.js';
import { addEdit, dropEdit, moveEdit, removeEdit, resizeEdit, type Edit } from './edits.js';
import { indexOf } from './layout.js';
import { LayoutSaver } from './layout-saver.js';
import { message } from './messages.js';
import { dashboardStyles } from './styles.js';
import type { DashboardView } from './types.js';
import { widgetSection } from './widget-section.js';
import { WidgetRuntime } from './widget-runtime.js';

/**
 * `<preau-dashboard>`: the person's widgets in a grid (`GET /api/dashboard`), each loaded only
 * once it comes on screen, each in its own error and time-out boundary; « Personnaliser » lets
 * them move, resize, add and remove widgets, each change saved at once and announced.
 *
 * It reads the API client and the language from the shell's contexts (`apiContext`,
 * `localeContext`); the page around it gives the « Tableau de bord » heading. Widgets get the
 * person, language, theme and API client from the same contexts.
 *
 * @example
 * ```ts
 * providePreauContext(shell, { api: new PreauApiClient(), locale: 'fr' });
 * shell.append(document.createElement('preau-dashboard'));
 * ```
 */
export class PreauDashboard extends LitElement {
  static override properties: PropertyDeclarations = {
    view: { state: true },
    problem: { state: true },
    editing: { state: true },
    adding: { state: true },
    announcement: { state: true },
    alert: { state: true },
  };

  static override styles = dashboardStyles;

  /** The layout on screen (changes show before the server confirms them). */
  declare view: DashboardView | null;
  /** Why the dashboard could not be loaded ('' when the server said nothing), else null. */
  declare problem: string | null;
  declare editing: boolean;
  /** The « Ajouter un widget » list is open. */
  declare adding: boolean;
  /** The last change, for screen readers. */
  declare announcement: string;
  /** A refused change, shown and said at once. */
  declare alert: string;

  private readonly apiConsumer = new ContextConsumer(this, {
    context: apiContext,
    subscribe: true,
  });
  private readonly localeConsumer = new ContextConsumer(this, {
    context: localeContext,
    subscribe: true,
  });
  private readonly runtime = new WidgetRuntime(this, () => this.api);
  private readonly saver = new LayoutSaver(() => this.api, {
    current: () => this.view!,
    confirmed: (view) => this.show(view),
    refused: (view, problem) => {
      this.show(view);
      this.alert = message(this.locale, 'saveFailed', { message: problem });
    },
  });
  private readonly drag = new ReorderDrag(this, (key, target) => {
    if (this.view) this.apply(dropEdit(this.view, key, target, this.locale));
  });
  private ownApi: PreauApiClient | undefined;
  private loads = 0;

  constructor() {
    super();
    this.view = null;
    this.problem = null;
    this.editing = false;
    this.adding = false;
    this.announcement = '';
    this.alert = '';
  }

  /** The shell's API client; a plain same-origin one outside the shell. */
  get api(): PreauApiClient {
    return this.apiConsumer.value ?? (this.ownApi ??= new PreauApiClient());
  }

  get locale(): PreauLocale {
    const provided = this.localeConsumer.value;
    if (provided) return provided;
    return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.view && this.loads === 0) void this.reload();
  }

  /** Loads the layout again from the server (widgets already shown keep their element). */
  async reload(): Promise<void> {
    const load = ++this.loads;
    this.problem = null;
    try {
      const view = await this.api.get<DashboardView>('/api/dashboard');
      if (load !== this.loads) return;
      this.saver.baseline = view;
      this.show(view);
    } catch (error) {
      if (load === this.loads) this.problem = (error as Error).message;
    }
  }

  override render(): TemplateResult {
    const locale = this.locale;
    return html`<div class="root" @click=${this.onClick} @keydown=${this.onKeydown}>
      ${
        this.view
          ? html`<div class="bar">
              <button type="button" class="primary" data-action="edit">
                ${message(locale, this.editing ? 'done' : 'customise')}
              </button>
            </div>`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <div class="alert" role="alert">${this.alert}</div>
      ${this.renderContent(locale)}
    </div>`;
  }

  private renderContent(locale: PreauLocale): TemplateResult {
    if (this.problem !== null) {
      return html`<div class="problem">
        <p>${message(locale, 'loadFailed')}</p>
        ${this.problem ? html`<p>${this.problem}</p>` : nothing}
        <button type="button" data-action="reload">${message(locale, 'retry')}</button>
      </div>`;
    }
    const view = this.view;
    if (!view) return html`<p class="muted">${message(locale, 'loading')}</p>`;
    const { dragged, target } = this.drag;
    return html`${this.editing ? editPanel(locale, view.available, this.adding) : nothing}
      ${view.layout.length === 0 ? this.renderEmpty(locale, view) : nothing}
      <div
        class="grid${this.editing ? ' editing' : ''}"
        @dragstart=${this.drag.start}
        @dragover=${this.drag.over}
        @drop=${this.drag.drop}
        @dragend=${this.drag.end}
      >
        ${repeat(
          view.layout,
          (widget) => widget.widget,
          (widget, index) =>
            widgetSection(widget, {
              locale,
              editing: this.editing,
              index,
              count: view.layout.length,
              state: this.runtime.state(widget.widget),
              drop: target?.key === widget.widget ? target.place : undefined,
              dragged: dragged === widget.widget,
            }),
        )}
      </div>`;
  }

  private renderEmpty(locale: PreauLocale, view: DashboardView): TemplateResult {
    let hint = 'emptyHint';
    if (view.available.length === 0) hint = 'noneOffered';
    else if (this.editing) hint = 'emptyEditing';
    return html`<div class="empty">
      <p><strong>${message(locale, 'empty')}</strong></p>
      <p>${message(locale, hint)}</p>
    </div>`;
  }

  /** Every button of the dashboard says what it does in `data-action`. */
  private readonly onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>('button[data-action]');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    const key =
      button.closest('section[data-widget]')?.getAttribute('data-widget') ?? button.dataset.key;
    this.act(button.dataset.action ?? '', key ?? '');
  };

  /**
   * On a drag handle, arrow keys (and Home, End) move the widget: drag and drop by keyboard.
   * Escape closes the « Ajouter un widget » list.
   */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.adding) {
      this.adding = false;
      void this.focusAfterRender('[data-action="add-open"]');
      return;
    }
    const handle = (event.target as Element | null)?.closest?.('.handle');
    const key = handle?.closest('section[data-widget]')?.getAttribute('data-widget');
    const move = handleKeyMove(event.key);
    if (!key || !move || !this.view) return;
    event.preventDefault();
    const index = indexOf(this.view, key);
    const to = { up: index - 1, down: index + 1, first: 0, last: this.view.layout.length - 1 };
    this.apply(moveEdit(this.view, key, to[move], this.locale, '.handle'));
  };

  private act(action: string, key: string): void {
    if (action === 'edit') return this.toggleEditing();
    if (action === 'reload') return void this.reload();
    if (action === 'retry') return this.runtime.retry(key);
    if (action === 'add-open') {
      this.adding = !this.adding;
      return;
    }
    if (action === 'reset') return void this.reset();
    const view = this.view;
    if (!view) return;
    const locale = this.locale;
    switch (action) {
      case 'up':
      case 'down': {
        const to = indexOf(view, key) + (action === 'up' ? -1 : 1);
        return this.apply(moveEdit(view, key, to, locale, `[data-action="${action}"]`));
      }
      case 'grow':
      case 'shrink':
        return this.apply(resizeEdit(view, key, action, locale));
      case 'remove':
        return this.apply(removeEdit(view, key, locale));
      case 'add':
        this.adding = false;
        return this.apply(addEdit(view, key, locale));
    }
  }

  private toggleEditing(): void {
    this.editing = !this.editing;
    this.adding = false;
    this.drag.end();
    this.announce(message(this.locale, this.editing ? 'announce.editing' : 'announce.done'));
  }

  private async reset(): Promise<void> {
    this.alert = '';
    if (await this.saver.reset()) this.announce(message(this.locale, 'announce.reset'));
  }

  /** Shows a change at once, saves it, says it, and puts the focus where the person needs it. */
  private apply(edit: Edit | null): void {
    if (!edit) return;
    this.alert = '';
    this.show(edit.view);
    this.saver.save();
    this.announce(edit.said);
    if (edit.focus) void this.focusAfterRender(edit.focus);
  }

  private show(view: DashboardView): void {
    this.view = view;
    this.runtime.setWidgets(view.layout);
  }

  private announce(text: string): void {
    // A live region stays silent when its text does not change: vary it invisibly.
    this.announcement = text === this.announcement ? `${text}\u00a0` : text;
  }

  private async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

if (!customElements.get('preau-dashboard'))
  customElements.define('preau-dashboard', PreauDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'preau-dashboard': PreauDashboard;
  }
}
