import { translate, type Catalogue, type MessageValues, type PreauLocale } from '@preau/sdk/widget';

import type { LocalizedText } from '../api/types.js';
import { en, englishProfileLabels } from './en.js';
import { fr, type MessageKey } from './fr.js';

/** The shell's catalogue, in the SDK's format (plugins bring theirs the same way). */
export const shellCatalogue: Catalogue = { fr, en };

/**
 * A shell message in the person's language.
 *
 * @example
 * ```ts
 * t('en', 'page.dashboard'); // 'Dashboard'
 * ```
 */
export function t(locale: PreauLocale, key: MessageKey, values?: MessageValues): string {
  return translate(shellCatalogue, locale, key, values);
}

/** A manifest text (`{ fr, en? }`) in the person's language, French when English is missing. */
export function localized(text: LocalizedText | undefined, locale: PreauLocale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text.fr;
}

/** A profile's name: the server's French label, or its English name. */
export function profileName(
  profile: string | null,
  frenchLabel: string | null,
  locale: PreauLocale,
) {
  if (locale === 'en' && profile && englishProfileLabels[profile])
    return englishProfileLabels[profile];
  return frenchLabel ?? profile ?? '';
}
