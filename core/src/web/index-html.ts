import { createHash } from 'node:crypto';

import type { PreauConfig } from '../config/schema.js';
import type { ShellAssets } from './shell-assets.js';

/** The page every portal URL answers with, and the headers that go with it. */
export interface IndexPage {
  html: string;
  /** Strong validator: the page changes only when Préau restarts with another build or config. */
  etag: string;
  contentSecurityPolicy: string;
}

/**
 * Builds index.html once, at start: the import map (so the shell and every plugin widget share
 * one Lit and one SDK), the theme stylesheet the shell swaps for the person's choice, and the
 * shell. The Content-Security-Policy allows scripts from this origin only, plus the inline
 * import map by its hash: no other inline script can run.
 */
export function buildIndexPage(assets: ShellAssets, branding: PreauConfig['branding']): IndexPage {
  const importMap = JSON.stringify({ imports: assets.imports });
  const preloads = assets.preload
    .map((url) => `<link rel="modulepreload" href="${escapeHtml(url)}">`)
    .join('\n');
  // The import map comes before any module load or preload: browsers ignore a later one.
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(branding.name)}</title>
<meta name="theme-color" content="${escapeHtml(branding.accentColor)}">
<link rel="icon" href="data:,">
<script type="importmap">${importMap}</script>
${preloads}
<link id="preau-theme" rel="stylesheet" href="/themes/default/tokens.css">
<script type="module" src="${escapeHtml(assets.shell)}"></script>
</head>
<body>
<preau-app></preau-app>
<noscript>${NOSCRIPT}</noscript>
</body>
</html>
`;
  return {
    html,
    etag: createHash('sha256').update(html).digest('base64url').slice(0, 27),
    contentSecurityPolicy: contentSecurityPolicy(importMap),
  };
}

/** The page served while the browser build is missing (HTTP 503). */
export const NOT_BUILT_HTML = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Préau</title></head>
<body><p>Le portail n’est pas construit : lancez npm run build.</p></body>
</html>
`;

/** The policy for index.html, allowing the given inline import map and nothing else inline. */
export function contentSecurityPolicy(importMap: string): string {
  const hash = createHash('sha256').update(importMap, 'utf8').digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    // Lit and the themes set styles inline (adopted style sheets, style attributes).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

// Module-private helpers.

const NOSCRIPT =
  'Préau a besoin de JavaScript : activez-le dans votre navigateur, puis rechargez la page.';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
