import { createContext } from '@lit/context';

import type { Profile } from '../profiles.js';
import type { PreauApiClient } from './api-client.js';

/**
 * The école the person is acting in, as widgets see it.
 *
 * @example
 * ```ts
 * html`<p>${this.user?.ecole.name}</p>`;
 * ```
 */
export interface PreauWidgetEcole {
  id: number;
  /** The école's UAI, e.g. `0350101A`. */
  uai: string;
  name: string;
}

/**
 * The person looking at the page, in the école and profile they are acting with: what a widget
 * may show about them. Never their login or contact details.
 *
 * @example
 * ```ts
 * const user: PreauUser = {
 *   personId: 12,
 *   firstName: 'Camille',
 *   lastName: 'MARTIN',
 *   profile: 'TUT',
 *   ecole: { id: 3, uai: '0350101A', name: 'École A1' },
 * };
 * ```
 */
export interface PreauUser {
  personId: number;
  firstName: string;
  lastName: string;
  profile: Profile;
  ecole: PreauWidgetEcole;
}

/**
 * The languages Préau speaks: French first, English second.
 *
 * @example
 * ```ts
 * const locale: PreauLocale = navigator.language.startsWith('en') ? 'en' : 'fr';
 * ```
 */
export type PreauLocale = 'fr' | 'en';

/**
 * What the shell says about the theme in force. Colours, fonts and spacing reach widgets as CSS
 * custom properties (`--preau-*`), which cross shadow roots on their own; this context is for the
 * few decisions that CSS cannot take (an image for a dark background, a chart palette).
 *
 * @example
 * ```ts
 * const theme: PreauTheme = { name: 'defaut', scheme: 'light', highContrast: false, reducedMotion: false };
 * ```
 */
export interface PreauTheme {
  /** The theme package's short name, e.g. `defaut`. */
  name: string;
  scheme: 'light' | 'dark';
  /** The person asked for stronger contrast (or the system did). */
  highContrast: boolean;
  /** The person asked for less motion: no animation beyond what conveys information. */
  reducedMotion: boolean;
}

// Keys made with Symbol.for, so two copies of the SDK on one page (which the import map is
// meant to prevent) would still agree on them.

/**
 * Context key of the current person, provided by the shell.
 *
 * @example
 * ```ts
 * import { ContextConsumer } from '@lit/context';
 * const user = new ContextConsumer(this, { context: userContext, subscribe: true });
 * user.value?.firstName;
 * ```
 */
export const userContext = createContext<PreauUser | undefined>(Symbol.for('preau.user'));

/**
 * Context key of the person's language.
 *
 * @example
 * ```ts
 * new ContextProvider(shellElement, { context: localeContext, initialValue: 'fr' });
 * ```
 */
export const localeContext = createContext<PreauLocale>(Symbol.for('preau.locale'));

/**
 * Context key of the theme in force.
 *
 * @example
 * ```ts
 * new ContextProvider(shellElement, { context: themeContext, initialValue: theme });
 * ```
 */
export const themeContext = createContext<PreauTheme | undefined>(Symbol.for('preau.theme'));

/**
 * Context key of the API client the shell shares with every widget.
 *
 * @example
 * ```ts
 * new ContextProvider(shellElement, { context: apiContext, initialValue: new PreauApiClient() });
 * ```
 */
export const apiContext = createContext<PreauApiClient | undefined>(Symbol.for('preau.api'));
