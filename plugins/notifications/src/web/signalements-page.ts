import { css, html, nothing, preauWidgetStyles } from '@preau/sdk/widget';

import { NotificationsElement } from './base.js';
import { fullDateTime } from './format.js';
import { pageStyles } from './styles.js';
import type { Report } from './types.js';

type Status = 'open' | 'handled';

/**
 * `<notifications-page-signalements>`, « Signalements » at `/apps/notifications/signalements`
 * (permission notifications.reports.manage): the école's reports, those to handle or those
 * handled, each with who reported it, when, why, and the content (a link to it), and
 * « Marquer comme traité ».
 */
export class SignalementsPage extends NotificationsElement {
  static override properties = {
    ...NotificationsElement.properties,
    path: { type: String },
    status: { state: true },
    reports: { state: true },
    problem: { state: true },
    announcement: { state: true },
  };
  static override styles = [
    preauWidgetStyles,
    pageStyles,
    css`
      .filter {
        display: flex;
        flex-wrap: wrap;
        gap: var(--preau-space-s, 0.5rem);
        margin: 0 0 var(--preau-space-m, 1rem);
      }
      .filter button[aria-pressed='false'] {
        color: var(--preau-color-text, ButtonText);
        background: var(--preau-color-surface, ButtonFace);
      }
      /* The choice in force is underlined as well as filled: not by colour alone. */
      .filter button[aria-pressed='true'] {
        text-decoration: underline;
        text-underline-offset: 0.25em;
      }
      ul.reports {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.reports > li {
        padding: var(--preau-space-m, 1rem) 0;
        border-bottom: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
      }
      ul.reports h2 {
        margin-top: 0;
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: var(--preau-space-xs, 0.25rem) var(--preau-space-m, 1rem);
        margin: 0 0 var(--preau-space-s, 0.5rem);
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare path: string;
  declare status: Status;
  declare reports: Report[] | null;
  declare problem: string | null;
  declare announcement: string;

  constructor() {
    super();
    this.path = '/signalements';
    this.status = 'open';
    this.reports = null;
    this.problem = null;
    this.announcement = '';
  }

  protected override start(): void {
    void this.load();
  }

  override render() {
    return html`<h1 tabindex="-1">${this.t('signalements.title')}</h1>
      <p class="intro">${this.t('signalements.intro')}</p>
      <div class="filter" role="group" aria-label=${this.t('signalements.filter')}>
        ${(['open', 'handled'] as const).map(
          (status) =>
            html`<button
              type="button"
              aria-pressed=${this.status === status ? 'true' : 'false'}
              @click=${() => this.choose(status)}
            >
              ${this.t(`signalements.${status}`)}
            </button>`,
        )}
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      <div role="alert">${this.problem ? html`<p class="error">${this.problem}</p>` : nothing}</div>
      ${this.renderReports()}`;
  }

  private renderReports() {
    const reports = this.reports;
    if (!reports) return this.problem ? nothing : html`<p role="status">${this.t('loading')}</p>`;
    if (reports.length === 0) return html`<p>${this.t(`signalements.empty.${this.status}`)}</p>`;
    return html`<ul class="reports">
      ${reports.map((report) => this.renderReport(report))}
    </ul>`;
  }

  private renderReport(report: Report) {
    const name = (person: { firstName: string; lastName: string }) =>
      `${person.firstName} ${person.lastName}`;
    return html`<li data-report=${report.id}>
      <h2><a href=${report.item.url}>${report.item.title}</a></h2>
      <dl>
        <dt>${this.t('signalements.item')}</dt>
        <dd>
          ${report.item.pluginName} · ${report.item.typeLabel}
          ${report.item.text ? html`<br />${report.item.text}` : nothing}
        </dd>
        <dt>${this.t('signalements.reporter')}</dt>
        <dd>${name(report.reporter)}</dd>
        <dt>${this.t('signalements.when')}</dt>
        <dd>${fullDateTime(report.createdAt, this.locale)}</dd>
        <dt>${this.t('signalements.reason')}</dt>
        <dd>${report.reason}</dd>
      </dl>
      ${
        report.handledAt === null
          ? html`<button
              type="button"
              aria-label=${this.t('signalements.handle-label', { title: report.item.title })}
              @click=${() => this.handle(report)}
            >
              ${this.t('signalements.handle')}
            </button>`
          : html`<p class="muted">
              ${this.t('signalements.handled-by', {
                name: report.handledBy ? name(report.handledBy) : '—',
                when: fullDateTime(report.handledAt, this.locale),
              })}
            </p>`
      }
    </li>`;
  }

  private choose(status: Status) {
    if (status === this.status) return;
    this.status = status;
    this.reports = null;
    void this.load();
  }

  private async load() {
    if (!this.pluginApi) {
      this.problem = this.t('no-api');
      return;
    }
    this.problem = null;
    const status = this.status;
    try {
      const answer = await this.pluginApi.get<{ reports: Report[] }>('/reports', {
        query: { status },
      });
      // A slow answer for the other filter must not replace this one.
      if (status === this.status) this.reports = answer.reports;
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private async handle(report: Report) {
    this.problem = null;
    try {
      await this.pluginApi!.post(`/reports/${report.id}/handle`);
      const index = this.reports?.findIndex((one) => one.id === report.id) ?? -1;
      this.reports = (this.reports ?? []).filter((one) => one.id !== report.id);
      this.announcement = this.t('signalements.done');
      // The report left the list: focus the next one's link, else the heading.
      await this.updateComplete;
      const links = this.renderRoot.querySelectorAll<HTMLElement>('ul.reports h2 a');
      (links[Math.min(index, links.length - 1)] ?? this.renderRoot.querySelector('h1'))?.focus();
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }
}

if (!customElements.get('notifications-page-signalements')) {
  customElements.define('notifications-page-signalements', SignalementsPage);
}
