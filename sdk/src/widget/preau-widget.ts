import { ContextConsumer } from '@lit/context';
import {
  LitElement,
  type CSSResultGroup,
  type PropertyDeclarations,
  type TemplateResult,
} from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';

import type { PluginApiClient, PreauApiClient } from './api-client.js';
import {
  apiContext,
  localeContext,
  themeContext,
  userContext,
  type PreauLocale,
  type PreauTheme,
  type PreauUser,
} from './contexts.js';
import { formatCalendarDate, translate, type Catalogue, type MessageValues } from './i18n.js';
import { preauWidgetStyles } from './styles.js';

/**
 * The base of every dashboard widget. It receives from the shell, through context, the person
 * (`user`), their language (`locale`), the theme (`theme`) and an API client (`api`); from the
 * dashboard, its `data` (what the widget's data loader returned) and its `settings`. It brings
 * translations (`t`, from `static catalogue`), dates said the French way (`formatDate`), headings
 * at the right level (`heading`) and base styles that follow the theme.
 *
 * Lit is used without decorators: reactive properties go in `static properties`, with `declare`
 * fields.
 *
 * @example
 * ```ts
 * import { html, PreauWidget } from '@preau/sdk/widget';
 *
 * interface Data { count: number }
 *
 * export class CompteurWidget extends PreauWidget<Data> {
 *   static override catalogue = {
 *     fr: { title: 'Messages non lus', count: '{count} non lu(s)' },
 *     en: { title: 'Unread messages', count: '{count} unread' },
 *   };
 *
 *   override render() {
 *     return html`${this.heading(this.t('title'))}
 *       <p>${this.t('count', { count: this.data?.count ?? 0 })}</p>`;
 *   }
 * }
 * customElements.define('messagerie-compteur', CompteurWidget);
 * ```
 */
export class PreauWidget<
  Data = unknown,
  Settings extends object = Record<string, unknown>,
> extends LitElement {
  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    settings: { attribute: false },
    dataError: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  static override styles: CSSResultGroup = preauWidgetStyles;

  /** The widget's messages, French required; see `t()`. */
  static catalogue: Catalogue = { fr: {} };

  /** The plugin the widget belongs to: needed by `pluginApi` and `reload()`. */
  static pluginId: string | undefined = undefined;

  /** The widget's id in the plugin's manifest: needed by `reload()`. */
  static widgetId: string | undefined = undefined;

  /** What the widget's data loader returned, as the dashboard hands it over. */
  declare data: Data | undefined;
  /** The widget's settings in force. */
  declare settings: Settings;
  /** Set by the dashboard (or `reload()`) when the data could not be loaded: a French sentence. */
  declare dataError: string | null;
  /**
   * Level of the widget's own headings: 3 by default, since the dashboard titles each widget
   * with an `h2`. `heading(text, 1)` gives the level below.
   */
  declare headingLevel: number;

  private readonly userConsumer = new ContextConsumer(this, {
    context: userContext,
    subscribe: true,
  });
  private readonly localeConsumer = new ContextConsumer(this, {
    context: localeContext,
    subscribe: true,
  });
  private readonly themeConsumer = new ContextConsumer(this, {
    context: themeContext,
    subscribe: true,
  });
  private readonly apiConsumer = new ContextConsumer(this, {
    context: apiContext,
    subscribe: true,
  });

  constructor() {
    super();
    this.data = undefined;
    this.settings = {} as Settings;
    this.dataError = null;
    this.headingLevel = 3;
  }

  /** The person looking at the page; undefined until the shell provides it. */
  get user(): PreauUser | undefined {
    return this.userConsumer.value;
  }

  /** The person's language: the shell's, else the page's `lang`, else French. */
  get locale(): PreauLocale {
    const provided = this.localeConsumer.value;
    if (provided) return provided;
    const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
    return lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  /** The theme in force; undefined when the shell gives none. */
  get theme(): PreauTheme | undefined {
    return this.themeConsumer.value;
  }

  /** The shell's API client; undefined outside the shell (e.g. in a bare test page). */
  get api(): PreauApiClient | undefined {
    return this.apiConsumer.value;
  }

  /** The API client with paths relative to this widget's plugin routes. */
  get pluginApi(): PluginApiClient | undefined {
    const pluginId = this.widgetClass.pluginId;
    return pluginId ? this.api?.pluginApi(pluginId) : undefined;
  }

  /**
   * The message `key` of `static catalogue` in the person's language (French when the English
   * one is missing, the key itself when both are), with `{name}` placeholders filled.
   *
   * @example
   * ```ts
   * this.t('count', { count: 3 }); // '3 non lu(s)'
   * ```
   */
  t(key: string, values?: MessageValues): string {
    return translate(this.widgetClass.catalogue, this.locale, key, values);
  }

  /**
   * A calendar date (`YYYY-MM-DD`) in the person's language: « mardi 1 septembre ».
   *
   * @example
   * ```ts
   * html`<p>${this.formatDate(this.data.date)}</p>`;
   * ```
   */
  formatDate(date: string, options?: Intl.DateTimeFormatOptions): string {
    return formatCalendarDate(date, this.locale, options);
  }

  /**
   * A heading at the widget's level (`headingLevel`, plus `offset`), so that headings inside
   * the widget nest under the dashboard's without skipping a level.
   *
   * @example
   * ```ts
   * html`${this.heading('Entrée', 1)}<ul>…</ul>`; // an h4 under the widget's h3
   * ```
   */
  heading(content: unknown, offset = 0): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) + offset));
    const tag = internals.headingTags[level] as StaticValue;
    return staticHtml`<${tag}>${content}</${tag}>`;
  }

  /**
   * Fetches the widget's data again from its endpoint
   * (`/api/plugins/<pluginId>/widgets/<widgetId>/data`), e.g. after an action in the widget.
   * A failure sets `dataError` to the server's French message and keeps the old data.
   *
   * @example
   * ```ts
   * await this.pluginApi?.post('/votes', { choice });
   * await this.reload();
   * ```
   */
  async reload(): Promise<void> {
    const { pluginId, widgetId } = this.widgetClass;
    if (!pluginId || !widgetId || !this.api) return;
    try {
      this.data = await this.api
        .pluginApi(pluginId)
        .get<Data>(`/widgets/${encodeURIComponent(widgetId)}/data`);
      this.dataError = null;
    } catch (error) {
      this.dataError = (error as Error).message;
    }
  }

  private get widgetClass(): typeof PreauWidget {
    return this.constructor as typeof PreauWidget;
  }
}

// Module-private helpers.

const internals = {
  headingTags: {
    2: literal`h2`,
    3: literal`h3`,
    4: literal`h4`,
    5: literal`h5`,
    6: literal`h6`,
  } as Record<number, StaticValue>,
};
