export {
  DEFAULT_PREFERENCES,
  LOCALES,
  THEME_IDS,
  THEMES,
  type Locale,
  type Preferences,
  type ThemeId,
} from './portal-options.js';
export { portalRoutes } from './portal-routes.js';
export { PreferencesStore } from './preferences.js';
export { registerWeb, type WebOptions } from './register.js';
