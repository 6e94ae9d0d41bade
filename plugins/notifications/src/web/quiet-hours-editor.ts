import { html, type TemplateResult } from '@preau/sdk/widget';

import type { Translate } from './format.js';
import type { QuietHours, QuietInterval, WeekTime } from './types.js';

/** The most intervals one list may hold (the server refuses more). */
export const MAX_INTERVALS = 20;

/** What the editor needs from the page showing it. */
export interface QuietEditorOptions {
  /** Prefix of the fields' ids, unique in the page (two editors may be shown). */
  idPrefix: string;
  t: Translate;
  /** Said when the list is empty. */
  emptyText: string;
  onChange(hours: QuietHours): void;
}

/**
 * Edits a list of weekly intervals: one fieldset per interval (« Plage 1 »), each with its
 * start and end day and time, « Retirer la plage 1 », and « Ajouter une plage ». Every change
 * hands a new list to `onChange`; nothing is saved here.
 */
export function renderQuietEditor(hours: QuietHours, options: QuietEditorOptions): TemplateResult {
  const { t, onChange } = options;
  return html`${
    hours.length === 0
      ? html`<p class="muted">${options.emptyText}</p>`
      : hours.map((_, index) => renderInterval(hours, index, options))
  }
  ${
    hours.length < MAX_INTERVALS
      ? html`<button
          type="button"
          class="secondary"
          data-add=${options.idPrefix}
          @click=${() => onChange([...hours, internals.fresh()])}
        >
          ${t('quiet.add')}
        </button>`
      : html`<p class="muted">${t('quiet.max')}</p>`
  }`;
}

/** The number (from 1) of the first interval missing a time, or null when all are whole. */
export function incompleteInterval(hours: QuietHours): number | null {
  const index = hours.findIndex(
    (interval) => !internals.isTime(interval.from.time) || !internals.isTime(interval.to.time),
  );
  return index === -1 ? null : index + 1;
}

function renderInterval(
  hours: QuietHours,
  index: number,
  options: QuietEditorOptions,
): TemplateResult {
  const { t, idPrefix, onChange } = options;
  const interval = hours[index]!;
  const n = index + 1;
  const id = `${idPrefix}-${n}`;
  const set = (end: 'from' | 'to', change: Partial<WeekTime>) =>
    onChange(
      hours.map((one, at) =>
        at === index ? { ...interval, [end]: { ...interval[end], ...change } } : one,
      ),
    );
  return html`<fieldset class="interval" data-interval=${n}>
    <legend>${t('quiet.interval', { n })}</legend>
    <div class="interval-fields">
      ${internals.dayField(`${id}-from-day`, t('quiet.from-day'), interval.from.day, t, (day) =>
        set('from', { day }),
      )}
      ${internals.timeField(`${id}-from-time`, t('quiet.from-time'), interval.from.time, (time) =>
        set('from', { time }),
      )}
      ${internals.dayField(`${id}-to-day`, t('quiet.to-day'), interval.to.day, t, (day) =>
        set('to', { day }),
      )}
      ${internals.timeField(`${id}-to-time`, t('quiet.to-time'), interval.to.time, (time) =>
        set('to', { time }),
      )}
    </div>
    <button
      type="button"
      class="secondary"
      @click=${() => onChange(hours.filter((_, at) => at !== index))}
    >
      ${t('quiet.remove', { n })}
    </button>
  </fieldset>`;
}

// Module-private helpers.

const internals = {
  fresh: (): QuietInterval => ({ from: { day: 3, time: '12:00' }, to: { day: 3, time: '14:00' } }),

  isTime: (time: string) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(time),

  dayField(id: string, label: string, day: number, t: Translate, change: (day: number) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        @change=${(event: Event) => change(Number((event.target as HTMLSelectElement).value))}
      >
        ${[1, 2, 3, 4, 5, 6, 7].map(
          (value) =>
            html`<option value=${value} ?selected=${value === day}>${t(`day.${value}`)}</option>`,
        )}
      </select>
    </div>`;
  },

  timeField(id: string, label: string, time: string, change: (time: string) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="time"
        step="60"
        required
        .value=${time}
        @change=${(event: Event) => change((event.target as HTMLInputElement).value)}
      />
    </div>`;
  },
};
