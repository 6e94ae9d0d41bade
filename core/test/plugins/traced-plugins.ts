import { manifestOf, type TempPlugins } from '../web/temp-plugins.js';

/**
 * What the throwaway plugins of these suites did, as `<plugin id>:<what>` lines: a refused
 * plugin has no service to ask, so its job and its handlers write here, in the test process.
 */
export function trace(): string[] {
  const holder = globalThis as { preauTrace?: string[] };
  holder.preauTrace ??= [];
  return holder.preauTrace;
}

/** Forgets what the plugins did so far. */
export function clearTrace(): void {
  trace().length = 0;
}

/** What makes a throwaway plugin fail at start, after it has registered everything. */
export type Failure = 'none' | 'register-throws' | 'hooks-missing' | 'schema' | 'route-conflict';

export const HEADER_MODULE = 'web/element.js';

/**
 * Writes a plugin that, in register(), schedules the job `compteur` (every minute), subscribes
 * to `directory.changed`, `session.closed` and its own `<id>.pret` (which it publishes at once),
 * registers `GET /bonjour` and the public `GET /salut/{nom?}`, a loader for its widget `resume`,
 * provides a service (whose `publish` is its `ctx.events.publish`), and declares the header
 * item `cloche` — then fails as `failure` says. `hears` adds events it subscribes to.
 */
export async function tracedPlugin(
  temp: TempPlugins,
  id: string,
  failure: Failure,
  hears: readonly string[] = [],
): Promise<string> {
  const manifest = manifestOf(id, {
    engines: { 'preau-plugin-api': '^1.2.0' },
    widgets: [
      {
        id: 'resume',
        tag: `${id}-resume`,
        module: HEADER_MODULE,
        title: { fr: 'Résumé' },
        sizes: { min: { w: 1, h: 1 }, max: { w: 2, h: 2 }, default: { w: 1, h: 1 } },
      },
    ],
    headerItems: [
      { id: 'cloche', tag: `${id}-cloche`, module: HEADER_MODULE, label: { fr: 'Cloche' } },
    ],
    privacy: {
      personalData:
        failure === 'hooks-missing'
          ? [{ description: { fr: 'Des notes' }, retention: { fr: 'Un an' } }]
          : [],
    },
  });
  const failing = {
    none: '',
    'register-throws': "throw new Error('Panne après avoir tout enregistré');",
    'hooks-missing': '',
    schema:
      "ctx.route({ method: 'GET', path: '/filtre', summary: 'Filtre', " +
      "schemas: { query: { type: 'objet' } }, handler: () => ({}) });",
    // hapi mounts /salut/{nom?}, then refuses /salut: the first one stays in its table.
    'route-conflict':
      "ctx.route({ method: 'GET', path: '/salut', summary: 'Salut', access: 'public', " +
      'handler: () => ({}) });',
  }[failure];
  const index = `import { readFileSync } from 'node:fs';
const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));
const trace = (globalThis.preauTrace ??= []);
const id = manifest.id;
export default {
  manifest,
  async register(ctx) {
    ctx.jobs.every({ id: 'compteur', everyMs: 60000 }, async () => void trace.push(id + ':tâche'));
    for (const name of ['directory.changed', 'session.closed', id + '.pret', ...${JSON.stringify(hears)}]) {
      ctx.events.subscribe(name, () => void trace.push(id + ':' + name));
    }
    ctx.route({ method: 'GET', path: '/bonjour', summary: 'Bonjour', handler: () => ({ id }) });
    ctx.route({ method: 'GET', path: '/salut/{nom?}', summary: 'Salut', access: 'public',
      handler: () => ({ id }) });
    ctx.widgetData('resume', async () => ({ id }));
    ctx.provide({ id, publish: (name, payload) => ctx.events.publish(name, payload) });
    await ctx.events.publish(id + '.pret', {});
    ${failing}
  },
};
`;
  return temp.plugin(manifest, { 'index.js': index, [HEADER_MODULE]: 'export {};\n' });
}
