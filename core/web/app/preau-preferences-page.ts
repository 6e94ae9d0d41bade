import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import type { PreauLocale } from '@preau/sdk/widget';

import type { PortalInfo, Preferences, ThemeId } from '../api/types.js';
import { localized, t } from '../i18n/catalogue.js';
import { emit } from './events.js';
import { shellStyles } from './shell-styles.js';

/** « Préférences »: the person's theme and language, saved with « Enregistrer ». */
export class PreauPreferencesPage extends LitElement {
  static override properties: PropertyDeclarations = {
    portal: { attribute: false },
    preferences: { attribute: false },
    locale: {},
  };

  declare portal: PortalInfo | undefined;
  declare preferences: Preferences;
  declare locale: PreauLocale;

  constructor() {
    super();
    this.portal = undefined;
    this.preferences = { theme: 'default', locale: 'fr' };
    this.locale = 'fr';
  }

  override render() {
    const l = this.locale;
    const themes = this.portal?.themes ?? [];
    return html`<h1 tabindex="-1">${t(l, 'page.preferences')}</h1>
      <form @submit=${this.save}>
        <fieldset>
          <legend>${t(l, 'preferences.theme')}</legend>
          ${themes.map(
            (theme) =>
              html`<div class="choice">
                <input
                  type="radio"
                  name="theme"
                  id=${`theme-${theme.id}`}
                  value=${theme.id}
                  ?checked=${theme.id === this.preferences.theme}
                />
                <label for=${`theme-${theme.id}`}>${localized(theme.label, l)}</label>
              </div>`,
          )}
        </fieldset>
        <div class="field">
          <label for="locale">${t(l, 'preferences.language')}</label>
          <select id="locale" name="locale">
            <option value="fr" lang="fr" ?selected=${this.preferences.locale === 'fr'}>
              Français
            </option>
            <option value="en" lang="en" ?selected=${this.preferences.locale === 'en'}>
              English
            </option>
          </select>
        </div>
        <button class="primary" type="submit">${t(l, 'preferences.save')}</button>
      </form>`;
  }

  private save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const theme = (form.get('theme') === 'contraste' ? 'contraste' : 'default') satisfies ThemeId;
    const locale = form.get('locale') === 'en' ? 'en' : 'fr';
    emit(this, 'preau-preferences', { theme, locale, from: 'form' });
  }

  static override styles = [
    shellStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: var(--preau-space-l, 1.5rem);
        justify-items: start;
        max-width: 34rem;
      }
      fieldset {
        margin: 0;
        padding: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
        border: 1px solid var(--preau-color-border, CanvasText);
        border-radius: var(--preau-radius, 0.25rem);
      }
      legend {
        padding: 0 var(--preau-space-xs, 0.25rem);
        font-weight: 700;
      }
      .choice {
        display: flex;
        align-items: center;
        gap: var(--preau-space-s, 0.5rem);
        min-height: var(--preau-touch-target, 2.75rem);
      }
      .choice input {
        width: 1.5rem;
        height: 1.5rem;
        min-height: 0;
        margin: 0;
      }
      .field {
        display: grid;
        gap: var(--preau-space-xs, 0.25rem);
      }
      .field label {
        font-weight: 700;
      }
    `,
  ];
}

customElements.define('preau-preferences-page', PreauPreferencesPage);
