import type {
  CellSize,
  DashboardView,
  LayoutPayload,
  OfferedWidget,
  PlacedWidget,
} from './types.js';

// Layout changes as pure functions of the view: each returns a new view (the old one is kept
// for rolling back when the server refuses), or null when the change is not possible.

/** Moves widget `key` to position `to` (0-based, clamped). */
export function moveWidget(view: DashboardView, key: string, to: number): DashboardView | null {
  const from = indexOf(view, key);
  if (from < 0) return null;
  const target = Math.max(0, Math.min(view.layout.length - 1, to));
  if (target === from) return null;
  const layout = [...view.layout];
  const [moved] = layout.splice(from, 1);
  layout.splice(target, 0, moved!);
  return { ...view, layout };
}

/**
 * Moves widget `key` next to widget `other` (drag and drop): just before it, or just after it.
 */
export function dropWidget(
  view: DashboardView,
  key: string,
  other: string,
  place: 'before' | 'after',
): DashboardView | null {
  if (key === other) return null;
  const without = view.layout.filter((widget) => widget.widget !== key);
  const moved = view.layout.find((widget) => widget.widget === key);
  const anchor = without.findIndex((widget) => widget.widget === other);
  if (!moved || anchor < 0) return null;
  without.splice(place === 'before' ? anchor : anchor + 1, 0, moved);
  if (without.every((widget, index) => widget === view.layout[index])) return null;
  return { ...view, layout: without };
}

/**
 * The next size up: widen first, then heighten, so that « Agrandir » then « Réduire » come back
 * to where one started. Null at the widget's largest size.
 */
export function grownSize(widget: PlacedWidget): CellSize | null {
  const { max } = widget.sizes;
  if (widget.w < max.w) return { w: widget.w + 1, h: widget.h };
  if (widget.h < max.h) return { w: widget.w, h: widget.h + 1 };
  return null;
}

/** The next size down: lower first, then narrow (the reverse of `grownSize`). Null at the least. */
export function shrunkSize(widget: PlacedWidget): CellSize | null {
  const { min } = widget.sizes;
  if (widget.h > min.h) return { w: widget.w, h: widget.h - 1 };
  if (widget.w > min.w) return { w: widget.w - 1, h: widget.h };
  return null;
}

/** Gives widget `key` a new size. */
export function resizeWidget(view: DashboardView, key: string, size: CellSize): DashboardView {
  return {
    ...view,
    layout: view.layout.map((widget) => (widget.widget === key ? { ...widget, ...size } : widget)),
  };
}

/** Takes widget `key` off the dashboard (it becomes available again); null when mandatory. */
export function removeWidget(view: DashboardView, key: string): DashboardView | null {
  const removed = view.layout.find((widget) => widget.widget === key);
  if (!removed || removed.mandatory) return null;
  return {
    ...view,
    layout: view.layout.filter((widget) => widget !== removed),
    available: [...view.available, offeredOf(removed)],
  };
}

/** Puts an available widget at the end of the dashboard, at its default size. */
export function addWidget(view: DashboardView, key: string): DashboardView | null {
  const offered = view.available.find((widget) => widget.widget === key);
  if (!offered) return null;
  const placed: PlacedWidget = { ...offered, ...offered.sizes.default, mandatory: false };
  return {
    ...view,
    layout: [...view.layout, placed],
    available: view.available.filter((widget) => widget !== offered),
  };
}

/** What `PUT /api/dashboard/layout` takes: keys and sizes, in display order. */
export function layoutPayload(view: DashboardView): LayoutPayload {
  return { widgets: view.layout.map(({ widget, w, h }) => ({ widget, w, h })) };
}

/** Position of widget `key` (0-based), -1 when absent. */
export function indexOf(view: DashboardView, key: string): number {
  return view.layout.findIndex((widget) => widget.widget === key);
}

/** The widget's title in the person's language (French when no English one). */
export function titleOf(widget: OfferedWidget, locale: 'fr' | 'en'): string {
  return (locale === 'en' ? widget.title.en : undefined) ?? widget.title.fr;
}

// Module-private helpers.

function offeredOf(placed: PlacedWidget): OfferedWidget {
  return {
    widget: placed.widget,
    pluginId: placed.pluginId,
    pluginVersion: placed.pluginVersion,
    tag: placed.tag,
    module: placed.module,
    title: placed.title,
    description: placed.description,
    sizes: placed.sizes,
    refreshSeconds: placed.refreshSeconds,
  };
}
