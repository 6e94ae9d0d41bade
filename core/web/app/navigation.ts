import type { LitElement, ReactiveController } from 'lit';

import { interceptedPath, parseRoute, type Route } from './router.js';

/** What the navigation needs of the app it serves. */
export interface NavigationHost extends LitElement {
  /** Shows a route (the app applies its login rules). */
  show(route: Route): void;
  /** Whether the page is ready to receive focus (not still starting). */
  readonly ready: boolean;
}

/**
 * The History API side of the shell: in-app links followed without reloading, Back and
 * Forward, and focus moved to the new page's main heading after each navigation, so that
 * screen readers say where the person arrived (the first load leaves focus at the top).
 */
export class ShellNavigation implements ReactiveController {
  private focusPending = false;

  constructor(private readonly host: NavigationHost) {
    host.addController(this);
    host.addEventListener('click', (event) => {
      const path = interceptedPath(event);
      if (path === null) return;
      event.preventDefault();
      this.go(path);
    });
  }

  hostConnected() {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected() {
    window.removeEventListener('popstate', this.onPopState);
  }

  hostUpdated() {
    if (!this.focusPending || !this.host.ready) return;
    this.focusPending = false;
    void this.focusHeading();
  }

  /** Goes to an in-app path; `replace` when the current entry should not stay in history. */
  go(path: string, { replace = false } = {}) {
    if (path !== location.pathname + location.search + location.hash) {
      history[replace ? 'replaceState' : 'pushState'](null, '', path);
    }
    this.focusPending = true;
    this.host.show(parseRoute(location.pathname));
    this.host.requestUpdate();
  }

  /** Focuses the current page's `h1` (a page may say where it is, see `focusHeading`). */
  async focusHeading(): Promise<void> {
    await this.host.updateComplete;
    const page = this.host.renderRoot.querySelector<LitElement>('.page');
    if (page && 'focusHeading' in page) {
      await (page as LitElement & { focusHeading(): Promise<void> }).focusHeading();
      return;
    }
    if (page && 'updateComplete' in page) await page.updateComplete;
    const heading = page?.shadowRoot?.querySelector<HTMLElement>('h1');
    (heading ?? this.host.renderRoot.querySelector<HTMLElement>('main'))?.focus();
  }

  private readonly onPopState = () => {
    this.focusPending = true;
    this.host.show(parseRoute(location.pathname));
    this.host.requestUpdate();
  };
}
