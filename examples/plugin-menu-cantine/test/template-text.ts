import { nothing } from '@preau/sdk/widget';

/*
 * Lit templates turned back into markup, so the widget's rendering can be checked in Node
 * without a browser: the end-to-end suite checks it in Chromium.
 */

/** The markup a template would produce (attribute bindings included). */
export function markupOf(value: unknown): string {
  if (value === nothing || value === null || value === undefined || typeof value === 'symbol') {
    return '';
  }
  // Event listeners (`@click=${…}`): nothing a person reads.
  if (typeof value === 'function') return '';
  if (Array.isArray(value)) return value.map(markupOf).join('');
  if (typeof value === 'object' && 'strings' in value && 'values' in value) {
    const { strings, values } = value as { strings: readonly string[]; values: unknown[] };
    return strings
      .map((part, index) => part + (index < values.length ? markupOf(values[index]) : ''))
      .join('');
  }
  return String(value);
}

/** The text a person would read, whitespace collapsed. */
export function textOf(value: unknown): string {
  return markupOf(value)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}
