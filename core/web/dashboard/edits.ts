import type { PreauLocale } from '@preau/sdk/widget';

import type { DropTarget } from './drag.js';
import {
  addWidget,
  dropWidget,
  grownSize,
  indexOf,
  moveWidget,
  removeWidget,
  resizeWidget,
  shrunkSize,
  titleOf,
} from './layout.js';
import { message, sizeWords } from './messages.js';
import type { DashboardView } from './types.js';

/**
 * A change of layout as the person asked for it: the new view, the sentence that announces it,
 * and where the keyboard focus goes afterwards (a selector in the dashboard's shadow root).
 */
export interface Edit {
  view: DashboardView;
  said: string;
  focus?: string;
}

/** « Monter », « Descendre », or arrow keys on a handle: `focus` names the control to keep. */
export function moveEdit(
  view: DashboardView,
  key: string,
  to: number,
  locale: PreauLocale,
  focus: string,
): Edit | null {
  const next = moveWidget(view, key, to);
  return (
    next && { view: next, said: moved(next, key, locale), focus: `${sectionOf(key)} ${focus}` }
  );
}

/** A widget dropped before or after another. */
export function dropEdit(
  view: DashboardView,
  key: string,
  target: DropTarget,
  locale: PreauLocale,
): Edit | null {
  const next = dropWidget(view, key, target.key, target.place);
  return next && { view: next, said: moved(next, key, locale) };
}

/** « Agrandir » / « Réduire »: one step (see grownSize), focus kept on the button. */
export function resizeEdit(
  view: DashboardView,
  key: string,
  way: 'grow' | 'shrink',
  locale: PreauLocale,
): Edit | null {
  const widget = view.layout.find((placed) => placed.widget === key);
  const size = widget && (way === 'grow' ? grownSize(widget) : shrunkSize(widget));
  if (!widget || !size) return null;
  return {
    view: resizeWidget(view, key, size),
    said: message(locale, way === 'grow' ? 'announce.grown' : 'announce.shrunk', {
      title: titleOf(widget, locale),
      ...sizeWords(locale, size.w, size.h),
    }),
    focus: `${sectionOf(key)} [data-action="${way}"]`,
  };
}

/**
 * « Retirer »: the focus goes to the widget that took its place, else the one before, else
 * « Ajouter un widget ».
 */
export function removeEdit(view: DashboardView, key: string, locale: PreauLocale): Edit | null {
  const index = indexOf(view, key);
  const widget = view.layout[index];
  const next = removeWidget(view, key);
  if (!next || !widget) return null;
  const neighbour = next.layout[index] ?? next.layout[index - 1];
  return {
    view: next,
    said: message(locale, 'announce.removed', { title: titleOf(widget, locale) }),
    focus: neighbour ? sectionOf(neighbour.widget) : '[data-action="add-open"]',
  };
}

/** « Ajouter « … » »: placed last; the focus goes to its section. */
export function addEdit(view: DashboardView, key: string, locale: PreauLocale): Edit | null {
  const next = addWidget(view, key);
  const widget = next?.layout.at(-1);
  if (!next || !widget) return null;
  return {
    view: next,
    said: message(locale, 'announce.added', {
      title: titleOf(widget, locale),
      position: next.layout.length,
      count: next.layout.length,
    }),
    focus: sectionOf(key),
  };
}

/** The selector of a widget's section. */
export function sectionOf(key: string): string {
  return `section[data-widget="${key}"]`;
}

// Module-private helpers.

function moved(view: DashboardView, key: string, locale: PreauLocale): string {
  const widget = view.layout.find((placed) => placed.widget === key)!;
  return message(locale, 'announce.moved', {
    title: titleOf(widget, locale),
    position: indexOf(view, key) + 1,
    count: view.layout.length,
  });
}
