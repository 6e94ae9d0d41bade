import { expect } from 'chai';

import { NAMES, WIDGETS } from './support/accounts.js';
import { apiSession } from './support/api.js';
import { useE2E } from './support/browser.js';
import {
  sectionStates,
  waitForUsableDashboard,
  waitUntil,
  widgetRegion,
  type DashboardView,
} from './support/dashboard.js';
import { logIn } from './support/login.js';

/** Whether a request fetched the data of widget `key` (aggregated, or from its own endpoint). */
function asksDataOf(url: string, key: string): boolean {
  const parsed = new URL(url);
  if (parsed.pathname === '/api/dashboard/data') {
    return (parsed.searchParams.get('widgets') ?? '').split(',').includes(key);
  }
  const [pluginId, widgetId] = key.split('/');
  return parsed.pathname === `/api/plugins/${pluginId}/widgets/${widgetId}/data`;
}

// SQLite only, like every e2e suite (see profiles.test.ts).
describe('Portail : un widget hors de l’écran', function () {
  this.timeout(90_000);
  // A phone's screen, and (below) a layout whose first widgets are as tall as they may be.
  const e2e = useE2E({ context: { viewport: { width: 360, height: 640 } } });

  it('loads neither its module nor its data until it is scrolled into view', async () => {
    const { page, portal } = e2e;
    const lea = await apiSession(portal.url, 'lea.martin');
    const view = await lea.request<DashboardView>('PUT', '/api/dashboard/layout', 200, {
      widgets: [
        { widget: WIDGETS.menu, w: 2, h: 2 },
        { widget: WIDGETS.meteo, w: 2, h: 4 },
        { widget: WIDGETS.citation, w: 1, h: 1 },
      ],
    });
    const citationModule = view.layout.find((placed) => placed.widget === WIDGETS.citation)!.module;
    const menuModule = view.layout.find((placed) => placed.widget === WIDGETS.menu)!.module;

    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await logIn(page, 'lea.martin');
    const states = await waitForUsableDashboard(page);

    const citation = states.find((section) => section.key === WIDGETS.citation);
    expect(citation, 'the citation has a section').to.not.equal(undefined);
    expect(citation!.inViewport, 'precondition: the citation starts below the fold').to.equal(
      false,
    );
    const fetched = (module: string) =>
      requested.some((url) => new URL(url).pathname === new URL(module, portal.url).pathname);
    expect(fetched(menuModule), 'the visible menu widget was loaded').to.equal(true);
    expect(fetched(citationModule), 'the citation module was not loaded').to.equal(false);
    expect(requested.filter((url) => asksDataOf(url, WIDGETS.citation))).to.deep.equal([]);

    await widgetRegion(page, NAMES.citationWidget).scrollIntoViewIfNeeded();
    await widgetRegion(page, NAMES.citationWidget).getByText(NAMES.citationText).waitFor();
    expect(fetched(citationModule), 'the citation module is loaded once in view').to.equal(true);
    expect(requested.some((url) => asksDataOf(url, WIDGETS.citation))).to.equal(true);
    await waitUntil(
      async () =>
        (await sectionStates(page)).find((section) => section.key === WIDGETS.citation)?.state ===
        'ready'
          ? true
          : undefined,
      'la citation rendue',
    );
  });
});
