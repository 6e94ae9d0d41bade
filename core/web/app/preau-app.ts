import { ContextProvider } from '@lit/context';
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  PreauApiClient,
  PreauApiError,
  providePreauContext,
  type PreauContextProviders,
  type PreauLocale,
  type PreauUser,
} from '@preau/sdk/widget';

import { sessionWatchingFetch } from '../api/session-fetch.js';
import { ShellApi } from '../api/shell-api.js';
import type { EnabledPlugin, PortalInfo, Preferences, WhoAmI } from '../api/types.js';
import { profileName, t } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { appStyles } from './app-styles.js';
import { applyAppearance, devicePreferences, themeValue } from './appearance.js';
import {
  childContext,
  childrenHere,
  rememberChild,
  rememberedChild,
  type PreauChild,
} from './child-context.js';
import { on, type ShellEvents } from './events.js';
import { headerItemsOf } from './header-items.js';
import { ShellNavigation } from './navigation.js';
import { pageTitle, renderPage } from './pages.js';
import { loadDashboard } from './preau-dashboard-page.js';
import { LOGIN_PATH, loginPathFor, parseRoute, returnPath, type Route } from './router.js';
import './preau-header.js';
import './preau-header-item.js';

type Phase = 'starting' | 'ready' | 'failed';

/**
 * The portal's root element. It holds the state (branding, the person, their preferences,
 * their plugins, the chosen child, the route), provides the SDK contexts (and `childContext`)
 * to every widget and plugin page, and acts on what the pages and the header ask
 * (`ShellEvents`). Routing and focus are `ShellNavigation`'s.
 */
export class PreauApp extends LitElement {
  static override properties: PropertyDeclarations = {
    phase: { state: true },
    portal: { state: true },
    me: { state: true },
    preferences: { state: true },
    plugins: { state: true },
    childId: { state: true },
    route: { state: true },
    problem: { state: true },
    announcement: { state: true },
  };

  static override styles = appStyles;

  declare phase: Phase;
  declare portal: PortalInfo | undefined;
  declare me: WhoAmI | null;
  declare preferences: Preferences;
  declare plugins: EnabledPlugin[];
  declare childId: number | null;
  declare route: Route;
  /** An action that failed, said in the alert region at the top of the page. */
  declare problem: string;
  /** What the polite live region says (theme switched, profile changed…). */
  declare announcement: string;

  readonly api = new ShellApi(
    new PreauApiClient({ fetch: sessionWatchingFetch(() => this.sessionEnded()) }),
  );
  private readonly navigation = new ShellNavigation(this);
  private readonly providers: PreauContextProviders;
  private readonly childProvider = new ContextProvider(this, {
    context: childContext,
    initialValue: undefined as PreauChild | undefined,
  });
  /** Context switches run one after the other, in the order they were asked. */
  private switching: Promise<void> = Promise.resolve();
  /** Theme or language chosen on the login page: they follow the person into their account. */
  private chosenLoggedOut: Partial<Preferences> = {};

  constructor() {
    super();
    this.phase = 'starting';
    this.portal = undefined;
    this.me = null;
    this.preferences = { theme: 'default', locale: 'fr', ...devicePreferences.read() };
    this.plugins = [];
    this.childId = null;
    this.route = parseRoute(location.pathname);
    this.problem = '';
    this.announcement = '';
    this.providers = providePreauContext(this, {
      api: this.api.client,
      locale: this.preferences.locale,
      theme: themeValue(this.preferences.theme),
    });
    on(this, 'preau-logged-in', ({ me }) => void this.loggedIn(me));
    on(this, 'preau-logout', () => void this.logout());
    on(this, 'preau-preferences', (detail) => void this.changePreferences(detail));
    on(this, 'preau-switch-context', (detail) => this.switchContext(detail));
    on(this, 'preau-select-child', ({ childId }) => this.selectChild(childId));
  }

