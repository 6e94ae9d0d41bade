import Boom from '@hapi/boom';
import type { Profile, WidgetSize } from '@preau/sdk';

import type { WidgetDescriptor, WidgetPlacement } from './types.js';

/** The widgets someone may place, by key (see WidgetRegistry.availableTo). */
export type AvailableWidgets = ReadonlyMap<string, WidgetDescriptor>;

/**
 * Checks a layout someone wants to save: every widget known and available to them, none twice,
 * each size within the widget's limits, every mandatory widget present. Throws a 400 whose
 * message names each faulty widget; returns nothing when the layout is acceptable.
 */
export function checkLayout(
  placements: readonly WidgetPlacement[],
  available: AvailableWidgets,
  mandatory: readonly string[],
): void {
  const problems = placementProblems(placements, available);
  const placed = new Set(placements.map((placement) => placement.widget));
  for (const key of mandatory) {
    const descriptor = available.get(key);
    // A mandatory widget whose plugin is no longer enabled cannot be asked for.
    if (descriptor && !placed.has(key)) {
      problems.push(`${nameOf(key, descriptor)} est obligatoire dans votre école : gardez-le`);
    }
  }
  refuse(problems, 'Disposition refusée');
}

/**
 * Checks a default layout an école sets for a profile: the same rules as a person's layout, and
 * every mandatory widget must be one of the layout's widgets.
 */
export function checkDefaults(
  placements: readonly WidgetPlacement[],
  mandatory: readonly string[],
  available: AvailableWidgets,
): void {
  const problems = placementProblems(placements, available);
  const placed = new Set(placements.map((placement) => placement.widget));
  const seen = new Set<string>();
  for (const key of mandatory) {
    if (seen.has(key)) problems.push(`${nameOf(key, available.get(key))} est déclaré deux fois`);
    else if (!placed.has(key)) {
      problems.push(
        `${nameOf(key, available.get(key))} ne peut être obligatoire que s’il figure dans la disposition`,
      );
    }
    seen.add(key);
  }
  refuse(problems, 'Disposition par défaut refusée');
}

/**
 * Turns a stored layout into what is shown now. Stored layouts may be older than the plugins:
 * widgets that are no longer available are left out, sizes are brought within current limits,
 * and mandatory widgets the layout lacks are added at the end.
 */
export function arrange(
  stored: readonly WidgetPlacement[],
  available: AvailableWidgets,
  mandatory: readonly string[],
  defaultSizes: ReadonlyMap<string, WidgetSize> = new Map(),
): WidgetPlacement[] {
  const seen = new Set<string>();
  const shown: WidgetPlacement[] = [];
  for (const placement of stored) {
    const descriptor = available.get(placement.widget);
    if (!descriptor || seen.has(placement.widget)) continue;
    seen.add(placement.widget);
    const { min, max } = descriptor.sizes;
    shown.push({
      widget: placement.widget,
      w: clamp(placement.w, min.w, max.w),
      h: clamp(placement.h, min.h, max.h),
    });
  }
  for (const key of mandatory) {
    const descriptor = available.get(key);
    if (!descriptor || seen.has(key)) continue;
    seen.add(key);
    const size = defaultSizes.get(key) ?? descriptor.sizes.default;
    shown.push({ widget: key, w: size.w, h: size.h });
  }
  return shown;
}

/** The layout a profile gets when its école set none: widgets declared `defaultFor` it. */
export function computedDefaults(available: AvailableWidgets, profile: string): WidgetPlacement[] {
  const placements: WidgetPlacement[] = [];
  for (const descriptor of available.values()) {
    if (!descriptor.defaultFor.includes(profile as Profile)) continue;
    placements.push({ widget: descriptor.widget, ...descriptor.sizes.default });
  }
  return placements;
}

// Module-private helpers.

function placementProblems(
  placements: readonly WidgetPlacement[],
  available: AvailableWidgets,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { widget, w, h } of placements) {
    const descriptor = available.get(widget);
    if (!descriptor) {
      problems.push(
        `le widget « ${widget} » n’existe pas ou n’est pas disponible dans cette école`,
      );
      continue;
    }
    if (seen.has(widget)) {
      problems.push(`${nameOf(widget, descriptor)} figure deux fois`);
      continue;
    }
    seen.add(widget);
    const { min, max } = descriptor.sizes;
    if (w < min.w || w > max.w) {
      problems.push(
        `${nameOf(widget, descriptor)} doit avoir une largeur de ${range(min.w, max.w)} (reçu ${w})`,
      );
    }
    if (h < min.h || h > max.h) {
      problems.push(
        `${nameOf(widget, descriptor)} doit avoir une hauteur de ${range(min.h, max.h)} (reçu ${h})`,
      );
    }
  }
  return problems;
}

function refuse(problems: string[], heading: string): void {
  if (problems.length === 0) return;
  throw Boom.badRequest(`${heading} : ${problems.join(' ; ')}.`);
}

function nameOf(key: string, descriptor: WidgetDescriptor | undefined): string {
  return descriptor ? `le widget « ${descriptor.title.fr} » (${key})` : `le widget « ${key} »`;
}

function range(min: number, max: number): string {
  if (min === max) return `${min} case${min > 1 ? 's' : ''}`;
  return `${min} à ${max} cases`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
