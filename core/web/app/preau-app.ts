import { html, LitElement } from 'lit';

/** The portal's root element. (Skeleton: the shell work fills it in.) */
export class PreauApp extends LitElement {
  override render() {
    return html`<main><h1>Préau</h1></main>`;
  }
}

customElements.define('preau-app', PreauApp);
