import {
  html,
  nothing,
  PreauApiError,
  PreauWidget,
  preauWidgetStyles,
  type PropertyValues,
} from '@preau/sdk/widget';

import {
  ALLERGENS,
  COURSES,
  DISH_LABELS,
  type Allergen,
  type Course,
  type DayMenu,
  type DishLabel,
} from '../menu.js';
import { ALLERGEN_PICTOGRAMS } from '../widgets/menu-du-jour.js';
import { catalogue } from './catalogue.js';
import {
  controlOf,
  draftOf,
  emptyDish,
  MAX_DISHES,
  payloadOf,
  toggled,
  type DishDraft,
  type MenuDraft,
} from './draft.js';
import { formStyles, pageStyles } from './page-styles.js';

/**
 * `<menu-cantine-formulaire-menu>`: enters or replaces the menu of one day, for people holding
 * `menu-cantine.menus.write`. Course by course, dish by dish, with the allergens ticked one by
 * one. The server checks everything; its French message is shown in an alert and the controls
 * it names are marked invalid. Fires `menu-saved` (detail: the stored `DayMenu`) or
 * `menu-cancelled`, both bubbling out of the page's shadow root.
 */
export class MenuForm extends PreauWidget {
  static override pluginId = 'menu-cantine';
  static override catalogue = catalogue;
  static override properties = {
    ...PreauWidget.properties,
    date: { type: String },
    menu: { attribute: false },
    dayLabel: { attribute: false },
    draft: { state: true },
    saving: { state: true },
    error: { state: true },
    problems: { state: true },
  };
  static override styles = [preauWidgetStyles, pageStyles, formStyles];

  /** The day, `YYYY-MM-DD`. */
  declare date: string;
  /** The menu already published that day, or null. */
  declare menu: DayMenu | null;
  /** The day as people say it: « lundi 31 août ». */
  declare dayLabel: string;
  declare draft: MenuDraft;
  declare saving: boolean;
  declare error: string | null;
  /** Messages of the server about single controls, by control id. */
  declare problems: Record<string, string>;

