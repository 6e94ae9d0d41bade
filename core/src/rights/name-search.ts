import type { DatabaseEngine } from '../db/connect.js';

/** Lower case, without accents: « Élève » → « eleve ». */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether `query` starts the text or one of its words, ignoring case and accents. */
export function startsAnyWord(text: string, query: string): boolean {
  const q = foldText(query.trim());
  if (!q) return true;
  const folded = foldText(text);
  return folded.startsWith(q) || folded.split(/[\s'’-]+/).some((word) => word.startsWith(q));
}

/**
 * An SQL condition on `people` (aliased `alias`) true when `query` starts the first name, the
 * last name, « prénom nom » or « nom prénom », ignoring case and accents.
 *
 * MariaDB does this natively: with the utf8mb4_unicode_ci collation of Préau's tables, LIKE
 * ignores case and accents. SQLite's LIKE only ignores ASCII case, and Préau cannot add columns
 * nor rely on a custom function, so the query is turned into a GLOB pattern where each letter
 * becomes the class of its accented and capital forms (« e » → « [eEéÉèÈ…] »). The names
 * themselves are left untouched; the membership filters applied first keep the rows scanned
 * to one école's.
 */
export function nameCondition(
  engine: DatabaseEngine,
  alias: string,
  query: string,
): { sql: string; bindings: string[] } {
  const first = `${alias}.first_name`;
  const last = `${alias}.last_name`;
  if (engine === 'mysql') {
    const pattern = `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const sql = [first, last, `CONCAT(${first}, ' ', ${last})`, `CONCAT(${last}, ' ', ${first})`]
      .map((column) => `${column} LIKE ?`)
      .join(' OR ');
    return { sql: `(${sql})`, bindings: [pattern, pattern, pattern, pattern] };
  }
  const pattern = `${globPattern(query)}*`;
  const sql = [first, last, `${first} || ' ' || ${last}`, `${last} || ' ' || ${first}`]
    .map((column) => `(${column}) GLOB ?`)
    .join(' OR ');
  return { sql: `(${sql})`, bindings: [pattern, pattern, pattern, pattern] };
}

/** Letters whose accented forms a French (or European) name may carry. */
const ACCENTED = 'àáâãäåāăąçćĉčďèéêëēĕėęěìíîïĩīĭįñńňòóôõöøōŏőùúûüũūŭůűųýÿźżžśšŕřľĺłğţť';

const variants: Map<string, string> = (() => {
  const byBase = new Map<string, Set<string>>();
  const add = (base: string, form: string) => {
    const forms = byBase.get(base) ?? new Set<string>([base, base.toUpperCase()]);
    forms.add(form);
    forms.add(form.toUpperCase());
    byBase.set(base, forms);
  };
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') add(letter, letter);
  for (const form of ACCENTED) add(foldText(form), form);
  return new Map([...byBase].map(([base, forms]) => [base, [...forms].join('')]));
})();

/** A GLOB pattern matching `query` whatever the case and accents (without the final `*`). */
function globPattern(query: string): string {
  let pattern = '';
  for (const character of foldText(query)) {
    const forms = variants.get(character);
    if (forms) pattern += `[${forms}]`;
    // GLOB's own special characters stand for themselves inside a class.
    else if ('*?['.includes(character)) pattern += `[${character}]`;
    else pattern += character;
  }
  return pattern;
}
