import { css } from 'lit';

/**
 * Styles shared by the shell's elements. Only theme tokens (`--preau-*`), each with a system
 * colour fallback, so a page stays readable before its theme stylesheet arrives. Besides the
 * widget tokens (see the SDK's `preauWidgetStyles`) the shell uses `--preau-color-background`,
 * `--preau-color-link`, `--preau-space-l`, `--preau-space-xl`, `--preau-font-size-large`,
 * `--preau-font-size-title`, `--preau-shadow`, `--preau-touch-target` and
 * `--preau-touch-target-pupil` (themes/default/README.md lists them all).
 */
export const shellStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--preau-font-family, system-ui, sans-serif);
    font-size: var(--preau-font-size, 1rem);
    line-height: var(--preau-line-height, 1.5);
    color: var(--preau-color-text, CanvasText);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1 {
    margin: 0 0 var(--preau-space-m, 1rem);
    font-size: var(--preau-font-size-title, 1.75rem);
    line-height: 1.2;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    outline: var(--preau-focus-width, 3px) solid var(--preau-color-focus, Highlight);
    outline-offset: 4px;
  }
  p {
    margin: 0 0 var(--preau-space-s, 0.5rem);
  }
  a {
    color: var(--preau-color-link, LinkText);
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--preau-space-xs, 0.25rem);
    min-height: var(--preau-touch-target, 2.75rem);
    min-width: var(--preau-touch-target, 2.75rem);
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-m, 1rem);
    border: 2px solid var(--preau-color-accent, ButtonBorder);
    border-radius: var(--preau-radius, 0.25rem);
    color: var(--preau-color-accent, ButtonText);
    background: var(--preau-color-surface, ButtonFace);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  button.primary,
  button[aria-pressed='true'] {
    color: var(--preau-color-on-accent, HighlightText);
    background: var(--preau-color-accent, Highlight);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }
  select,
  input {
    min-height: var(--preau-touch-target, 2.75rem);
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
    border: 2px solid var(--preau-color-border, FieldText);
    border-radius: var(--preau-radius, 0.25rem);
    background: var(--preau-color-surface, Field);
    max-width: 100%;
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: var(--preau-focus-width, 3px) solid var(--preau-color-focus, Highlight);
    outline-offset: 2px;
  }
  .muted {
    color: var(--preau-color-text-muted, CanvasText);
    font-size: var(--preau-font-size-small, 0.875rem);
  }
  .error {
    margin: 0 0 var(--preau-space-m, 1rem);
    padding: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
    border-inline-start: 6px solid var(--preau-color-danger, CanvasText);
    background: var(--preau-color-surface, Canvas);
    color: var(--preau-color-text, CanvasText);
  }
  /* Kept in the page while empty, so that screen readers announce what appears in it. */
  .error:empty {
    margin: 0;
    padding: 0;
    border: 0;
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
  svg {
    flex: none;
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
