import { css } from 'lit';

/**
 * The base styles of every `PreauWidget`. Only theme custom properties (`--preau-*`) are used;
 * each falls back to a CSS system colour, so a widget stays readable (and keeps the system's
 * contrast) even on a page without a theme. The tokens:
 *
 * | Property | Use |
 * |---|---|
 * | `--preau-font-family`, `--preau-font-size`, `--preau-font-size-small`, `--preau-line-height` | text |
 * | `--preau-color-text`, `--preau-color-text-muted`, `--preau-color-surface` | text and background |
 * | `--preau-color-border`, `--preau-color-accent`, `--preau-color-on-accent` | lines, links, buttons |
 * | `--preau-color-focus`, `--preau-focus-width` | the keyboard focus ring |
 * | `--preau-color-danger` | errors (always with a text, never colour alone) |
 * | `--preau-space-xs`, `--preau-space-s`, `--preau-space-m`, `--preau-radius` | spacing, corners |
 *
 * @example
 * ```ts
 * class MyWidget extends PreauWidget {
 *   static override styles = [preauWidgetStyles, css`.total { font-weight: 700; }`];
 * }
 * ```
 */
export const preauWidgetStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    height: 100%;
    overflow: auto;
    font-family: var(--preau-font-family, system-ui, sans-serif);
    font-size: var(--preau-font-size, 1rem);
    line-height: var(--preau-line-height, 1.5);
    color: var(--preau-color-text, CanvasText);
    background: var(--preau-color-surface, Canvas);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 var(--preau-space-xs, 0.25rem);
    line-height: 1.25;
    font-weight: 700;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h4,
  h5,
  h6 {
    font-size: 1em;
  }
  p {
    margin: 0 0 var(--preau-space-s, 0.5rem);
  }
  ul,
  ol {
    margin: 0 0 var(--preau-space-s, 0.5rem);
    padding-inline-start: var(--preau-space-m, 1rem);
  }
  a {
    color: var(--preau-color-accent, LinkText);
    text-decoration: underline;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
    border: 1px solid var(--preau-color-border, ButtonBorder);
    border-radius: var(--preau-radius, 0.25rem);
    color: var(--preau-color-on-accent, ButtonText);
    background: var(--preau-color-accent, ButtonFace);
    cursor: pointer;
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex]:focus-visible {
    outline: var(--preau-focus-width, 3px) solid var(--preau-color-focus, Highlight);
    outline-offset: 2px;
  }
  .muted {
    color: var(--preau-color-text-muted, CanvasText);
    font-size: var(--preau-font-size-small, 0.875em);
  }
  .error {
    color: var(--preau-color-danger, CanvasText);
    border-inline-start: 4px solid var(--preau-color-danger, CanvasText);
    padding-inline-start: var(--preau-space-s, 0.5rem);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
