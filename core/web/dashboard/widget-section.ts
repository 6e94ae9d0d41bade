import type { PreauLocale } from '@preau/sdk/widget';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

import { icon, type DashboardIcon } from './icons.js';
import { grownSize, shrunkSize, titleOf } from './layout.js';
import { message, sizeWords } from './messages.js';
import type { PlacedWidget } from './types.js';
import type { WidgetState } from './widget-runtime.js';

/** What a widget's section needs besides the widget itself. */
export interface SectionOptions {
  locale: PreauLocale;
  editing: boolean;
  /** Position in the layout (0-based) and number of widgets. */
  index: number;
  count: number;
  state: WidgetState;
  /** Where a dragged widget would land, if over this one. */
  drop: 'before' | 'after' | undefined;
  dragged: boolean;
}

/**
 * One widget: `<section data-widget>` named by its `h2` title, the edit controls in edit mode,
 * then the widget's element, or its loading or error message. Buttons carry `data-action`; the
 * dashboard handles them all with one listener. Outside edit mode the section is in the Tab
 * order: every widget can be reached, and its content scrolled, even one without a link or a
 * button of its own.
 */
export function widgetSection(widget: PlacedWidget, options: SectionOptions): TemplateResult {
  const { locale, editing, state } = options;
  const title = titleOf(widget, locale);
  const titleId = sectionTitleId(widget.widget);
  const classes = `widget${options.dragged ? ' dragged' : ''}`;
  return html`<section
    class=${classes}
    data-widget=${widget.widget}
    data-w=${widget.w}
    data-h=${widget.h}
    data-drop=${ifDefined(options.drop)}
    aria-labelledby=${titleId}
    aria-busy=${state.status === 'loading' || state.status === 'waiting' ? 'true' : 'false'}
    tabindex=${editing ? '-1' : '0'}
  >
    <div class="head">
      ${editing ? handle(title, locale) : nothing}
      <h2 id=${titleId}>${title}</h2>
      ${
        editing && widget.mandatory
          ? html`<span class="badge" title=${message(locale, 'mandatoryTip')}
              >${message(locale, 'mandatory')}</span
            >`
          : nothing
      }
    </div>
    ${editing ? tools(widget, title, options) : nothing}
    <div class="body" ?inert=${editing}>${content(state, locale)}</div>
  </section>`;
}

/** The id of a widget's title (keys are `<plugin>/<widget>`, ids may not hold a slash). */
export function sectionTitleId(key: string): string {
  return `titre-${key.replace('/', '--')}`;
}

// Module-private helpers.

function tools(widget: PlacedWidget, title: string, options: SectionOptions): TemplateResult {
  const { locale, index, count } = options;
  const button = (action: DashboardIcon, disabled: boolean) => {
    const label = message(locale, action, { title });
    return html`<button
      type="button"
      data-action=${action}
      aria-label=${label}
      title=${label}
      aria-disabled=${disabled ? 'true' : 'false'}
    >
      ${icon(action)}
    </button>`;
  };
  return html`<div class="tools">
      ${button('up', index === 0)} ${button('down', index === count - 1)}
      ${button('grow', grownSize(widget) === null)} ${button('shrink', shrunkSize(widget) === null)}
      ${widget.mandatory ? nothing : button('remove', false)}
    </div>
    <p class="size muted">${message(locale, 'size', sizeWords(locale, widget.w, widget.h))}</p>`;
}

/** The drag handle; on the keyboard, arrow keys move the widget (see the dashboard). */
function handle(title: string, locale: PreauLocale): TemplateResult {
  const label = message(locale, 'move', { title });
  return html`<button
    type="button"
    class="handle"
    data-action="handle"
    draggable="true"
    aria-label=${label}
    aria-describedby="edit-hint"
    title=${label}
  >
    ${icon('handle')}
  </button>`;
}

function content(state: WidgetState, locale: PreauLocale): unknown {
  switch (state.status) {
    case 'ready':
      return state.element;
    case 'failed':
    case 'timeout':
      return html`<div class="problem">
        <p>${message(locale, state.status === 'failed' ? 'failed' : 'timeout')}</p>
        ${state.status === 'failed' && state.detail ? html`<p>${state.detail}</p>` : nothing}
        <button type="button" data-action="retry">${message(locale, 'retry')}</button>
      </div>`;
    default:
      return html`<p class="muted">${message(locale, 'loading')}</p>`;
  }
}
