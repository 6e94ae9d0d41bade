import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import type { PreauLocale } from '@preau/sdk/widget';

import { t } from '../i18n/catalogue.js';
import { shellStyles } from './shell-styles.js';

/** An address that is no page of the portal. */
export class PreauNotFoundPage extends LitElement {
  static override properties: PropertyDeclarations = { locale: {} };

  declare locale: PreauLocale;

  constructor() {
    super();
    this.locale = 'fr';
  }

  override render() {
    return html`<h1 tabindex="-1">${t(this.locale, 'page.notFound')}</h1>
      <p>${t(this.locale, 'notFound.text')}</p>
      <p><a href="/">${t(this.locale, 'notFound.back')}</a></p>`;
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

customElements.define('preau-not-found-page', PreauNotFoundPage);
