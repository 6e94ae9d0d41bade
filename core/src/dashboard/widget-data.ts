import type { Logger } from 'pino';

import type { WidgetDataResult, WidgetDescriptor } from './types.js';

/** Runs one widget's loader; may reject or never settle. */
export type WidgetLoader = (descriptor: WidgetDescriptor) => Promise<unknown>;

/**
 * Loads the data of several widgets at once, each within `timeoutMs`. A loader that throws or
 * takes too long yields an error status for its widget alone: the others' data still arrives,
 * so one slow or broken plugin never blocks the dashboard.
 */
export async function loadWidgetsData(
  widgets: readonly WidgetDescriptor[],
  load: WidgetLoader,
  timeoutMs: number,
  log: Logger,
): Promise<Record<string, WidgetDataResult>> {
  const results = await Promise.all(
    widgets.map((descriptor) => settle(descriptor, load, timeoutMs, log)),
  );
  const byKey: Record<string, WidgetDataResult> = {};
  widgets.forEach((descriptor, index) => {
    byKey[descriptor.widget] = results[index]!;
  });
  return byKey;
}

// Module-private helpers.

function settle(
  descriptor: WidgetDescriptor,
  load: WidgetLoader,
  timeoutMs: number,
  log: Logger,
): Promise<WidgetDataResult> {
  const title = descriptor.title.fr;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      log.warn(
        { plugin: descriptor.pluginId, widget: descriptor.widget, timeoutMs },
        'Données de widget trop lentes : abandonnées',
      );
      resolve({
        status: 'délai-dépassé',
        message: `« ${title} » met trop de temps à répondre ; réessayez dans un instant.`,
      });
    }, timeoutMs);
    // A loader that throws before returning its promise is a failure like any other.
    Promise.resolve()
      .then(() => load(descriptor))
      .then(
        (data) => {
          clearTimeout(timer);
          resolve(checkedData(descriptor, data, log));
        },
        (error: unknown) => {
          clearTimeout(timer);
          log.warn(
            { plugin: descriptor.pluginId, widget: descriptor.widget, err: error },
            'Chargeur de données de widget en échec',
          );
          resolve({ status: 'erreur', message: messageFor(title, error) });
        },
      );
  });
}

/** Data that cannot become JSON would break the whole response: it fails its widget alone. */
function checkedData(descriptor: WidgetDescriptor, data: unknown, log: Logger): WidgetDataResult {
  try {
    JSON.stringify(data);
  } catch (error) {
    log.warn(
      { plugin: descriptor.pluginId, widget: descriptor.widget, err: error },
      'Données de widget non sérialisables en JSON',
    );
    return { status: 'erreur', message: messageFor(descriptor.title.fr, null) };
  }
  return { status: 'ok', data: data ?? null };
}

/**
 * A plugin's HttpError below 500 carries a message written for people (« Aucun menu cette
 * semaine. »): show it. Anything else may hold internals (SQL, paths): say it failed, log the rest.
 */
function messageFor(title: string, error: unknown): string {
  if (error instanceof Error && error.name === 'HttpError') {
    const status = (error as Error & { status?: unknown }).status;
    if (typeof status === 'number' && status < 500 && error.message) return error.message;
  }
  return `« ${title} » n’a pas pu charger ses données ; réessayez dans un instant.`;
}
