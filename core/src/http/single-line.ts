import type { JsonSchema } from './route.js';

/**
 * Names that end up in e-mail subjects and headers (écoles, classes, people) must stay on one
 * line: a CR or LF there would cut the header, and other control characters show as garbage.
 * `\p{Cc}` is every C0/C1 control (tab, CR, LF included); U+2028/U+2029 break lines too.
 */
export const SINGLE_LINE_PATTERN = '^[^\\p{Cc}\\u2028\\u2029]*$';

/** What validation says when a name breaks the rule (see validation.ts). */
export const SINGLE_LINE_MESSAGE =
  'ne doit contenir ni retour à la ligne, ni tabulation, ni autre caractère de contrôle : ' +
  'écrivez le nom sur une seule ligne';

/** A one-line text field of at most `maxLength` characters, null allowed when `nullable`. */
export function singleLineText(
  maxLength: number,
  { minLength = 0, nullable = false }: { minLength?: number; nullable?: boolean } = {},
): JsonSchema {
  return {
    type: nullable ? ['string', 'null'] : 'string',
    ...(minLength > 0 ? { minLength } : {}),
    maxLength,
    pattern: SINGLE_LINE_PATTERN,
  };
}

/** Whether `text` holds a character the pattern refuses (for names that bypass HTTP). */
export function breaksSingleLine(text: string): boolean {
  return !new RegExp(SINGLE_LINE_PATTERN, 'u').test(text);
}
