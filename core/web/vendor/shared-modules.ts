/**
 * The bare specifiers the page shares through its import map: every one is built once into
 * `dist/public/vendor/` and mapped in index.html, so the shell and every plugin widget use the
 * same Lit and the same SDK (never bundled twice). Widgets may import exactly these.
 */
export const SHARED_MODULES = [
  'lit',
  'lit/directive.js',
  'lit/directives/class-map.js',
  'lit/directives/if-defined.js',
  'lit/directives/repeat.js',
  'lit/directives/style-map.js',
  'lit/directives/unsafe-html.js',
  'lit/static-html.js',
  '@lit/context',
  '@preau/sdk/widget',
] as const;
