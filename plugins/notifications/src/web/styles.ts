import { css } from '@preau/sdk/widget';

/**
 * Styles shared by the notifications elements: theme tokens only (each with a system-colour
 * fallback), touch-sized controls, and unread items marked by a word and a bar, never by
 * colour alone.
 */
export const itemStyles = css`
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.items > li {
    padding: var(--preau-space-s, 0.5rem);
    border-bottom: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
    border-inline-start: 4px solid transparent;
  }
  ul.items > li.unread {
    border-inline-start-color: var(--preau-color-accent, CanvasText);
  }
  .item-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  li.unread .item-title {
    font-weight: 700;
  }
  .item-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--preau-space-s, 0.5rem);
    margin: 0;
    color: var(--preau-color-text-muted, CanvasText);
    font-size: var(--preau-font-size-small, 0.875rem);
  }
  /* A middle dot between service, type and time; silent for screen readers. */
  .item-meta > span:not(.badge-unread) ~ *::before {
    content: '·' / '';
    margin-inline-end: var(--preau-space-s, 0.5rem);
  }
  .badge-unread {
    display: inline-block;
    padding: 0 var(--preau-space-xs, 0.25rem);
    border: 1px solid currentColor;
    border-radius: var(--preau-radius, 0.25rem);
    font-size: var(--preau-font-size-small, 0.875rem);
    font-weight: 700;
  }
  .item-text {
    margin: var(--preau-space-xs, 0.25rem) 0 0;
    overflow-wrap: anywhere;
  }
  button.link {
    min-height: auto;
    min-width: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--preau-color-link, var(--preau-color-accent, LinkText));
    text-decoration: underline;
    font-weight: normal;
    cursor: pointer;
    text-align: start;
  }
`;

/** Page layout: headings, sections, forms. */
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
    margin-top: var(--preau-space-m, 1rem);
  }
  section {
    margin: 0 0 var(--preau-space-l, 1.5rem);
  }
  .intro {
    max-width: 70ch;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--preau-space-s, 0.5rem);
    margin: var(--preau-space-s, 0.5rem) 0;
  }
  button {
    min-height: var(--preau-touch-target, 2.75rem);
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-m, 1rem);
    font-weight: 600;
  }
  button.secondary {
    color: var(--preau-color-text, ButtonText);
    background: var(--preau-color-surface, ButtonFace);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  fieldset {
    margin: 0 0 var(--preau-space-m, 1rem);
    padding: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 var(--preau-space-xs, 0.25rem);
  }
  label {
    font-weight: 600;
  }
  select,
  input,
  textarea {
    font: inherit;
    min-height: var(--preau-touch-target, 2.75rem);
    max-width: 100%;
    color: var(--preau-color-text, FieldText);
    background: var(--preau-color-surface, Field);
    border: 1px solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
  }
  .field {
    display: grid;
    gap: var(--preau-space-xs, 0.25rem);
    margin: 0 0 var(--preau-space-s, 0.5rem);
  }
  .field-error {
    color: var(--preau-color-danger, CanvasText);
    font-weight: 600;
    margin: 0;
  }
  .success {
    border-inline-start: 4px solid var(--preau-color-success, var(--preau-color-accent, CanvasText));
    padding-inline-start: var(--preau-space-s, 0.5rem);
  }
`;

/** The bell and its panel, which never overflows a phone's screen. */
export const bellStyles = css`
  :host {
    display: inline-block;
    position: relative;
    height: auto;
    overflow: visible;
    background: transparent;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--preau-space-xs, 0.25rem);
    justify-content: center;
    min-height: var(--preau-touch-target, 2.75rem);
    /* An icon button: its name (« Notifications, 3 non lues ») is in aria-label and title. */
    min-width: var(--preau-touch-target, 2.75rem);
    color: var(--preau-color-text, ButtonText);
    background: var(--preau-color-surface, ButtonFace);
    font-weight: 600;
  }
  .toggle svg {
    flex: none;
  }
  .badge {
    min-width: 1.5em;
    padding: 0 0.35em;
    border-radius: 1em;
    color: var(--preau-color-on-accent, Canvas);
    background: var(--preau-color-accent, CanvasText);
    font-size: var(--preau-font-size-small, 0.875rem);
    font-weight: 700;
    line-height: 1.5;
    text-align: center;
  }
  .panel {
    position: absolute;
    z-index: 20;
    inset-inline-end: 0;
    top: calc(100% + var(--preau-space-xs, 0.25rem));
    width: min(24rem, calc(100vw - 1rem));
    max-height: min(36rem, 75vh);
    overflow: auto;
    padding: var(--preau-space-s, 0.5rem);
    color: var(--preau-color-text, CanvasText);
    background: var(--preau-color-surface, Canvas);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
    border-radius: var(--preau-radius, 0.25rem);
    box-shadow: var(--preau-shadow, 0 0.25rem 1rem rgb(0 0 0 / 25%));
  }
  /* On a phone the button may sit anywhere in the folded header: the panel takes the
     viewport's width instead of hanging from the button, so it never overflows. */
  @media (max-width: 30rem) {
    .panel {
      position: fixed;
      top: auto;
      inset-inline: 0.5rem;
      width: auto;
    }
  }
  .panel h2 {
    font-size: 1.1em;
  }
  .panel-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
    margin-top: var(--preau-space-s, 0.5rem);
  }
  .panel-actions a {
    display: inline-flex;
    align-items: center;
    min-height: var(--preau-touch-target, 2.75rem);
  }
  .panel-actions button {
    color: var(--preau-color-text, ButtonText);
    background: var(--preau-color-surface, ButtonFace);
  }
`;

/** « Mes notifications »: one type per row, interval fields side by side when room allows. */
export const reglagesStyles = css`
  .type {
    display: grid;
    gap: var(--preau-space-xs, 0.25rem);
    margin: 0 0 var(--preau-space-m, 1rem);
  }
  .type select {
    width: 100%;
    max-width: 32rem;
  }
  .interval-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--preau-space-s, 0.5rem);
  }
  .interval-fields select,
  .interval-fields input {
    width: 100%;
  }
`;
