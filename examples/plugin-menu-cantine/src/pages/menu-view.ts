import { html, nothing, type MessageValues, type TemplateResult } from '@preau/sdk/widget';

import { COURSES, type DayMenu, type Dish } from '../menu.js';
import { ALLERGEN_PICTOGRAMS } from '../widgets/menu-du-jour.js';

/** Translates a message key of the page's catalogue. */
export type Translate = (key: string, values?: MessageValues) => string;

/**
 * A day's menu as everyone reads it: the note, then each course under its heading, each dish
 * with its labels and its allergens in words (the pictograms are hidden from screen readers).
 *
 * @example
 * ```ts
 * html`<h3>Lundi 31 août</h3>${renderMenu(menu, this.t.bind(this))}`;
 * ```
 */
export function renderMenu(menu: DayMenu | null, t: Translate): TemplateResult {
  if (!menu) return html`<p class="muted">${t('day.empty')}</p>`;
  const courses = COURSES.filter((course) => menu.courses[course]?.length);
  return html`${menu.note ? html`<p>${menu.note}</p>` : nothing}
    <ul class="courses">
      ${courses.map(
        (course) =>
          html`<li class="course">
            <h4>${t(`course.${course}`)}</h4>
            <ul class="dishes">
              ${(menu.courses[course] ?? []).map((dish) => renderDish(dish, t))}
            </ul>
          </li>`,
      )}
    </ul>`;
}

// Module-private helpers.

function renderDish(dish: Dish, t: Translate): TemplateResult {
  const labels = dish.labels.map((label) => t(`label.${label}`));
  return html`<li>
    <span class="dish">${dish.name}</span>${
      labels.length ? html` <span class="muted">(${labels.join(', ')})</span>` : nothing
    }
    <p class="allergens muted">
      ${t('allergens')}
      ${
        dish.allergens.length === 0
          ? t('allergens.none')
          : dish.allergens.map(
              (allergen, index) =>
                html`${index > 0 ? ', ' : ''}<span class="allergen"
                    ><span class="pictogram" aria-hidden="true"
                      >${ALLERGEN_PICTOGRAMS[allergen]}</span
                    >
                    ${t(`allergen.${allergen}`)}</span
                  >`,
            )
      }
    </p>
  </li>`;
}
