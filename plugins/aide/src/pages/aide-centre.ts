import { html, nothing, PreauWidget, preauWidgetStyles } from '@preau/sdk/widget';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

import { catalogue } from './catalogue.js';
import { cleanContacts, renderContacts, renderContactsForm } from './contacts-view.js';
import { aideStyles } from './styles.js';
import type { Contact, RenderedPage, Summary, Topic } from './types.js';

/**
 * `<aide-centre>`: the help centre, `/apps/aide/`. It shows the person's « premiers pas », the
 * help topics of the services enabled for their école, one topic at a time, and the école's
 * support contacts (editable by those holding `aide.contacts.write`). Opened from a service's
 * « Aide » link (`?plugin=<id>&page=<pageId>`), it first shows the help for that page.
 *
 * Every HTML fragment shown here was rendered from Markdown and sanitised by the server.
 */
export class AideCentre extends PreauWidget {
  static override pluginId = 'aide';
  static override catalogue = catalogue;
  static override properties = {
    ...PreauWidget.properties,
    path: { type: String },
    summary: { state: true },
    premiersPas: { state: true },
    context: { state: true },
    topic: { state: true },
    contacts: { state: true },
    canWrite: { state: true },
    draft: { state: true },
    loadError: { state: true },
    saveError: { state: true },
    announcement: { state: true },
    busy: { state: true },
  };
  static override styles = [preauWidgetStyles, aideStyles];

  /** What follows `/apps/aide` in the address; this page lives at `/`. */
  declare path: string;
  declare summary: Summary | null;
  declare premiersPas: RenderedPage | null;
  /** The topics of the page the person came from, when they came from one. */
  declare context: Topic[] | null;
  /** The topic open, or null for the contents. */
  declare topic: RenderedPage | null;
  declare contacts: Contact[];
  declare canWrite: boolean;
  /** The contacts being edited; null when the form is closed. */
  declare draft: Contact[] | null;
  declare loadError: string | null;
  declare saveError: string | null;
  declare announcement: string;
  declare busy: boolean;

  private loaded = false;

  constructor() {
    super();
    this.path = '/';
    this.summary = null;
    this.premiersPas = null;
    this.context = null;
    this.topic = null;
    this.contacts = [];
    this.canWrite = false;
    this.draft = null;
    this.loadError = null;
    this.saveError = null;
    this.announcement = '';
    this.busy = false;
  }

  protected override updated(): void {
    // The API client arrives through context once the element is in the shell's tree.
    if (!this.loaded && this.api) {
      this.loaded = true;
      void this.load();
    }
  }

  override render() {
    return html`<h1>${this.t('title')}</h1>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.renderBody()}`;
  }

