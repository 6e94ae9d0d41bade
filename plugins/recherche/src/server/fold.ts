/**
 * French text as the index compares it: Unicode-composed, accents removed, lower case.
 * Composing first keeps the folded text as long as the original (one letter for one letter),
 * so a position found in the folded text is the same in the original (for snippets).
 */
export function fold(text: string): string {
  return text.normalize('NFC').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** At most this many words of a query are searched for. */
const MAX_TERMS = 8;

/**
 * The words of a query, folded: letters and digits only, so that nothing of the query can
 * reach either engine's query syntax. Every word is then searched as a prefix.
 */
export function queryTerms(query: string): string[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** About this many characters of text around the first word found. */
const SNIPPET_LENGTH = 160;

/** A short extract of `text` around the first of `terms` it contains (or its beginning). */
export function snippetOf(text: string, terms: readonly string[]): string {
  const original = text.normalize('NFC');
  const folded = fold(original);
  const found = terms
    .map((term) => folded.search(new RegExp(`(^|[^\\p{L}\\p{N}])${term}`, 'u')))
    .filter((position) => position >= 0);
  const at = found.length ? Math.min(...found) : 0;
  const start = Math.max(0, at - SNIPPET_LENGTH / 4);
  const end = Math.min(original.length, start + SNIPPET_LENGTH);
  const extract = original.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '… ' : ''}${extract}${end < original.length ? ' …' : ''}`;
}
