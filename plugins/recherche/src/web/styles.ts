import { css } from '@preau/sdk/widget';

/** Shared by the box and the page: the groups of results. Theme tokens only. */
export const resultsStyles = css`
  .group h2 {
    font-size: 1rem;
    margin: var(--preau-space-s, 0.5rem) 0 var(--preau-space-xs, 0.25rem);
  }
  ul.results {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.results li {
    padding: var(--preau-space-xs, 0.25rem) 0;
    border-top: 1px solid var(--preau-color-border, GrayText);
  }
  ul.results a {
    display: inline-block;
    min-height: 1.5rem;
    font-weight: 600;
  }
  .snippet {
    margin: 0;
    color: var(--preau-color-text-muted, CanvasText);
    font-size: var(--preau-font-size-small, 0.875em);
  }
  a,
  .snippet {
    overflow-wrap: anywhere;
  }
`;

/**
 * The header box: a compact form, the results in a panel below it. On a narrow screen the
 * header folds its tools into a column: the panel then flows in the page instead of floating,
 * so it never overflows a 320 px screen.
 */
export const boxStyles = css`
  :host {
    position: relative;
    width: 15rem;
    max-width: 100%;
    height: auto;
    overflow: visible;
    background: transparent;
    min-width: 0;
  }
  form {
    display: flex;
    align-items: stretch;
    gap: var(--preau-space-xs, 0.25rem);
    margin: 0;
  }
  input {
    flex: 1 1 12rem;
    min-width: 0;
    width: 100%;
    min-height: 2.75rem;
    font: inherit;
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
    color: var(--preau-color-text, FieldText);
    background: var(--preau-color-surface, Field);
    border: 1px solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
  }
  button {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  .panel {
    position: absolute;
    left: 0;
    top: calc(100% + var(--preau-space-xs, 0.25rem));
    z-index: 30;
    width: min(30rem, calc(100vw - 1rem));
    max-height: min(70vh, 36rem);
    overflow: auto;
    padding: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
    color: var(--preau-color-text, CanvasText);
    background: var(--preau-color-surface, Canvas);
    border: 1px solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 20%);
  }
  .panel[hidden] {
    display: none;
  }
  .panel p {
    margin: var(--preau-space-xs, 0.25rem) 0;
  }
  .all {
    display: inline-block;
    margin-top: var(--preau-space-s, 0.5rem);
  }
  @media (max-width: 48rem) {
    :host {
      width: auto;
    }
    .panel {
      position: static;
      width: auto;
      max-height: none;
      margin-top: var(--preau-space-xs, 0.25rem);
      box-shadow: none;
    }
  }
`;

/** The results page, `/apps/recherche/`. */
export const pageStyles = css`
  :host {
    height: auto;
    overflow: visible;
    background: transparent;
  }
  h1 {
    font-size: var(--preau-font-size-title, 1.75rem);
    margin: 0 0 var(--preau-space-m, 1rem);
    line-height: 1.2;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    max-width: 40rem;
    align-items: flex-end;
    gap: var(--preau-space-s, 0.5rem);
    margin: 0 0 var(--preau-space-m, 1rem);
  }
  .field {
    display: flex;
    flex-direction: column;
    flex: 1 1 14rem;
    min-width: 0;
  }
  input {
    min-height: 2.75rem;
    font: inherit;
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
    border: 1px solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
  }
  .group h2 {
    font-size: var(--preau-font-size-large, 1.25rem);
    margin-top: var(--preau-space-m, 1rem);
  }
  .results {
    max-width: 70ch;
  }
`;
