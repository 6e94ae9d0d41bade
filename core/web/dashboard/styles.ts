import { css } from 'lit';

/**
 * The dashboard's look, through theme tokens only (each with a system fallback). The grid has 4
 * columns from 1024 px, 2 from 600 px, 1 below; a widget spans min(w, columns) columns and h rows
 * of `--preau-dashboard-row-height`. On one column, rows grow with their content instead: on a
 * phone a widget reads better in full than in a small scrolling box (WCAG 1.4.10, reflow).
 */
export const dashboardStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--preau-font-family, system-ui, sans-serif);
    font-size: var(--preau-font-size, 1rem);
    line-height: var(--preau-line-height, 1.5);
    color: var(--preau-color-text, CanvasText);
    --row: var(--preau-dashboard-row-height, 14rem);
    --gap: var(--preau-space-m, 1rem);
    --target: var(--preau-touch-target, 2.75rem);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  p {
    margin: 0 0 var(--preau-space-s, 0.5rem);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
    margin-bottom: var(--preau-space-m, 1rem);
  }
  h1 {
    margin: 0;
    font-size: var(--preau-font-size-title, 1.75rem);
    line-height: 1.2;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    margin: 0;
    font-size: var(--preau-font-size-large, 1.25rem);
    line-height: 1.25;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--preau-space-xs, 0.25rem);
    min-height: var(--target);
    min-width: var(--target);
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-m, 1rem);
    font: inherit;
    font-weight: 600;
    color: var(--preau-color-accent, ButtonText);
    background: var(--preau-color-surface, ButtonFace);
    border: 2px solid var(--preau-color-accent, ButtonBorder);
    border-radius: var(--preau-radius, 0.25rem);
    cursor: pointer;
  }
  button.primary {
    color: var(--preau-color-on-accent, HighlightText);
    background: var(--preau-color-accent, Highlight);
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.45;
  }
  button:focus-visible,
  section:focus-visible {
    outline: var(--preau-focus-width, 3px) solid var(--preau-color-focus, Highlight);
    outline-offset: 2px;
  }
  section:focus:not(:focus-visible) {
    outline: none;
  }
  .icon {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
  }
  .muted {
    color: var(--preau-color-text-muted, GrayText);
    font-size: var(--preau-font-size-small, 0.875rem);
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
  .alert:not(:empty),
  .problem {
    margin-bottom: var(--preau-space-m, 1rem);
    padding: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
    color: var(--preau-color-danger, CanvasText);
    background: var(--preau-color-surface, Canvas);
    border: var(--preau-border-width, 1px) solid var(--preau-color-danger, CanvasText);
    border-inline-start-width: 6px;
    border-radius: var(--preau-radius, 0.25rem);
  }
  .widget .problem {
    margin: 0;
  }
  .problem p {
    color: var(--preau-color-text, CanvasText);
  }
  .problem p:first-child {
    color: var(--preau-color-danger, CanvasText);
    font-weight: 600;
  }

  /* Edit mode: the panel above the grid. */
  .panel {
    margin-bottom: var(--preau-space-m, 1rem);
    padding: var(--preau-space-m, 1rem);
    background: var(--preau-color-surface, Canvas);
    border: 2px dashed var(--preau-color-accent, CanvasText);
    border-radius: var(--preau-radius, 0.25rem);
  }
  .panel-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--preau-space-s, 0.5rem);
  }
  .offers {
    margin: var(--preau-space-m, 1rem) 0 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--preau-space-s, 0.5rem);
  }
  .offers li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--preau-space-s, 0.5rem);
    padding: var(--preau-space-s, 0.5rem) 0;
    border-top: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
  }
  .offers .offer-text {
    flex: 1 1 14rem;
  }
  .offers p {
    margin: 0;
  }
  .add-list > p {
    margin: var(--preau-space-m, 1rem) 0 0;
  }

  /* The grid. */
  .empty {
    padding: var(--preau-space-m, 1rem);
    background: var(--preau-color-surface, Canvas);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--gap);
  }
  .widget {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--preau-space-s, 0.5rem);
    min-width: 0;
    min-height: calc(var(--h, 1) * var(--row) + (var(--h, 1) - 1) * var(--gap));
    padding: var(--preau-space-m, 1rem);
    background: var(--preau-color-surface, Canvas);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
    box-shadow: var(--preau-shadow, none);
  }
  .widget[data-h='2'] {
    --h: 2;
  }
  .widget[data-h='3'] {
    --h: 3;
  }
  .widget[data-h='4'] {
    --h: 4;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
  }
  .head h2 {
    flex: 1 1 auto;
  }
  .body {
    flex: 1 0 auto;
  }
  /* The section scrolls (and takes the focus to do so), not the widget inside it. */
  .body > :not(p, div) {
    height: auto;
    overflow: visible;
  }
  .editing .widget {
    border-style: dashed;
    border-color: var(--preau-color-accent, CanvasText);
  }
  .widget.dragged {
    opacity: 0.5;
  }
  .widget[data-drop]::after {
    content: '';
    position: absolute;
    top: 0;
    bottom: 0;
    width: 6px;
    border-radius: 3px;
    background: var(--preau-color-accent, Highlight);
  }
  .widget[data-drop='before']::after {
    inset-inline-start: calc(var(--gap) / -2 - 3px);
  }
  .widget[data-drop='after']::after {
    inset-inline-end: calc(var(--gap) / -2 - 3px);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--preau-space-xs, 0.25rem);
  }
  .tools button {
    padding: var(--preau-space-xs, 0.25rem);
  }
  .handle {
    padding: var(--preau-space-xs, 0.25rem);
    cursor: grab;
    color: var(--preau-color-text, ButtonText);
    border-style: dashed;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--preau-space-s, 0.5rem);
    font-size: var(--preau-font-size-small, 0.875rem);
    font-weight: 600;
    color: var(--preau-color-text, CanvasText);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, CanvasText);
    border-radius: var(--preau-radius, 0.25rem);
  }
  .size {
    margin: 0;
  }

  /* One column: rows grow with their content, drop marks go above and below. */
  @media (max-width: 599.98px) {
    .widget[data-drop]::after {
      inset-inline: 0;
      top: auto;
      bottom: auto;
      width: auto;
      height: 6px;
    }
    .widget[data-drop='before']::after {
      top: calc(var(--gap) / -2 - 3px);
    }
    .widget[data-drop='after']::after {
      bottom: calc(var(--gap) / -2 - 3px);
    }
  }

  /* Two columns (tablets), then four: rows of a fixed height; widgets scroll inside. */
  @media (min-width: 600px) {
    .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      grid-auto-rows: var(--row);
    }
    .widget {
      min-height: 0;
      overflow: auto;
    }
    .widget[data-w='2'],
    .widget[data-w='3'],
    .widget[data-w='4'] {
      grid-column: span 2;
    }
    .widget[data-h='2'] {
      grid-row: span 2;
    }
    .widget[data-h='3'] {
      grid-row: span 3;
    }
    .widget[data-h='4'] {
      grid-row: span 4;
    }
  }
  @media (min-width: 1024px) {
    .grid {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
    .widget[data-w='3'] {
      grid-column: span 3;
    }
    .widget[data-w='4'] {
      grid-column: span 4;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
