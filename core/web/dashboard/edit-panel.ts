import type { PreauLocale } from '@preau/sdk/widget';
import { html, nothing, type TemplateResult } from 'lit';

import { icon } from './icons.js';
import { titleOf } from './layout.js';
import { message } from './messages.js';
import type { OfferedWidget } from './types.js';

/**
 * The edit-mode panel: how to move widgets, « Ajouter un widget » (a disclosure listing the
 * widgets one may add) and « Rétablir la disposition par défaut ». Buttons carry `data-action`.
 */
export function editPanel(
  locale: PreauLocale,
  available: readonly OfferedWidget[],
  adding: boolean,
): TemplateResult {
  return html`<div class="panel">
    <p id="edit-hint">${message(locale, 'editHint')}</p>
    <div class="panel-actions">
      <button
        type="button"
        data-action="add-open"
        aria-expanded=${adding ? 'true' : 'false'}
        aria-controls="add-list"
      >
        ${icon('add')} ${message(locale, 'addWidget')}
      </button>
      <button type="button" data-action="reset">${message(locale, 'reset')}</button>
    </div>
    <div id="add-list" class="add-list" ?hidden=${!adding}>
      ${
        available.length === 0
          ? html`<p>${message(locale, 'allAdded')}</p>`
          : html`<ul class="offers" aria-label=${message(locale, 'addPanel')}>
              ${available.map((widget) => offer(widget, locale))}
            </ul>`
      }
    </div>
  </div>`;
}

function offer(widget: OfferedWidget, locale: PreauLocale): TemplateResult {
  const title = titleOf(widget, locale);
  const description = widget.description
    ? ((locale === 'en' ? widget.description.en : undefined) ?? widget.description.fr)
    : '';
  return html`<li>
    <div class="offer-text">
      <p><strong>${title}</strong></p>
      ${description ? html`<p class="muted">${description}</p>` : nothing}
    </div>
    <button type="button" data-action="add" data-key=${widget.widget}>
      ${message(locale, 'addThis', { title })}
    </button>
  </li>`;
}
