import { ContextProvider } from '@lit/context';

import type { PreauApiClient } from './api-client.js';
import {
  apiContext,
  localeContext,
  themeContext,
  userContext,
  type PreauLocale,
  type PreauTheme,
  type PreauUser,
} from './contexts.js';

/**
 * Everything the shell shares with widgets.
 *
 * @example
 * ```ts
 * const values: PreauContextValues = { locale: 'fr', api: new PreauApiClient() };
 * ```
 */
export interface PreauContextValues {
  user?: PreauUser;
  locale?: PreauLocale;
  theme?: PreauTheme;
  api?: PreauApiClient;
}

/**
 * The providers set on an element; `update` changes values and re-renders every consumer.
 *
 * @example
 * ```ts
 * const providers = providePreauContext(root, { locale: 'fr' });
 * providers.update({ locale: 'en' });
 * ```
 */
export interface PreauContextProviders {
  update(values: PreauContextValues): void;
}

/**
 * Provides the user, locale, theme and API client to every widget inside `host`. The shell does
 * this once on its root element; a vendor does it in a test page to show a widget as the
 * dashboard would.
 *
 * @example
 * ```ts
 * const root = document.querySelector('main')!;
 * const context = providePreauContext(root, {
 *   user: { personId: 1, firstName: 'Camille', lastName: 'MARTIN', profile: 'TUT',
 *           ecole: { id: 3, uai: '0350101A', name: 'École A1' } },
 *   locale: 'fr',
 *   api: new PreauApiClient(),
 * });
 * root.append(document.createElement('menu-cantine-menu-du-jour'));
 * context.update({ locale: 'en' }); // widgets re-render in English
 * ```
 */
export function providePreauContext(
  host: HTMLElement,
  values: PreauContextValues,
): PreauContextProviders {
  const user = new ContextProvider(host, { context: userContext, initialValue: values.user });
  const locale = new ContextProvider(host, {
    context: localeContext,
    initialValue: values.locale ?? 'fr',
  });
  const theme = new ContextProvider(host, { context: themeContext, initialValue: values.theme });
  const api = new ContextProvider(host, { context: apiContext, initialValue: values.api });
  return {
    update(next) {
      if ('user' in next) user.setValue(next.user);
      if (next.locale) locale.setValue(next.locale);
      if ('theme' in next) theme.setValue(next.theme);
      if ('api' in next) api.setValue(next.api);
    },
  };
}
