import { svg, type SVGTemplateResult } from 'lit';

/**
 * The shell's pictograms, drawn in `currentColor`, 24×24. Always decorative: each sits next to
 * the text that says the same thing, hence `aria-hidden` and no title.
 */
export type PictogramName =
  | 'eleve'
  | 'parent'
  | 'enseignant'
  | 'personnel'
  | 'menu'
  | 'close'
  | 'contrast'
  | 'logout'
  | 'dashboard'
  | 'apps';

export function pictogram(name: PictogramName, size = 24): SVGTemplateResult {
  return svg`<svg width=${size} height=${size} viewBox="0 0 24 24" fill="none"
    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
    aria-hidden="true" focusable="false">${internals.paths[name]}</svg>`;
}

const internals = {
  paths: {
    // A child with a school bag.
    eleve: svg`<circle cx="11" cy="5" r="3"/><path d="M6 21v-6a5 5 0 0 1 10 0v6"/><rect x="15" y="11" width="5" height="7" rx="1"/>`,
    // An adult holding a child's hand.
    parent: svg`<circle cx="8" cy="5" r="3"/><path d="M3 21v-7a5 5 0 0 1 10 0v7"/><circle cx="17.5" cy="10" r="2"/><path d="M14.5 21v-4a3 3 0 0 1 6 0v4"/><path d="M13 15h2"/>`,
    // A board with a pointer.
    enseignant: svg`<rect x="3" y="3" width="18" height="12" rx="1"/><path d="M7 19l3-4M17 19l-3-4M7 8h6M7 11h9"/>`,
    // An identity badge.
    personnel: svg`<rect x="4" y="4" width="16" height="17" rx="2"/><path d="M9 4V2h6v2"/><circle cx="12" cy="11" r="2.5"/><path d="M8 18a4 4 0 0 1 8 0"/>`,
    menu: svg`<path d="M4 6h16M4 12h16M4 18h16"/>`,
    close: svg`<path d="M6 6l12 12M18 6L6 18"/>`,
    contrast: svg`<circle cx="12" cy="12" r="9"/><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/>`,
    logout: svg`<path d="M10 4H5v16h5M14 8l4 4-4 4M18 12H9"/>`,
    dashboard: svg`<rect x="3" y="3" width="8" height="8" rx="1"/><rect x="13" y="3" width="8" height="5" rx="1"/><rect x="13" y="10" width="8" height="11" rx="1"/><rect x="3" y="13" width="8" height="8" rx="1"/>`,
    apps: svg`<circle cx="6" cy="6" r="2"/><circle cx="12" cy="6" r="2"/><circle cx="18" cy="6" r="2"/><circle cx="6" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="18" cy="12" r="2"/><circle cx="6" cy="18" r="2"/><circle cx="12" cy="18" r="2"/><circle cx="18" cy="18" r="2"/>`,
  } satisfies Record<PictogramName, SVGTemplateResult>,
};
