/**
 * `@preau/sdk/widget`: what a plugin's browser code imports. Lit's `html`, `css`, `svg` and
 * `nothing` are re-exported so that a plugin depends on `@preau/sdk` alone and the page loads
 * one Lit, shared through the shell's import map.
 *
 * @example
 * ```ts
 * import { css, html, PreauWidget, preauWidgetStyles } from '@preau/sdk/widget';
 * ```
 */
export { css, html, nothing, svg } from 'lit';
export type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
export {
  PluginApiClient,
  PreauApiClient,
  PreauApiError,
  withQuery,
  type PreauApiClientOptions,
  type QueryValues,
  type RequestOptions,
} from './api-client.js';
export {
  apiContext,
  localeContext,
  themeContext,
  userContext,
  type PreauLocale,
  type PreauTheme,
  type PreauUser,
  type PreauWidgetEcole,
} from './contexts.js';
export {
  formatCalendarDate,
  translate,
  type Catalogue,
  type MessageValues,
  type Messages,
} from './i18n.js';
export {
  LIVE_MAX_BACKOFF_MS,
  LIVE_RECONNECTED,
  LIVE_URL,
  onLive,
  type LiveHandler,
} from './live.js';
export { PreauWidget } from './preau-widget.js';
export {
  providePreauContext,
  type PreauContextProviders,
  type PreauContextValues,
} from './provide-context.js';
export { preauWidgetStyles } from './styles.js';