  /** Loads the contents, the premiers pas, the contacts and, when asked, the page's help. */
  async load(): Promise<void> {
    const aide = this.pluginApi;
    if (!aide) {
      this.loadError = this.t('no-api');
      return;
    }
    this.loadError = null;
    try {
      const query = new URLSearchParams(globalThis.location?.search ?? '');
      const plugin = query.get('plugin');
      const page = query.get('page') ?? undefined;
      // The portal's chosen language, which may differ from the browser's.
      const langue = this.locale;
      const [summary, premiersPas, contacts, context] = await Promise.all([
        aide.get<Summary>('/sommaire', { query: { langue } }),
        aide.get<RenderedPage>('/premiers-pas', { query: { langue } }),
        aide.get<{ contacts: Contact[]; canWrite: boolean }>('/contacts'),
        plugin
          ? aide.get<{ topics: Topic[] }>('/contexte', { query: { plugin, page, langue } })
          : null,
      ]);
      this.summary = summary;
      this.premiersPas = premiersPas;
      this.contacts = contacts.contacts;
      this.canWrite = contacts.canWrite;
      this.context = context?.topics ?? null;
      if (context?.topics.length === 1) await this.open(context.topics[0]!);
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  /** Opens one help topic. */
  async open(topic: Topic): Promise<void> {
    try {
      const path = `/pages/${encodeURIComponent(topic.pluginId)}/${encodeURIComponent(topic.helpId)}`;
      this.topic = await this.pluginApi!.get<RenderedPage>(path, {
        query: { langue: this.locale },
      });
      this.announcement = this.topic.title;
      // Focus the topic's heading once shown, so a screen reader says where the person is.
      if (!this.isConnected) return;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#topic-title')?.focus();
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  private renderBody() {
    if (this.loadError) {
      return html`<div role="alert"><p class="error">${this.loadError}</p></div>
        <button type="button" @click=${() => this.load()}>${this.t('retry')}</button>`;
    }
    if (!this.summary) return html`<p role="status">${this.t('loading')}</p>`;
    if (this.topic) return this.renderTopic(this.topic);
    return html`${this.renderContext()} ${this.renderPremiersPas()} ${this.renderTopics()}
    ${this.renderContactsSection()}`;
  }

  private renderTopic(topic: RenderedPage) {
    return html`<article aria-labelledby="topic-title">
      <h2 id="topic-title" tabindex="-1">${topic.title}</h2>
      ${topic.pluginName ? html`<p class="muted">${topic.pluginName}</p>` : nothing}
      <div class="help-text">${unsafeHTML(topic.html)}</div>
      <button type="button" class="link" @click=${() => (this.topic = null)}>
        ${this.t('topic.back')}
      </button>
    </article>`;
  }

  private renderContext() {
    if (!this.context) return nothing;
    return html`<section aria-labelledby="context-title">
      <h2 id="context-title">${this.t('context.title')}</h2>
      ${
        this.context.length === 0
          ? html`<p>${this.t('context.none')}</p>`
          : this.renderTopicList(this.context)
      }
    </section>`;
  }

  private renderPremiersPas() {
    const page = this.premiersPas;
    if (!page) return nothing;
    return html`<section aria-labelledby="premiers-pas-title">
      <h2 id="premiers-pas-title">${page.title || this.t('premiers-pas')}</h2>
      <div class="help-text">${unsafeHTML(page.html)}</div>
    </section>`;
  }

  private renderTopics() {
    const topics = this.summary!.topics;
    return html`<section aria-labelledby="topics-title">
      <h2 id="topics-title">${this.t('topics.title')}</h2>
      ${topics.length === 0 ? html`<p>${this.t('topics.none')}</p>` : this.renderTopicList(topics)}
    </section>`;
  }

  private renderTopicList(topics: Topic[]) {
    return html`<ul class="topics">
      ${topics.map(
        (topic) =>
          html`<li>
            <button type="button" class="link" @click=${() => this.open(topic)}>
              ${topic.title}</button
            ><span class="muted"> — ${topic.pluginName}</span>
          </li>`,
      )}
    </ul>`;
  }

  private renderContactsSection() {
    return html`<section aria-labelledby="contacts-title">
      <h2 id="contacts-title">${this.t('contacts.title')}</h2>
      <div role="alert">
        ${this.saveError ? html`<p class="error">${this.saveError}</p>` : nothing}
      </div>
      ${
        this.draft
          ? renderContactsForm(this.draft, (key, values) => this.t(key, values), {
              update: (contacts) => (this.draft = contacts),
              save: (event) => void this.save(event),
              cancel: () => {
                this.draft = null;
                this.saveError = null;
              },
              busy: this.busy,
            })
          : html`${renderContacts(this.contacts, (key, values) => this.t(key, values))}
            ${
              this.canWrite
                ? html`<button type="button" @click=${() => (this.draft = [...this.contacts])}>
                    ${this.t('contacts.edit')}
                  </button>`
                : nothing
            }`
      }
    </section>`;
  }

  private async save(event: Event) {
    event.preventDefault();
    this.busy = true;
    this.saveError = null;
    try {
      const saved = await this.pluginApi!.put<{ contacts: Contact[] }>('/contacts', {
        contacts: cleanContacts(this.draft ?? []),
      });
      this.contacts = saved.contacts;
      this.draft = null;
      this.announcement = this.t('contacts.saved');
    } catch (error) {
      this.saveError = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('aide-centre', AideCentre);
