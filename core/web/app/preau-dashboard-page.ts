import {
  css,
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import type { PreauLocale } from '@preau/sdk/widget';

import { t } from '../i18n/catalogue.js';
import { shellStyles } from './shell-styles.js';

/**
 * The « Tableau de bord » page: its heading and `<preau-dashboard>`, the widget grid, which
 * reads the person, language, theme and API client from the shell's contexts. A new element
 * is made when the person switches école or profile (`contextKey`), so nothing of the previous
 * layout survives.
 */
export class PreauDashboardPage extends LitElement {
  static override properties: PropertyDeclarations = {
    locale: {},
    contextKey: { attribute: false },
    hasEcole: { attribute: false },
    failed: { state: true },
  };

  declare locale: PreauLocale;
  /** `<ecoleId>:<profile>`: a change makes a fresh dashboard. */
  declare contextKey: string;
  /** False for an account acting in no école (a platform administrator): no dashboard then. */
  declare hasEcole: boolean;
  declare failed: boolean;

  private dashboard: HTMLElement | null = null;

  constructor() {
    super();
    this.locale = 'fr';
    this.contextKey = '';
    this.hasEcole = true;
    this.failed = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    loadDashboard().catch((error: unknown) => {
      // eslint-disable-next-line no-console
      console.error('Tableau de bord :', error);
      this.failed = true;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('contextKey') || !this.dashboard) {
      this.dashboard = document.createElement('preau-dashboard');
    }
  }

  override render() {
    return html`<h1 tabindex="-1">${t(this.locale, 'page.dashboard')}</h1>
      ${
        this.failed
          ? html`<p class="error" role="alert">${t(this.locale, 'dashboard.unavailable')}</p>`
          : nothing
      }
      ${this.hasEcole ? this.dashboard : html`<p>${t(this.locale, 'dashboard.noEcole')}</p>`}`;
  }

  static override styles = [
    shellStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];
}

/**
 * Loads `<preau-dashboard>` once. Its own chunk, so the login page and the launcher do not pay
 * for it; the app asks for it at start when the address is the dashboard's, so it downloads
 * while the first API answers come.
 */
export function loadDashboard(): Promise<unknown> {
  internals.loading ??= import('../dashboard/preau-dashboard.js');
  return internals.loading;
}

const internals: { loading: Promise<unknown> | undefined } = { loading: undefined };

customElements.define('preau-dashboard-page', PreauDashboardPage);
