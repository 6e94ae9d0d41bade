import { fileURLToPath } from 'node:url';

import type { ServerInjectResponse } from '@hapi/hapi';

import { startTestCore, type TestCore, type TestEngine } from '../../src/testing/index.js';

/** A fixture plugin's folder (core/test/fixtures/plugins/<name>), from core/dist/test/dashboard/. */
export function fixturePlugin(name: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/plugins/${name}`, import.meta.url));
}

/** The widgets of the fixture plugins, by key. */
export const W = {
  resume: 'dashboard-alpha/resume',
  panne: 'dashboard-alpha/panne',
  lent: 'dashboard-alpha/lent',
  grand: 'dashboard-alpha/grand',
  classe: 'dashboard-alpha/classe',
  secret: 'dashboard-beta/secret',
  liens: 'dashboard-beta/liens',
} as const;

/** How long the tests let a widget loader run: far less than the slow widget takes. */
export const TEST_WIDGET_TIMEOUT_MS = 100;

/**
 * A core with the two dashboard fixture plugins: `dashboard-alpha` enabled everywhere,
 * `dashboard-beta` enabled for école A2 only (so people of A1 must never see it).
 */
export async function startDashboardCore(engine: TestEngine): Promise<TestCore> {
  const core = await startTestCore({
    engine,
    plugins: [fixturePlugin('dashboard-alpha'), fixturePlugin('dashboard-beta')],
    config: { dashboard: { widgetTimeoutMs: TEST_WIDGET_TIMEOUT_MS } },
  });
  try {
    const host = core.preau.services.plugins;
    const { a1, a2, b1 } = core.world.ecoles;
    const actor = {
      personId: core.world.people['admin.plateforme'],
      ip: null,
      scope: 'ecole' as const,
    };
    for (const [pluginId, ecoles] of [
      ['dashboard-alpha', [a1, a2, b1]],
      ['dashboard-beta', [a2]],
    ] as const) {
      const plugin = host.get(pluginId);
      if (!plugin) throw new Error(`Le plugin de test ${pluginId} n’a pas démarré`);
      await host.enablement.set(plugin, ecoles, true, actor);
    }
  } catch (error) {
    await core.close();
    throw error;
  }
  return core;
}

/** The widget keys of a dashboard answer's layout, in order. */
export function layoutKeys(response: ServerInjectResponse): string[] {
  return (body(response).layout as Array<{ widget: string }>).map((widget) => widget.widget);
}

/** The widget keys a dashboard answer offers to add. */
export function availableKeys(response: ServerInjectResponse): string[] {
  return (body(response).available as Array<{ widget: string }>).map((widget) => widget.widget);
}

/** A response's JSON body. */
export function body(response: ServerInjectResponse): Record<string, unknown> {
  return JSON.parse(response.payload) as Record<string, unknown>;
}
