import { expect } from 'chai';
import { html } from 'lit';

import { PreauApiClient } from '../../src/widget/api-client.js';
import { PreauWidget } from '../../src/widget/preau-widget.js';

/** The markup of a template (Node has no DOM: the browser suite renders for real). */
function markupOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(markupOf).join('');
  if (value && typeof value === 'object' && 'strings' in value && 'values' in value) {
    const { strings, values } = value as { strings: readonly string[]; values: unknown[] };
    return strings.map((part, i) => part + (i < values.length ? markupOf(values[i]) : '')).join('');
  }
  return value === undefined || value === null ? '' : String(value);
}

class Compteur extends PreauWidget<{ count: number }> {
  static override pluginId = 'messagerie';
  static override widgetId = 'compteur';
  static override catalogue = {
    fr: { count: '{count} message(s) non lu(s)', title: 'Messages' },
    en: { count: '{count} unread message(s)' },
  };

  override render() {
    return html`${this.heading(this.t('title'))}
      <p>${this.t('count', { count: this.data?.count ?? 0 })}</p>`;
  }
}
customElements.define('messagerie-compteur-test', Compteur);

describe('@preau/sdk/widget: PreauWidget', () => {
  it('starts without data, with empty settings and headings at level 3', () => {
    const widget = new Compteur();
    expect(widget.data).to.equal(undefined);
    expect(widget.settings).to.deep.equal({});
    expect(widget.dataError).to.equal(null);
    expect(widget.headingLevel).to.equal(3);
  });

  it('speaks French when nobody says otherwise', () => {
    const widget = new Compteur();
    widget.data = { count: 2 };
    expect(widget.locale).to.equal('fr');
    expect(markupOf(widget.render())).to.contain('<p>2 message(s) non lu(s)</p>');
  });

  it('translates from the static catalogue of its own class', () => {
    const widget = new (class extends Compteur {
      override get locale() {
        return 'en' as const;
      }
    })();
    expect(widget.t('count', { count: 5 })).to.equal('5 unread message(s)');
    expect(widget.t('title')).to.equal('Messages');
  });

  it('gives headings at its level, and below it with an offset, within h2–h6', () => {
    const widget = new Compteur();
    expect(markupOf(widget.heading('Titre'))).to.equal('<h3>Titre</h3>');
    expect(markupOf(widget.heading('Sous-titre', 1))).to.equal('<h4>Sous-titre</h4>');
    widget.headingLevel = 6;
    expect(markupOf(widget.heading('Profond', 2))).to.equal('<h6>Profond</h6>');
    widget.headingLevel = 1;
    expect(markupOf(widget.heading('Haut'))).to.equal('<h2>Haut</h2>');
  });

  it('formats calendar dates in the person’s language', () => {
    expect(new Compteur().formatDate('2026-09-01')).to.equal('mardi 1 septembre');
  });

  it('has neither user, theme nor API outside a page that provides them', () => {
    const widget = new Compteur();
    expect(widget.user).to.equal(undefined);
    expect(widget.theme).to.equal(undefined);
    expect(widget.api).to.equal(undefined);
    expect(widget.pluginApi).to.equal(undefined);
  });

  it('reloads its data from its endpoint through the shell’s API client', async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return new Response('{"count":7}', { headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const widget = new (class extends Compteur {
      override get api() {
        return new PreauApiClient({ fetch });
      }
    })();
    widget.dataError = 'ancienne erreur';
    await widget.reload();
    expect(urls).to.deep.equal(['/api/plugins/messagerie/widgets/compteur/data']);
    expect(widget.data).to.deep.equal({ count: 7 });
    expect(widget.dataError).to.equal(null);
  });

  it('keeps its data and says why when reloading fails', async () => {
    const fetch = (async () =>
      new Response('{"message":"Ce service n’est pas activé pour votre école."}', {
        status: 404,
        headers: { 'content-type': 'application/json' },
      })) as typeof globalThis.fetch;
    const widget = new (class extends Compteur {
      override get api() {
        return new PreauApiClient({ fetch });
      }
    })();
    widget.data = { count: 1 };
    await widget.reload();
    expect(widget.data).to.deep.equal({ count: 1 });
    expect(widget.dataError).to.equal('Ce service n’est pas activé pour votre école.');
  });
});
