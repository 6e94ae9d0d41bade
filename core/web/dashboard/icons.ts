import { svg, type SVGTemplateResult } from 'lit';

/** The pictograms of the edit controls; decorative, since every button has a name. */
export type DashboardIcon = 'handle' | 'up' | 'down' | 'grow' | 'shrink' | 'remove' | 'add';

const paths: Record<DashboardIcon, SVGTemplateResult> = {
  handle: svg`<circle cx="9" cy="6" r="1.6"/><circle cx="15" cy="6" r="1.6"/><circle cx="9" cy="12" r="1.6"/><circle cx="15" cy="12" r="1.6"/><circle cx="9" cy="18" r="1.6"/><circle cx="15" cy="18" r="1.6"/>`,
  up: svg`<path d="M12 5l-6 6m6-6l6 6M12 5v14" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`,
  down: svg`<path d="M12 19l-6-6m6 6l6-6M12 19V5" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`,
  grow: svg`<path d="M14 4h6v6M10 20H4v-6M20 4l-7 7M4 20l7-7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`,
  shrink: svg`<path d="M20 10h-6V4M4 14h6v6M14 10l7-7M10 14l-7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`,
  remove: svg`<path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  add: svg`<path d="M12 5v14M5 12h14" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
};

/** A 24 × 24 pictogram in the current text colour, hidden from assistive technologies. */
export function icon(name: DashboardIcon): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" fill="currentColor" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}
