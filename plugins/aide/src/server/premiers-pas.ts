import { readFile } from 'node:fs/promises';

import type { Profile } from '@preau/sdk';

/** The « premiers pas » page of each profile: a Markdown file under `premiers-pas/<lang>/`. */
const PAGE_OF_PROFILE: Record<Profile, string> = {
  ELV: 'eleve',
  TUT: 'parent',
  ENS: 'enseignant',
  DIR: 'directeur',
  COL: 'personnel-municipal',
  ACA: 'circonscription',
  PRT: 'partenaire',
  // Profiles without a page of their own yet get the general welcome.
  EVS: 'bienvenue',
  ETA: 'bienvenue',
  DOC: 'bienvenue',
  INV: 'bienvenue',
};

/** The page name for a profile (`eleve`, `parent`…). */
export function premiersPasPage(profile: Profile): string {
  return PAGE_OF_PROFILE[profile] ?? 'bienvenue';
}

/** The file of a page in a language, relative to the package root. */
export function premiersPasFile(page: string, locale: 'fr' | 'en'): string {
  return `premiers-pas/${locale}/${page}.md`;
}

/** Reads a « premiers pas » file shipped in this package. */
export function readPremiersPas(file: string): Promise<string> {
  return readFile(new URL(`../../../${file}`, import.meta.url), 'utf8');
}

/** The first `# ` heading of a Markdown text: the page's title. */
export function titleOf(markdown: string): string {
  const heading = /^#\s+(.+)$/m.exec(markdown);
  return heading ? heading[1]!.trim() : '';
}

/** The text without its first `# ` heading (shown separately as the page's title). */
export function withoutTitle(markdown: string): string {
  return markdown.replace(/^#\s+.+\n?/m, '');
}
