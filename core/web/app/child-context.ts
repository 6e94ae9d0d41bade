import { createContext } from '@lit/context';

import type { ChildInfo, WhoAmI } from '../api/types.js';

/**
 * The child a parent with several children is looking at, chosen in the header's « Enfant »
 * select; undefined for everyone else. Widgets and plugin pages that show one pupil's data
 * (homework, absences) follow it.
 *
 * @example
 * ```ts
 * import { ContextConsumer } from '@lit/context';
 * const child = new ContextConsumer(this, { context: childContext, subscribe: true });
 * child.value?.classe?.name;
 * ```
 */
export type PreauChild = ChildInfo;

// Symbol.for, like the SDK's keys, so a plugin may consume it with its own copy of the key.
export const childContext = createContext<PreauChild | undefined>(Symbol.for('preau.child'));

/** The children a parent acting as such may choose between, in the current école. */
export function childrenHere(me: WhoAmI | undefined | null): WhoAmI['children'] {
  if (!me || me.current.profile !== 'TUT') return [];
  const here = me.children.filter((child) => child.ecole?.id === me.current.ecole?.id);
  return here.length > 0 ? here : me.children;
}

/** The child chosen earlier in this tab, else the first one; null when there is no choice. */
export function rememberedChild(me: WhoAmI): number | null {
  const children = childrenHere(me);
  let saved: number | null = null;
  try {
    saved = Number(sessionStorage.getItem(internals.key(me))) || null;
  } catch {
    // No storage: the first child.
  }
  return children.find((child) => child.id === saved)?.id ?? children[0]?.id ?? null;
}

/** Remembers the chosen child for this tab (a reload keeps it, a new visit starts afresh). */
export function rememberChild(me: WhoAmI, childId: number): void {
  try {
    sessionStorage.setItem(internals.key(me), String(childId));
  } catch {
    // The choice lasts for this page only.
  }
}

const internals = {
  key: (me: WhoAmI) => `preau.child.${me.person.id}`,
};
