import type { PreauTheme } from '@preau/sdk/widget';

import type { PortalInfo, Preferences, ThemeId } from '../api/types.js';

/**
 * Puts the person's theme, language and the collectivité's accent colour on the page: the
 * theme stylesheet `#preau-theme`, `<html lang>`, and `--preau-color-accent`.
 */
export function applyAppearance(portal: PortalInfo | undefined, preferences: Preferences): void {
  const root = document.documentElement;
  root.lang = preferences.locale;
  const href = `/themes/${preferences.theme}/tokens.css`;
  let link = document.getElementById('preau-theme') as HTMLLinkElement | null;
  if (!link) {
    link = Object.assign(document.createElement('link'), { id: 'preau-theme', rel: 'stylesheet' });
    document.head.append(link);
  }
  if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  root.dataset.preauTheme = preferences.theme;

  // The collectivité's colour replaces the theme's accent only where it keeps text readable:
  // never in the high-contrast theme, and only when white text on it (and it as link colour on
  // a white surface) reaches the 4.5:1 of WCAG 1.4.3.
  const accent = portal?.accentColor ?? '';
  if (preferences.theme === 'default' && internals.readableOnWhite(accent)) {
    root.style.setProperty('--preau-color-accent', accent);
    root.style.setProperty('--preau-color-on-accent', '#ffffff');
  } else {
    root.style.removeProperty('--preau-color-accent');
    root.style.removeProperty('--preau-color-on-accent');
  }
}

/** What widgets learn of the theme through `themeContext`. */
export function themeValue(theme: ThemeId): PreauTheme {
  const prefers = (query: string) => typeof matchMedia === 'function' && matchMedia(query).matches;
  return {
    name: theme,
    scheme: 'light',
    highContrast: theme === 'contraste' || prefers('(prefers-contrast: more)'),
    reducedMotion: prefers('(prefers-reduced-motion: reduce)'),
  };
}

/**
 * The theme and language last used on this device: the login page shows them, so someone who
 * needs high contrast has it before logging in. Once logged in, the person's saved preferences
 * win and are remembered here in turn.
 */
export const devicePreferences = {
  read(): Partial<Preferences> {
    try {
      const saved = JSON.parse(localStorage.getItem(internals.storageKey) ?? '{}') as unknown;
      const value = (saved ?? {}) as Partial<Record<keyof Preferences, unknown>>;
      const read: Partial<Preferences> = {};
      if (value.theme === 'default' || value.theme === 'contraste') read.theme = value.theme;
      if (value.locale === 'fr' || value.locale === 'en') read.locale = value.locale;
      return read;
    } catch {
      return {};
    }
  },
  write(preferences: Preferences): void {
    try {
      localStorage.setItem(internals.storageKey, JSON.stringify(preferences));
    } catch {
      // Storage refused (private browsing, quota): the choice simply lasts for this page.
    }
  },
};

const internals = {
  storageKey: 'preau.appearance',

  /** WCAG relative luminance contrast of a `#rrggbb` colour against white, at least 4.5. */
  readableOnWhite(hex: string): boolean {
    const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!match) return false;
    const [r, g, b] = match.slice(1).map((part) => {
      const channel = parseInt(part, 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return 1.05 / (luminance + 0.05) >= 4.5;
  },
};
