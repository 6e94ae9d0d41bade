import type { Page } from 'playwright-core';

/** The element that has the keyboard focus, through shadow roots. */
export interface Focused {
  tag: string;
  /** Its accessible name as far as the tests need it: aria-label, label text, or text. */
  name: string;
  /** `data-widget` of the widget section it is in (or is), if any. */
  widget: string | null;
}

/** What has the focus now. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return { tag: '', name: '', widget: null };
    const labelled = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    const name = (element.getAttribute('aria-label') || labelled || element.textContent || '')
      .replace(/\s+/g, ' ')
      .trim();
    // Climb to the enclosing widget section, crossing shadow boundaries.
    let current: Element | null = element;
    let widget: string | null = null;
    while (current) {
      if (current.matches('section[data-widget]')) {
        widget = current.getAttribute('data-widget');
        break;
      }
      current = current.parentElement ?? (current.getRootNode() as ShadowRoot).host ?? null;
    }
    return { tag: element.localName, name, widget };
  });
}

/**
 * Presses Tab (Shift+Tab when `backwards`) until `wanted` holds for the focused element (no
 * press when it already does), at most `maxPresses` times; returns every element focused on the
 * way, the wanted one last. Fails, listing them, otherwise.
 */
export async function tabUntil(
  page: Page,
  wanted: (element: Focused) => boolean,
  what: string,
  maxPresses = 60,
  backwards = false,
): Promise<Focused[]> {
  const seen: Focused[] = [await focused(page)];
  if (wanted(seen[0]!)) return seen;
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(now);
    if (wanted(now)) return seen;
  }
  throw new Error(
    `${what} : pas atteint en ${maxPresses} tabulations ; focus vu sur : ` +
      seen.map((element) => `${element.tag} « ${element.name.slice(0, 40)} »`).join(', '),
  );
}
