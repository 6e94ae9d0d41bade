import { html, nothing, PreauApiError, preauWidgetStyles } from '@preau/sdk/widget';

import { NotificationsElement } from './base.js';
import { quietHoursInWords } from './format.js';
import { incompleteInterval, renderQuietEditor } from './quiet-hours-editor.js';
import { pageStyles, reglagesStyles } from './styles.js';
import {
  CHANNELS,
  CHANNELS_WITHOUT_EMAIL,
  type Channel,
  type Preferences,
  type QuietHours,
  type TypePreference,
} from './types.js';

/** The outcome of a save, said next to its button. */
interface Outcome {
  ok: boolean;
  text: string;
}

/**
 * `<notifications-page-reglages>`, « Mes notifications » at `/apps/notifications/reglages`:
 * per service, the channel of each type of notification; the école's quiet hours in words and
 * my own extra ones; and, for those who may set them (the page asks `GET /ecole/quiet-hours`
 * and shows the section when it answers), the école's quiet hours.
 */
export class ReglagesPage extends NotificationsElement {
  static override properties = {
    ...NotificationsElement.properties,
    path: { type: String },
    prefs: { state: true },
    channels: { state: true },
    extra: { state: true },
    ecoleHours: { state: true },
    loadError: { state: true },
    saved: { state: true },
    ecoleSaved: { state: true },
    busy: { state: true },
  };
  static override styles = [preauWidgetStyles, pageStyles, reglagesStyles];

  declare path: string;
  declare prefs: Preferences | null;
  /** The channels chosen on the page, by `<pluginId>/<type>`, saved or not. */
  declare channels: Map<string, Channel>;
  /** My extra quiet hours as edited. */
  declare extra: QuietHours;
  /** The école's quiet hours as edited; null when I may not set them. */
  declare ecoleHours: QuietHours | null;
  declare loadError: string | null;
  declare saved: Outcome | null;
  declare ecoleSaved: Outcome | null;
  declare busy: boolean;

  constructor() {
    super();
    this.path = '/reglages';
    this.prefs = null;
    this.channels = new Map();
    this.extra = [];
    this.ecoleHours = null;
    this.loadError = null;
    this.saved = null;
    this.ecoleSaved = null;
    this.busy = false;
  }

  protected override start(): void {
    void this.load();
  }

  override render() {
    return html`<h1 tabindex="-1">${this.t('reglages.title')}</h1>
      ${this.renderBody()}`;
  }

  private renderBody() {
    if (this.loadError) {
      return html`<div role="alert"><p class="error">${this.loadError}</p></div>
        <button type="button" @click=${() => this.load()}>${this.t('retry')}</button>`;
    }
    const prefs = this.prefs;
    if (!prefs) return html`<p role="status">${this.t('loading')}</p>`;
    return html`<form novalidate @submit=${this.save}>
        <p class="intro">${this.t('reglages.intro')}</p>
        <section aria-labelledby="channels-title">
          <h2 id="channels-title">${this.t('reglages.channels')}</h2>
          ${prefs.emailAllowed ? nothing : html`<p>${this.t('reglages.pupil')}</p>`}
          ${
            prefs.types.length === 0
              ? html`<p>${this.t('reglages.none')}</p>`
              : internals.byService(prefs.types).map((types) => this.renderService(types))
          }
        </section>
        <section aria-labelledby="quiet-title">
          <h2 id="quiet-title">${this.t('quiet.title')}</h2>
          <p class="intro">${this.t('quiet.intro')}</p>
          <h3>${this.t('quiet.ecole')}</h3>
          <p class="ecole-hours">
            ${quietHoursInWords(prefs.quietHours.ecole, this.tr, this.t('quiet.none'))}
          </p>
          <fieldset>
            <legend>${this.t('quiet.mine.title')}</legend>
            <p class="muted">${this.t('quiet.mine.intro')}</p>
            ${renderQuietEditor(this.extra, {
              idPrefix: 'mine',
              t: this.tr,
              emptyText: this.t('quiet.mine.none'),
              onChange: (hours) => (this.extra = hours),
            })}
          </fieldset>
        </section>
        ${this.renderOutcome(this.saved, 'saved')}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t('reglages.save')}</button>
        </div>
      </form>
      ${this.renderEcole()}`;
  }

  private renderService(types: TypePreference[]) {
    const service = types[0]!;
    const offered = this.prefs?.emailAllowed ? CHANNELS : CHANNELS_WITHOUT_EMAIL;
    return html`<fieldset>
      <legend>${service.pluginName}</legend>
      ${types.map((type) => {
        const key = internals.key(type);
        const id = `channel-${key.replace(/[^a-z0-9-]/gi, '-')}`;
        const chosen = this.channels.get(key) ?? type.channel;
        const described = type.description ? `${id}-description ${id}-default` : `${id}-default`;
        return html`<div class="type">
          <label for=${id}>${type.label}</label>
          ${
            type.description
              ? html`<span id="${id}-description" class="muted">${type.description}</span>`
              : nothing
          }
          <select
            id=${id}
            aria-describedby=${described}
            @change=${(event: Event) => {
              const next = new Map(this.channels);
              next.set(key, (event.target as HTMLSelectElement).value as Channel);
              this.channels = next;
            }}
          >
            ${offered.map(
              (channel) =>
                html`<option value=${channel} ?selected=${channel === chosen}>
                  ${this.t(`channel.${channel}`)}
                </option>`,
            )}
          </select>
          <span id="${id}-default" class="muted"
            >${this.t('reglages.default', {
              channel: this.t(`channel.${internals.shown(type.defaultChannel, offered)}`),
            })}</span
          >
        </div>`;
      })}
    </fieldset>`;
  }