  /** Whether the first answers are in and a page is shown. */
  get ready(): boolean {
    return this.phase === 'ready';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.boot();
  }

  /**
   * Shows a route, sending people without a session to the login page (remembering where
   * they were going) and people with one away from it.
   */
  show(route: Route) {
    this.problem = '';
    if (!this.me && route.name !== 'login') {
      history.replaceState(null, '', loginPathFor(location.pathname + location.search));
      this.route = { name: 'login' };
    } else if (this.me && route.name === 'login') {
      history.replaceState(null, '', returnPath());
      this.route = parseRoute(location.pathname);
    } else {
      this.route = route;
    }
  }

  override render() {
    const l = this.preferences.locale;
    const header = this.me
      ? html`<preau-header
          .me=${this.me}
          .portal=${this.portal}
          .locale=${l}
          .theme=${this.preferences.theme}
          .childId=${this.childId}
          .current=${this.route.name}
          >${repeat(
            headerItemsOf(this.plugins),
            (placed) => placed.key,
            (placed) =>
              html`<preau-header-item
                slot="tools"
                .placed=${placed}
                .locale=${l}
              ></preau-header-item>`,
          )}</preau-header
        >`
      : nothing;
    return html`<nav class="skip" aria-label=${t(l, 'app.skipNav')}>
        <a class="skip-link" href="#contenu" @click=${this.skipToContent}
          >${t(l, 'app.skipLink')}</a
        >
      </nav>
      ${header}
      <main id="contenu" tabindex="-1">
        <div class="error" role="alert">${this.problem}</div>
        ${this.renderMain(l)}
      </main>
      <div class="visually-hidden" role="status">${this.announcement}</div>`;
  }

  protected override updated() {
    const l = this.preferences.locale;
    const page = this.ready ? pageTitle(this) : t(l, 'app.loading');
    // « Connexion à Préau » already names the portal.
    document.title =
      this.ready && this.route.name === 'login'
        ? page
        : t(l, 'app.pageTitle', { page, portal: this.portal?.name ?? t(l, 'app.defaultName') });
  }

  private renderMain(l: PreauLocale) {
    if (this.phase === 'starting') return html`<p role="status">${t(l, 'app.loading')}</p>`;
    if (this.phase === 'failed') {
      return html`<h1 tabindex="-1">${t(l, 'app.bootFailed')}</h1>
        <button type="button" @click=${() => void this.boot()}>${t(l, 'app.retry')}</button>`;
    }
    return renderPage(this);
  }

  private async boot() {
    this.phase = 'starting';
    if (this.route.name === 'dashboard') loadDashboard().catch(() => undefined);
    try {
      const [portal, me] = await Promise.all([this.api.portal(), this.api.me()]);
      this.portal = portal;
      if (me) await this.enter(me);
      else this.setPreferences(this.preferences);
      this.phase = 'ready';
      this.show(parseRoute(location.pathname));
    } catch (error) {
      this.phase = 'failed';
      this.problem = (error as Error).message;
    }
  }

  /** Takes the person in: their preferences, plugins and child, then the contexts. */
  private async enter(me: WhoAmI) {
    const [saved, plugins] = await Promise.all([
      this.api.preferences(),
      this.api.plugins().catch(() => [] as EnabledPlugin[]),
    ]);
    const preferences = { ...saved, ...this.chosenLoggedOut };
    if (Object.keys(this.chosenLoggedOut).length > 0) {
      this.chosenLoggedOut = {};
      // Best effort: should it fail, the choice still holds for this visit.
      this.api.savePreferences(preferences).catch(() => undefined);
    }
    this.me = me;
    this.plugins = plugins;
    this.childId = rememberedChild(me);
    this.setPreferences(preferences);
    this.provideUser();
  }

