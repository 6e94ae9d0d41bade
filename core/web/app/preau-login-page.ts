import { html, LitElement, css, nothing, type PropertyDeclarations } from 'lit';
import type { PreauLocale } from '@preau/sdk/widget';

import type { ShellApi } from '../api/shell-api.js';
import type { ThemeId } from '../api/types.js';
import { t } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { emit } from './events.js';
import { pictogram } from './pictograms.js';
import { shellStyles } from './shell-styles.js';

type Role = 'eleve' | 'parent' | 'enseignant' | 'personnel';

/**
 * The login page: « Je suis… » chooser (every choice leads to the local form until ÉduConnect
 * and the academic login arrive), identifiant and mot de passe, errors in an alert. Fires
 * `preau-logged-in` with the server's answer.
 */
export class PreauLoginPage extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    locale: {},
    portalName: { attribute: false },
    logoUrl: { attribute: false },
    theme: {},
    role: { state: true },
    problem: { state: true },
    pending: { state: true },
    showPassword: { state: true },
  };

  declare api: ShellApi | undefined;
  declare locale: PreauLocale;
  declare portalName: string;
  declare logoUrl: string | null;
  declare theme: ThemeId;
  declare role: Role | null;
  declare problem: string;
  declare pending: boolean;
  declare showPassword: boolean;

  constructor() {
    super();
    this.api = undefined;
    this.locale = 'fr';
    this.portalName = 'Préau';
    this.logoUrl = null;
    this.theme = 'default';
    this.role = null;
    this.problem = '';
    this.pending = false;
    this.showPassword = false;
  }

  override render() {
    const l = this.locale;
    return html`
      <div class="device">
        <button
          type="button"
          aria-pressed=${this.theme === 'contraste' ? 'true' : 'false'}
          @click=${this.toggleContrast}
        >
          ${pictogram('contrast', 20)} ${t(l, 'header.contrast')}
        </button>
        <label for="langue">${t(l, 'header.language')}</label>
        <select id="langue" @change=${this.chooseLocale}>
          <option value="fr" lang="fr" ?selected=${l === 'fr'}>Français</option>
          <option value="en" lang="en" ?selected=${l === 'en'}>English</option>
        </select>
      </div>
      <div class="card">
        ${this.logoUrl ? html`<img class="logo" src=${this.logoUrl} alt="" />` : nothing}
        <h1 tabindex="-1">${t(l, 'login.title', { name: this.portalName })}</h1>
        <div class="roles" role="group" aria-labelledby="who">
          <h2 id="who">${t(l, 'login.whoAmI')}</h2>
          <div class="role-buttons">${internals.roles.map((role) => this.roleButton(role))}</div>
        </div>
        <p class="muted" id="note">${t(l, 'login.note')}</p>
        <form novalidate @submit=${this.submit}>
          ${
            this.role
              ? html`<p class="chosen">
                  ${t(l, 'login.chosen', { role: t(l, `login.as.${this.role}`) })}
                </p>`
              : nothing
          }
          <div class="field">
            <label for="login">${t(l, 'login.login')}</label>
            <input
              id="login"
              name="login"
              autocomplete="username"
              autocapitalize="none"
              spellcheck="false"
              maxlength="80"
              required
            />
          </div>
          <div class="field">
            <label for="password">${t(l, 'login.password')}</label>
            <input
              id="password"
              name="password"
              type=${this.showPassword ? 'text' : 'password'}
              autocomplete="current-password"
              maxlength="256"
              required
            />
          </div>
          <div class="check">
            <input
              id="show"
              type="checkbox"
              .checked=${this.showPassword}
              @change=${(event: Event) =>
                (this.showPassword = (event.target as HTMLInputElement).checked)}
            />
            <label for="show">${t(l, 'login.showPassword')}</label>
          </div>
          <div class="error" role="alert">${this.problem}</div>
          <button class="primary submit" type="submit" ?disabled=${this.pending}>
            ${this.pending ? t(l, 'login.pending') : t(l, 'login.submit')}
          </button>
        </form>
      </div>
    `;
  }

  private roleButton(role: Role) {
    return html`<button
      type="button"
      class="role"
      aria-pressed=${this.role === role ? 'true' : 'false'}
      aria-describedby="note"
      @click=${() => this.chooseRole(role)}
    >
      ${pictogram(role, 40)}
      <span>${t(this.locale, `login.as.${role}` as MessageKey)}</span>
    </button>`;
  }

  private async chooseRole(role: Role) {
    this.role = role;
    await this.updateComplete;
    this.field('login')?.focus();
  }

  private toggleContrast() {
    emit(this, 'preau-preferences', {
      theme: this.theme === 'contraste' ? 'default' : 'contraste',
    });
  }

  private chooseLocale(event: Event) {
    const locale = (event.target as HTMLSelectElement).value === 'en' ? 'en' : 'fr';
    emit(this, 'preau-preferences', { locale });
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.pending || !this.api) return;
    const login = this.field('login');
    const password = this.field('password');
    if (!login || !password) return;
    if (!login.value.trim() || !password.value) {
      this.problem = t(this.locale, 'login.missing');
      (login.value.trim() ? password : login).focus();
      return;
    }
    this.pending = true;
    this.problem = '';
    try {
      const me = await this.api.login(login.value.trim(), password.value);
      emit(this, 'preau-logged-in', { me });
    } catch (error) {
      // The server's sentence: the generic « identifiant ou mot de passe incorrect », or for a
      // 429 the wait before the next try.
      this.problem = (error as Error).message;
      password.value = '';
    } finally {
      this.pending = false;
    }
  }

  private field(id: string): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
  }

  static override styles = [
    shellStyles,
    css`
      :host {
        display: block;
      }
      @media (max-width: 30rem) {
        .card {
          padding-inline: var(--preau-space-s, 0.5rem);
        }
      }
      .device {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: var(--preau-space-s, 0.5rem);
        max-width: 34rem;
        margin: 0 auto var(--preau-space-m, 1rem);
      }
      .card {
        max-width: 34rem;
        margin: 0 auto;
        padding: var(--preau-space-l, 1.5rem) var(--preau-space-m, 1rem);
        border: 1px solid var(--preau-color-border, CanvasText);
        border-radius: var(--preau-radius, 0.25rem);
        background: var(--preau-color-surface, Canvas);
      }
      .logo {
        display: block;
        max-height: 4rem;
        max-width: 100%;
        margin-bottom: var(--preau-space-m, 1rem);
      }
      h2 {
        margin: 0 0 var(--preau-space-s, 0.5rem);
        font-size: 1.15em;
      }
      .roles {
        margin-bottom: var(--preau-space-s, 0.5rem);
      }
      .role-buttons {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--preau-space-s, 0.5rem);
      }
      button.role {
        flex-direction: column;
        min-height: calc(2 * var(--preau-touch-target-pupil, 3rem));
        padding: var(--preau-space-s, 0.5rem) var(--preau-space-xs, 0.25rem);
        overflow-wrap: anywhere;
      }
      .chosen {
        font-weight: 600;
      }
      form {
        display: grid;
        gap: var(--preau-space-m, 1rem);
        margin-top: var(--preau-space-m, 1rem);
      }
      .field {
        display: grid;
        gap: var(--preau-space-xs, 0.25rem);
      }
      label {
        font-weight: 600;
      }
      .field input {
        width: 100%;
        min-height: var(--preau-touch-target-pupil, 3rem);
        font-size: 1.1em;
      }
      .check {
        display: flex;
        align-items: center;
        gap: var(--preau-space-s, 0.5rem);
      }
      .check input {
        width: 1.5rem;
        height: 1.5rem;
        min-height: 0;
        margin: 0;
      }
      .check label {
        font-weight: 400;
      }
      button.submit {
        min-height: var(--preau-touch-target-pupil, 3rem);
        font-size: 1.15em;
      }
    `,
  ];
}

const internals = {
  roles: ['eleve', 'parent', 'enseignant', 'personnel'] as Role[],
};

customElements.define('preau-login-page', PreauLoginPage);
