import { css } from '@preau/sdk/widget';

/** Styles shared by the page and its form: theme tokens only, touch-sized controls. */
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
  h2 {
    font-size: var(--preau-font-size-large, 1.25rem);
  }
  button {
    min-height: var(--preau-touch-target, 44px);
    min-width: var(--preau-touch-target, 44px);
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-m, 1rem);
    font-weight: 600;
  }
  button.secondary {
    color: var(--preau-color-accent, LinkText);
    background: var(--preau-color-surface, Canvas);
    border: var(--preau-border-width, 1px) solid var(--preau-color-accent, ButtonBorder);
  }
  button.danger {
    color: var(--preau-color-on-accent, ButtonText);
    background: var(--preau-color-danger, ButtonFace);
    border-color: var(--preau-color-danger, ButtonBorder);
  }
  button[disabled] {
    cursor: progress;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--preau-space-s, 0.5rem);
    align-items: center;
    margin: var(--preau-space-s, 0.5rem) 0 0;
  }
  .pictogram {
    font-style: normal;
  }
`;

/** The menu form: fieldsets per course and per dish, allergens as a grid of big checkboxes. */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--preau-space-m, 1rem);
  }
  h4 {
    font-size: var(--preau-font-size-large, 1.25rem);
  }
  fieldset {
    margin: 0;
    padding: var(--preau-space-s, 0.5rem);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, CanvasText);
    border-radius: var(--preau-radius, 0.25rem);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 var(--preau-space-xs, 0.25rem);
  }
  fieldset.dish {
    margin-bottom: var(--preau-space-s, 0.5rem);
    display: grid;
    gap: var(--preau-space-s, 0.5rem);
    justify-items: start;
  }
  fieldset.choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0 var(--preau-space-s, 0.5rem);
    width: 100%;
  }
  .field {
    display: grid;
    gap: var(--preau-space-xs, 0.25rem);
    width: 100%;
  }
  input:not([type='checkbox']) {
    font: inherit;
    min-height: var(--preau-touch-target, 44px);
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
    color: var(--preau-color-text, FieldText);
    background: var(--preau-color-surface, Field);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, FieldText);
    border-radius: var(--preau-radius, 0.25rem);
    max-width: 32rem;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--preau-color-danger, CanvasText);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--preau-space-xs, 0.25rem);
    min-height: var(--preau-touch-target, 44px);
    cursor: pointer;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--preau-color-accent, AccentColor);
  }
`;

/** The week: navigation buttons, then one card per day. */
export const weekStyles = css`
  :host {
    max-width: 72rem;
  }
  .week-nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--preau-space-s, 0.5rem);
    margin: 0 0 var(--preau-space-m, 1rem);
  }
  .days {
    list-style: none;
    margin: var(--preau-space-m, 1rem) 0 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: var(--preau-space-m, 1rem);
  }
  .day {
    padding: var(--preau-space-m, 1rem);
    background: var(--preau-color-surface, Canvas);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, CanvasText);
    border-radius: var(--preau-radius, 0.25rem);
    box-shadow: var(--preau-shadow, none);
  }
  .day.editing {
    grid-column: 1 / -1;
  }
  .courses,
  .dishes {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .course + .course {
    margin-top: var(--preau-space-s, 0.5rem);
  }
  h4 {
    font-size: 1em;
    color: var(--preau-color-text-muted, CanvasText);
  }
  .allergens {
    margin: 0;
  }
`;