  private renderEcole() {
    if (this.ecoleHours === null) return nothing;
    return html`<form novalidate @submit=${this.saveEcole}>
      <section aria-labelledby="ecole-title">
        <h2 id="ecole-title">${this.t('ecole.title')}</h2>
        <p class="intro">${this.t('ecole.intro')}</p>
        ${renderQuietEditor(this.ecoleHours, {
          idPrefix: 'ecole',
          t: this.tr,
          emptyText: this.t('ecole.none'),
          onChange: (hours) => (this.ecoleHours = hours),
        })}
      </section>
      ${this.renderOutcome(this.ecoleSaved, 'ecole-saved')}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.t('ecole.save')}</button>
      </div>
    </form>`;
  }

  /** A save's outcome: success in a polite status, a problem in an alert. */
  private renderOutcome(outcome: Outcome | null, id: string) {
    return html`<div id=${id} role="status">
        ${outcome?.ok ? html`<p class="success">${outcome.text}</p>` : nothing}
      </div>
      <div role="alert">
        ${outcome && !outcome.ok ? html`<p class="error">${outcome.text}</p>` : nothing}
      </div>`;
  }

  private async load() {
    if (!this.pluginApi) {
      this.loadError = this.t('no-api');
      return;
    }
    this.loadError = null;
    try {
      const [prefs, ecole] = await Promise.all([
        this.pluginApi.get<Preferences>('/preferences'),
        // Only those who may set the école's quiet hours get an answer: the others a 403.
        this.pluginApi.get<{ quietHours: QuietHours }>('/ecole/quiet-hours').catch(() => null),
      ]);
      this.show(prefs);
      this.ecoleHours = ecole?.quietHours ?? null;
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  private show(prefs: Preferences) {
    this.prefs = prefs;
    this.channels = new Map(prefs.types.map((type) => [internals.key(type), type.channel]));
    this.extra = prefs.quietHours.extra;
  }

  private readonly save = async (event: Event) => {
    event.preventDefault();
    const prefs = this.prefs;
    if (!prefs || this.busy) return;
    const incomplete = incompleteInterval(this.extra);
    if (incomplete !== null) {
      this.saved = { ok: false, text: this.t('quiet.time-missing', { n: incomplete }) };
      return;
    }
    this.busy = true;
    this.saved = null;
    try {
      const channels = prefs.types.map((type) => ({
        pluginId: type.pluginId,
        type: type.type,
        channel: this.channels.get(internals.key(type)) ?? type.channel,
      }));
      const answer = await this.pluginApi!.put<Preferences>('/preferences', {
        channels,
        extraQuietHours: this.extra,
      });
      this.show(answer);
      this.saved = { ok: true, text: this.t('reglages.saved') };
    } catch (error) {
      this.saved = { ok: false, text: internals.problemText(error) };
    } finally {
      this.busy = false;
    }
  };

  private readonly saveEcole = async (event: Event) => {
    event.preventDefault();
    const hours = this.ecoleHours;
    if (!hours || this.busy) return;
    const incomplete = incompleteInterval(hours);
    if (incomplete !== null) {
      this.ecoleSaved = { ok: false, text: this.t('quiet.time-missing', { n: incomplete }) };
      return;
    }
    this.busy = true;
    this.ecoleSaved = null;
    try {
      const answer = await this.pluginApi!.put<{ quietHours: QuietHours }>('/ecole/quiet-hours', {
        quietHours: hours,
      });
      this.ecoleHours = answer.quietHours;
      // My preferences show the école's hours in words: bring them up to date.
      if (this.prefs) {
        this.prefs = {
          ...this.prefs,
          quietHours: { ...this.prefs.quietHours, ecole: answer.quietHours },
        };
      }
      this.ecoleSaved = { ok: true, text: this.t('ecole.saved') };
    } catch (error) {
      this.ecoleSaved = { ok: false, text: internals.problemText(error) };
    } finally {
      this.busy = false;
    }
  };
}

// Module-private helpers.

const internals = {
  key: (type: { pluginId: string; type: string }) => `${type.pluginId}/${type.type}`,

  /** The types grouped by service, in the order the server gave them. */
  byService(types: TypePreference[]): TypePreference[][] {
    const groups = new Map<string, TypePreference[]>();
    for (const type of types)
      groups.set(type.pluginId, [...(groups.get(type.pluginId) ?? []), type]);
    return [...groups.values()];
  },

  /** A pupil's e-mail default acts as « Dans Préau seulement »: say so. */
  shown: (channel: Channel, offered: readonly Channel[]): Channel =>
    offered.includes(channel) ? channel : 'in-app',

  /** The server's sentence, with the faulty fields it listed. */
  problemText(error: unknown): string {
    if (!(error instanceof PreauApiError)) return (error as Error).message;
    const details = error.problems
      .map((problem) => problem.message)
      .filter((message) => message && message !== error.message);
    return [error.message, ...details].join(' ');
  },
};

if (!customElements.get('notifications-page-reglages')) {
  customElements.define('notifications-page-reglages', ReglagesPage);
}
