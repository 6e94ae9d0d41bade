import { html, type TemplateResult } from 'lit';

import { localized, t } from '../i18n/catalogue.js';
import { findPluginPage } from './plugin-pages.js';
import type { PreauApp } from './preau-app.js';
import './preau-dashboard-page.js';
import './preau-launcher.js';
import './preau-login-page.js';
import './preau-not-found-page.js';
import './preau-plugin-page.js';
import './preau-preferences-page.js';

/** The page element of the app's current route; each carries `class="page"` for focus. */
export function renderPage(app: PreauApp): TemplateResult {
  const locale = app.preferences.locale;
  const route = app.route;
  switch (route.name) {
    case 'login':
      return html`<preau-login-page
        class="page"
        .api=${app.api}
        .locale=${locale}
        .portalName=${app.portal?.name ?? t(locale, 'app.defaultName')}
        .logoUrl=${app.portal?.logoUrl ?? null}
        .theme=${app.preferences.theme}
      ></preau-login-page>`;
    case 'dashboard':
      return html`<preau-dashboard-page
        class="page"
        .locale=${locale}
        .contextKey=${`${app.me?.current.ecole?.id}:${app.me?.current.profile}`}
        .hasEcole=${Boolean(app.me?.current.ecole)}
      ></preau-dashboard-page>`;
    case 'launcher':
      return html`<preau-launcher
        class="page"
        .plugins=${app.plugins}
        .locale=${locale}
        .theme=${app.preferences.theme}
      ></preau-launcher>`;
    case 'plugin':
      return html`<preau-plugin-page
        class="page"
        .plugins=${app.plugins}
        .pluginId=${route.pluginId}
        .rest=${route.rest}
        .locale=${locale}
      ></preau-plugin-page>`;
    case 'preferences':
      return html`<preau-preferences-page
        class="page"
        .portal=${app.portal}
        .preferences=${app.preferences}
        .locale=${locale}
      ></preau-preferences-page>`;
    case 'not-found':
      return html`<preau-not-found-page class="page" .locale=${locale}></preau-not-found-page>`;
  }
}

/** The current page's name, for the document title. */
export function pageTitle(app: PreauApp): string {
  const locale = app.preferences.locale;
  const route = app.route;
  switch (route.name) {
    case 'login':
      return t(locale, 'login.title', {
        name: app.portal?.name ?? t(locale, 'app.defaultName'),
      });
    case 'dashboard':
      return t(locale, 'page.dashboard');
    case 'launcher':
      return t(locale, 'page.launcher');
    case 'preferences':
      return t(locale, 'page.preferences');
    case 'plugin': {
      const match = findPluginPage(app.plugins, route.pluginId, route.rest);
      return match ? localized(match.page.title, locale) : t(locale, 'page.notFound');
    }
    case 'not-found':
      return t(locale, 'page.notFound');
  }
}
