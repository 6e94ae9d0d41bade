import type { Preferences, WhoAmI } from '../api/types.js';

/**
 * What the shell's parts ask `<preau-app>`, which holds the state: they announce, the app acts
 * (calls the API, updates the contexts). Events bubble and cross shadow roots.
 */
export interface ShellEvents {
  /** Logged in: the body of POST /api/auth/login. */
  'preau-logged-in': { me: WhoAmI };
  'preau-logout': Record<string, never>;
  /**
   * Theme and/or language chosen; saved for the person when logged in. `from: 'form'` when it
   * comes from the « Préférences » page, which then hears that it was saved.
   */
  'preau-preferences': Partial<Preferences> & { from?: 'form' };
  'preau-switch-context': { ecoleId: number; profile: string };
  'preau-select-child': { childId: number };
}

export type ShellEventName = keyof ShellEvents;

/**
 * Sends a shell event from an element.
 *
 * @example
 * ```ts
 * emit(this, 'preau-select-child', { childId: 12 });
 * ```
 */
export function emit<K extends ShellEventName>(from: Element, name: K, detail: ShellEvents[K]) {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

/** Listens to a shell event on an element, with its detail typed. */
export function on<K extends ShellEventName>(
  target: Element,
  name: K,
  listener: (detail: ShellEvents[K]) => void,
): void {
  target.addEventListener(name, (event) => listener((event as CustomEvent<ShellEvents[K]>).detail));
}
