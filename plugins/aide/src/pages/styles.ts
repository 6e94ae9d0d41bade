import { css } from '@preau/sdk/widget';

/** The help centre's styles: theme tokens only, touch-sized controls. */
export const aideStyles = css`
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
  section {
    margin: 0 0 var(--preau-space-l, 1.5rem);
  }
  .help-text {
    max-width: 70ch;
    line-height: 1.5;
  }
  ul.topics {
    padding-left: var(--preau-space-m, 1rem);
  }
  ul.topics li {
    margin: var(--preau-space-xs, 0.25rem) 0;
  }
  button {
    min-height: var(--preau-touch-target, 44px);
    min-width: var(--preau-touch-target, 44px);
    padding: var(--preau-space-xs, 0.25rem) var(--preau-space-m, 1rem);
    font-weight: 600;
  }
  button.link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--preau-color-link, LinkText);
    text-decoration: underline;
    font-weight: normal;
    cursor: pointer;
    text-align: left;
  }
  ul.contacts {
    list-style: none;
    padding: 0;
  }
  ul.contacts h3 {
    font-size: var(--preau-font-size, 1rem);
    margin: 0 0 var(--preau-space-xs, 0.25rem);
  }
  dl.contact {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--preau-space-xs, 0.25rem) var(--preau-space-s, 0.5rem);
    margin: 0 0 var(--preau-space-m, 1rem);
  }
  dl.contact dt {
    font-weight: 600;
  }
  dl.contact dd {
    margin: 0;
  }
  form {
    display: grid;
    gap: var(--preau-space-m, 1rem);
  }
  fieldset {
    display: grid;
    gap: var(--preau-space-s, 0.5rem);
    border: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
  }
  label {
    display: grid;
    gap: var(--preau-space-xs, 0.25rem);
  }
  input,
  textarea {
    min-height: var(--preau-touch-target, 44px);
    font: inherit;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--preau-space-s, 0.5rem);
  }
  .error {
    color: var(--preau-color-danger, CanvasText);
  }
`;
