import type { LocalizedText } from '@preau/sdk';

/**
 * The themes and languages the portal offers. Each theme is a package `themes/<id>/` whose
 * `tokens.css` the shell loads; each language needs the shell's catalogue and, for plugins, theirs.
 */
export const THEMES = [
  { id: 'default', label: { fr: 'Standard', en: 'Standard' } },
  { id: 'contraste', label: { fr: 'Contraste élevé', en: 'High contrast' } },
] as const satisfies ReadonlyArray<{ id: string; label: LocalizedText }>;

export const LOCALES = ['fr', 'en'] as const;

export type ThemeId = (typeof THEMES)[number]['id'];
export type Locale = (typeof LOCALES)[number];

export const THEME_IDS: readonly ThemeId[] = THEMES.map((theme) => theme.id);

/** A person's choices; what everyone gets until they change them. */
export interface Preferences {
  theme: ThemeId;
  locale: Locale;
}

export const DEFAULT_PREFERENCES: Readonly<Preferences> = { theme: 'default', locale: 'fr' };