  constructor() {
    super();
    this.date = '';
    this.menu = null;
    this.dayLabel = '';
    this.draft = draftOf(null);
    this.saving = false;
    this.error = null;
    this.problems = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('menu') || changed.has('date')) {
      this.draft = draftOf(this.menu);
      this.error = null;
      this.problems = {};
    }
  }

  protected override firstUpdated(): void {
    // Whoever opened the form lands on its title, so a screen reader says where they are.
    this.renderRoot.querySelector<HTMLElement>('#form-title')?.focus();
  }

  override render() {
    return html`<form novalidate aria-labelledby="form-title" @submit=${this.onSubmit}>
      <h4 id="form-title" tabindex="-1">${this.t('form.title', { day: this.dayLabel })}</h4>
      <p class="muted" id="form-help">${this.t('form.help')}</p>
      ${COURSES.map((course) => this.renderCourse(course))}
      <div class="field">
        <label for="note">${this.t('form.note')}</label>
        <input
          id="note"
          name="note"
          maxlength="200"
          autocomplete="off"
          .value=${this.draft.note}
          aria-describedby=${this.problems.note ? 'note-help note-problem' : 'note-help'}
          aria-invalid=${this.problems.note ? 'true' : 'false'}
          @input=${(event: Event) => this.edit(() => (this.draft.note = valueOf(event)))}
        />
        <span class="muted" id="note-help">${this.t('form.note.help')}</span>
        ${this.renderProblem('note')}
      </div>
      <div role="alert" class="alert">
        ${
          this.error
            ? html`<p class="error"><strong>${this.t('form.refused')}</strong> ${this.error}</p>`
            : nothing
        }
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${this.saving} aria-describedby="form-help">
          ${this.saving ? this.t('form.saving') : this.t('form.save')}
        </button>
        <button type="button" class="secondary" @click=${this.cancel}>
          ${this.t('form.cancel')}
        </button>
      </div>
    </form>`;
  }

  /** Sends the menu; resolves once the server has answered (the form stays open on refusal). */
  async save(): Promise<void> {
    const menus = this.pluginApi;
    if (!menus || this.saving) return;
    this.saving = true;
    this.error = null;
    this.problems = {};
    try {
      const stored = await menus.put<DayMenu>(
        `/menus/${encodeURIComponent(this.date)}`,
        payloadOf(this.draft),
      );
      this.dispatchEvent(
        new CustomEvent<DayMenu>('menu-saved', { detail: stored, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = (error as Error).message;
      if (error instanceof PreauApiError) this.problems = problemsByControl(error.problems);
    } finally {
      this.saving = false;
    }
  }

  private renderCourse(course: Course) {
    const dishes = this.draft.courses[course];
    const name = this.t(`course.${course}`);
    return html`<fieldset class="course">
      <legend>${name}</legend>
      ${dishes.length === 0 ? html`<p class="muted">${this.t('form.no-dish')}</p>` : nothing}
      ${dishes.map((dish, index) => this.renderDish(course, index, dish))}
      ${
        dishes.length < MAX_DISHES
          ? html`<button
              type="button"
              class="secondary"
              data-add=${course}
              @click=${() => this.addDish(course)}
            >
              ${this.t('form.add')}<span class="visually-hidden"
                >${this.t('form.add.suffix', { course: name })}</span
              >
            </button>`
          : nothing
      }
    </fieldset>`;
  }

  private renderDish(course: Course, index: number, dish: DishDraft) {
    const id = `${course}-${index}`;
    const title = this.t('form.dish', { course: this.t(`course.${course}`), number: index + 1 });
    return html`<fieldset class="dish">
      <legend>${title}</legend>
      <div class="field">
        <label for="${id}-name">${this.t('form.name')}</label>
        <input
          id="${id}-name"
          maxlength="120"
          autocomplete="off"
          .value=${dish.name}
          aria-invalid=${this.problems[`${id}-name`] ? 'true' : 'false'}
          aria-describedby=${this.problems[`${id}-name`] ? `${id}-name-problem` : nothing}
          @input=${(event: Event) => this.edit(() => (dish.name = valueOf(event)))}
        />
        ${this.renderProblem(`${id}-name`)}
      </div>
      <fieldset class="choices" id="${id}-allergens">
        <legend>${this.t('form.allergens')}</legend>
        ${ALLERGENS.map((allergen) =>
          this.renderCheckbox(
            `${id}-allergen-${allergen}`,
            dish.allergens.includes(allergen),
            this.t(`allergen.${allergen}`),
            ALLERGEN_PICTOGRAMS[allergen],
            (on) =>
              this.edit(() => (dish.allergens = toggled<Allergen>(dish.allergens, allergen, on))),
          ),
        )}
        ${this.renderProblem(`${id}-allergens`)}
      </fieldset>
      <fieldset class="choices" id="${id}-labels">
        <legend>${this.t('form.labels')}</legend>
        ${DISH_LABELS.map((label) =>
          this.renderCheckbox(
            `${id}-label-${label}`,
            dish.labels.includes(label),
            this.t(`label.${label}`),
            null,
            (on) => this.edit(() => (dish.labels = toggled<DishLabel>(dish.labels, label, on))),
          ),
        )}
        ${this.renderProblem(`${id}-labels`)}
      </fieldset>
      <button type="button" class="secondary" @click=${() => this.removeDish(course, index)}>
        ${this.t('form.remove')}<span class="visually-hidden"
          >${this.t('form.remove.suffix', { dish: title })}</span
        >
      </button>
    </fieldset>`;
  }

  private renderCheckbox(
    id: string,
    checked: boolean,
    label: string,
    pictogram: string | null,
    change: (on: boolean) => void,
  ) {
    // The pictogram only accompanies the name, which is what a screen reader says.
    const picture = pictogram
      ? html`<span class="pictogram" aria-hidden="true">${pictogram}</span> `
      : nothing;
    return html`<label class="choice" for="${id}">
      <input
        type="checkbox"
        id="${id}"
        .checked=${checked}
        @change=${(event: Event) => change((event.target as HTMLInputElement).checked)}
      />
      ${picture}${label}
    </label>`;
  }

  private renderProblem(control: string) {
    const message = this.problems[control];
    return message ? html`<span class="error" id="${control}-problem">${message}</span>` : nothing;
  }

  /** Applies a change to the draft, then re-renders (the draft is edited in place). */
  private edit(change: () => void): void {
    change();
    this.requestUpdate();
  }

  private addDish(course: Course): void {
    const dishes = this.draft.courses[course];
    if (dishes.length >= MAX_DISHES) return;
    this.edit(() => dishes.push(emptyDish()));
    const index = dishes.length - 1;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${course}-${index}-name`)?.focus(),
    );
  }

  private removeDish(course: Course, index: number): void {
    this.edit(() => this.draft.courses[course].splice(index, 1));
    this.problems = {};
    // The removed dish's button is gone: the course's « Ajouter un plat » takes the focus.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-add="${course}"]`)?.focus(),
    );
  }

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.save();
  };

  private readonly cancel = (): void => {
    this.dispatchEvent(new CustomEvent('menu-cancelled', { bubbles: true, composed: true }));
  };
}

// Module-private helpers.

function valueOf(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/** The server's problems about single controls, by control id (first message for each). */
function problemsByControl(problems: Array<{ field: string; message: string }>) {
  const byControl: Record<string, string> = {};
  for (const problem of problems) {
    const control = controlOf(problem.field);
    if (control && !byControl[control]) byControl[control] = problem.message;
  }
  return byControl;
}

if (!customElements.get('menu-cantine-formulaire-menu')) {
  customElements.define('menu-cantine-formulaire-menu', MenuForm);
}