  private async loggedIn(me: WhoAmI) {
    try {
      await this.enter(me);
      this.navigation.go(returnPath(), { replace: true });
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private async logout() {
    try {
      await this.api.logout();
    } catch {
      // The session may already be gone: the person is logged out either way.
    }
    this.leave();
    this.navigation.go(LOGIN_PATH);
  }

  /** A call answered 401 while logged in: the session expired or was closed elsewhere. */
  private sessionEnded() {
    if (!this.me) return;
    this.leave();
    this.navigation.go(loginPathFor(location.pathname + location.search), { replace: true });
    this.problem = t(this.preferences.locale, 'app.sessionExpired');
  }

  private leave() {
    this.me = null;
    this.plugins = [];
    this.childId = null;
    this.provideUser();
  }

  private async changePreferences(detail: ShellEvents['preau-preferences']) {
    const { from, ...chosen } = detail;
    const before = this.preferences;
    const next: Preferences = { ...before, ...chosen };
    this.setPreferences(next);
    if (next.theme !== before.theme) {
      this.announce(next.theme === 'contraste' ? 'announce.contrastOn' : 'announce.contrastOff');
    }
    if (!this.me) {
      this.chosenLoggedOut = { ...this.chosenLoggedOut, ...chosen };
      return;
    }
    try {
      await this.api.savePreferences(next);
      if (from === 'form') this.announce('preferences.saved');
    } catch (error) {
      this.failed(error);
    }
  }

  private setPreferences(preferences: Preferences) {
    this.preferences = preferences;
    applyAppearance(this.portal, preferences);
    devicePreferences.write(preferences);
    this.providers.update({ locale: preferences.locale, theme: themeValue(preferences.theme) });
  }

  private switchContext({ ecoleId, profile }: ShellEvents['preau-switch-context']) {
    this.switching = this.switching.then(async () => {
      try {
        const me = await this.api.switchContext(ecoleId, profile);
        this.plugins = await this.api.plugins().catch(() => []);
        this.me = me;
        this.childId = rememberedChild(me);
        this.provideUser();
        this.announce('announce.profile', {
          profile: profileName(me.current.profile, me.current.profileLabel, this.locale),
          ecole: me.current.ecole?.name ?? '',
        });
      } catch (error) {
        this.failed(error);
        // Re-render the header so its « Profil » select shows the profile still in force.
        if (this.me) this.me = { ...this.me };
      }
    });
  }

  private selectChild(childId: number) {
    const child = childrenHere(this.me).find((candidate) => candidate.id === childId);
    if (!child || !this.me) return;
    this.childId = child.id;
    rememberChild(this.me, child.id);
    this.childProvider.setValue(child);
    this.announce('announce.child', { child: `${child.firstName} ${child.lastName}` });
  }

  /** Gives widgets the person (and the chosen child) through context. */
  private provideUser() {
    const me = this.me;
    const ecole = me?.current.ecole;
    const user: PreauUser | undefined =
      me && ecole && me.current.profile
        ? {
            personId: me.person.id,
            firstName: me.person.firstName,
            lastName: me.person.lastName,
            profile: me.current.profile,
            ecole: { id: ecole.id, uai: ecole.uai, name: ecole.name },
          }
        : undefined;
    this.providers.update({ user });
    this.childProvider.setValue(childrenHere(me).find((child) => child.id === this.childId));
  }

  private get locale(): PreauLocale {
    return this.preferences.locale;
  }

  /** Says something in the polite live region; emptied first so a repeat is said again. */
  private announce(key: MessageKey, values?: Record<string, string>) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = t(this.locale, key, values)));
  }

  /** Shows why an action failed; a 401 is already handled (back to the login page). */
  private failed(error: unknown) {
    if (error instanceof PreauApiError && error.status === 401) return;
    this.problem = t(this.locale, 'app.actionFailed', { message: (error as Error).message });
  }

  private skipToContent(event: Event) {
    event.preventDefault();
    void this.navigation.focusHeading();
  }
}

customElements.define('preau-app', PreauApp);
