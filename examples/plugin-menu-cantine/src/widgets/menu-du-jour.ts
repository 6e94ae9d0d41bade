import { css, html, nothing, PreauWidget, preauWidgetStyles } from '@preau/sdk/widget';

import { COURSES, type Allergen, type Dish, type MenuDuJourData } from '../menu.js';
import { catalogue } from './catalogue.js';

/**
 * Pictograms of the allergens. Decorative: each is hidden from screen readers and always
 * followed by the allergen's name, so nothing is said by the picture alone.
 */
export const ALLERGEN_PICTOGRAMS: Readonly<Record<Allergen, string>> = {
  gluten: '🌾',
  crustaces: '🦐',
  oeufs: '🥚',
  poissons: '🐟',
  arachides: '🥜',
  soja: '🌱',
  lait: '🥛',
  'fruits-a-coque': '🌰',
  celeri: '🥬',
  moutarde: '🟡',
  sesame: '⚪',
  sulfites: '🍷',
  lupin: '🌼',
  mollusques: '🐚',
};

/**
 * `<menu-cantine-menu-du-jour>`: the canteen menu of the day (or of the next school day, from
 * 14:00), course by course, with each dish's allergens when the école shows them.
 */
export class MenuDuJour extends PreauWidget<MenuDuJourData> {
  static override pluginId = 'menu-cantine';
  static override widgetId = 'menu-du-jour';
  static override catalogue = catalogue;
  static override styles = [
    preauWidgetStyles,
    css`
      .courses {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .course + .course {
        margin-top: var(--preau-space-s, 0.5rem);
      }
      .dishes {
        margin: 0;
      }
      .allergens {
        margin: 0;
      }
      .pictogram {
        font-style: normal;
      }
    `,
  ];

  override render() {
    if (this.dataError) return html`<p class="error" role="alert">${this.dataError}</p>`;
    const data = this.data;
    if (!data) return html`<p class="muted" role="status">${this.t('loading')}</p>`;
    const day = this.formatDate(data.date);
    const title = this.t(data.when === 'today' ? 'heading.today' : 'heading.next', { day });
    if (!data.menu) {
      return html`${this.heading(title)}
        <p>${this.t('empty', { day })}</p>`;
    }
    const courses = COURSES.filter((course) => data.menu?.courses[course]?.length);
    return html`${this.heading(title)} ${data.menu.note ? html`<p>${data.menu.note}</p>` : nothing}
      <ul class="courses">
        ${courses.map(
          (course) =>
            html`<li class="course">
              ${this.heading(this.t(`course.${course}`), 1)}
              <ul class="dishes">
                ${(data.menu?.courses[course] ?? []).map((dish) => this.renderDish(dish, data))}
              </ul>
            </li>`,
        )}
      </ul>
      ${
        data.showAllergens
          ? nothing
          : html`<p class="muted">${this.t('allergens.hidden', { service: data.serviceLabel })}</p>`
      }`;
  }

  private renderDish(dish: Dish, data: MenuDuJourData) {
    const labels = dish.labels.map((label) => this.t(`label.${label}`));
    return html`<li>
      <span class="dish">${dish.name}</span>${
        labels.length ? html` <span class="muted">(${labels.join(', ')})</span>` : nothing
      }
      ${data.showAllergens ? this.renderAllergens(dish.allergens) : nothing}
    </li>`;
  }

  private renderAllergens(allergens: readonly Allergen[]) {
    if (allergens.length === 0) {
      return html`<p class="allergens muted">
        ${this.t('allergens')} ${this.t('allergens.none')}
      </p>`;
    }
    return html`<p class="allergens muted">
      ${this.t('allergens')}
      ${allergens.map(
        (allergen, index) =>
          html`${index > 0 ? ', ' : ''}<span class="allergen"
              ><span class="pictogram" aria-hidden="true">${ALLERGEN_PICTOGRAMS[allergen]}</span>
              ${this.t(`allergen.${allergen}`)}</span
            >`,
      )}
    </p>`;
  }
}

if (!customElements.get('menu-cantine-menu-du-jour')) {
  customElements.define('menu-cantine-menu-du-jour', MenuDuJour);
}
