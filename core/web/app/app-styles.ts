import { css } from 'lit';

import { shellStyles } from './shell-styles.js';

/** `<preau-app>`'s own styles: the page backdrop, the skip link, the main column. */
export const appStyles = [
  shellStyles,
  css`
    :host {
      display: block;
      min-height: 100vh;
      background: var(--preau-color-background, Canvas);
    }
    .skip-link {
      position: absolute;
      inset-inline-start: var(--preau-space-s, 0.5rem);
      top: var(--preau-space-s, 0.5rem);
      z-index: 10;
      padding: var(--preau-space-s, 0.5rem) var(--preau-space-m, 1rem);
      border-radius: var(--preau-radius, 0.25rem);
      background: var(--preau-color-accent, Highlight);
      color: var(--preau-color-on-accent, HighlightText);
      font-weight: 700;
      transform: translateY(-200%);
    }
    .skip-link:focus {
      transform: none;
    }
    main {
      display: block;
      max-width: 80rem;
      margin: 0 auto;
      padding: var(--preau-space-m, 1rem);
    }
    main:focus {
      outline: none;
    }
    main > .error:not(:empty) {
      margin-bottom: var(--preau-space-m, 1rem);
    }
    @media (min-width: 48rem) {
      main {
        padding: var(--preau-space-l, 1.5rem);
      }
    }
  `,
];
