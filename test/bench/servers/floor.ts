import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Hapi, { type Server } from '@hapi/hapi';
import type { PluginManifest, WidgetManifest } from '@preau/sdk';
import Database from 'better-sqlite3';
import { createPool } from 'mysql2/promise';

/** What the floor server needs to read the same rows as Préau's dashboard. */
export interface FloorOptions {
  url: string;
  pluginPath: string;
  cookieName: string;
}

/**
 * The « floor »: a bare hapi server whose one route reads what `GET /api/dashboard` reads —
 * the session by its token's hash, the école, the plugins enabled there, the person's layout and
 * the école's default — with raw prepared statements on the driver, no cache, no framework, and
 * answers the same shape. Préau's route cannot beat it by much without caching; the bench
 * reports how close it comes.
 */
export async function startFloor(options: FloorOptions): Promise<Server> {
  const reader = options.url.startsWith('sqlite:')
    ? sqliteReader(options.url.slice('sqlite:'.length))
    : mysqlReader(options.url);
  const manifest = JSON.parse(
    readFileSync(join(options.pluginPath, 'manifest.json'), 'utf8'),
  ) as PluginManifest;
  const server = Hapi.server({ host: '127.0.0.1', port: 0 });
  server.state(options.cookieName, { encoding: 'none', strictHeader: true, ignoreErrors: true });
  server.route({
    method: 'GET',
    path: '/api/dashboard',
    async handler(request, h) {
      const token = request.state[options.cookieName] as string | undefined;
      if (!token) return h.response({ message: 'Connectez-vous.' }).code(401);
      const rows = await reader(createHash('sha256').update(token).digest('hex'));
      if (!rows) return h.response({ message: 'Session expirée.' }).code(401);
      return dashboardOf(manifest, rows);
    },
  });
  server.events.on('stop', () => void reader.close());
  await server.start();
  return server;
}

// Module-private helpers.

interface Rows {
  session: { person_id: number; ecole_id: number; profile: string };
  ecole: { id: number; name: string };
  enabled: string[];
  personal: string | null;
  defaults: { layout: string; mandatory: string } | null;
}

type Reader = ((sessionId: string) => Promise<Rows | null>) & { close(): Promise<void> };

const SQL = {
  session:
    'SELECT id, person_id, ecole_id, profile, last_seen_at, expires_at FROM sessions WHERE id = ?',
  ecole: 'SELECT id, uai, name, collectivite_id FROM ecoles WHERE id = ?',
  enabled: 'SELECT plugin_id FROM plugin_enablements WHERE ecole_id = ?',
  personal: 'SELECT layout FROM dashboard_layouts WHERE person_id = ? AND ecole_id = ?',
  defaults: 'SELECT layout, mandatory FROM dashboard_defaults WHERE ecole_id = ? AND profile = ?',
};

const IDLE_MS = 120 * 60_000;

interface SessionRow {
  person_id: number;
  ecole_id: number;
  profile: string;
  last_seen_at: number;
  expires_at: number;
}

function live(session: SessionRow | undefined): session is SessionRow {
  const now = Date.now();
  return (
    session !== undefined &&
    Number(session.expires_at) > now &&
    Number(session.last_seen_at) + IDLE_MS > now
  );
}

function sqliteReader(path: string): Reader {
  const db = new Database(path);
  const statements = Object.fromEntries(
    Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<keyof typeof SQL, Database.Statement>;
  const read = async (sessionId: string): Promise<Rows | null> => {
    const session = statements.session.get(sessionId) as SessionRow | undefined;
    if (!live(session)) return null;
    const personal = statements.personal.get(session.person_id, session.ecole_id) as
      { layout: string } | undefined;
    return {
      session,
      ecole: statements.ecole.get(session.ecole_id) as Rows['ecole'],
      enabled: (statements.enabled.all(session.ecole_id) as Array<{ plugin_id: string }>).map(
        (row) => row.plugin_id,
      ),
      personal: personal?.layout ?? null,
      defaults:
        (statements.defaults.get(session.ecole_id, session.profile) as Rows['defaults']) ?? null,
    };
  };
  return Object.assign(read, { close: async () => void db.close() });
}

function mysqlReader(url: string): Reader {
  const pool = createPool({ uri: url, charset: 'utf8mb4', connectionLimit: 8 });
  const rows = async <T>(sql: string, params: Array<string | number>) =>
    (await pool.execute(sql, params))[0] as T[];
  const read = async (sessionId: string): Promise<Rows | null> => {
    const [session] = await rows<SessionRow>(SQL.session, [sessionId]);
    if (!live(session)) return null;
    const [ecoles, enabled, personal, defaults] = await Promise.all([
      rows<Rows['ecole']>(SQL.ecole, [session.ecole_id]),
      rows<{ plugin_id: string }>(SQL.enabled, [session.ecole_id]),
      rows<{ layout: string }>(SQL.personal, [session.person_id, session.ecole_id]),
      rows<NonNullable<Rows['defaults']>>(SQL.defaults, [session.ecole_id, session.profile]),
    ]);
    return {
      session,
      ecole: ecoles[0]!,
      enabled: enabled.map((row) => row.plugin_id),
      personal: personal[0]?.layout ?? null,
      defaults: defaults[0] ?? null,
    };
  };
  return Object.assign(read, { close: () => pool.end() });
}

/** The same answer as Préau's, built straight from the rows and the manifest. */
function dashboardOf(manifest: PluginManifest, rows: Rows) {
  const { session, ecole } = rows;
  const widgets = rows.enabled.includes(manifest.id)
    ? (manifest.widgets ?? []).filter((widget) => granted(manifest, widget, session.profile))
    : [];
  const byKey = new Map(widgets.map((widget) => [`${manifest.id}/${widget.id}`, widget]));
  const placements =
    (JSON.parse(rows.personal ?? rows.defaults?.layout ?? 'null') as Array<{
      widget: string;
      w: number;
      h: number;
    }> | null) ??
    widgets
      .filter((widget) => widget.defaultFor?.includes(session.profile as never))
      .map((widget) => ({ widget: `${manifest.id}/${widget.id}`, ...widget.sizes.default }));
  const mandatory = new Set(JSON.parse(rows.defaults?.mandatory ?? '[]') as string[]);
  const describe = (key: string, widget: WidgetManifest) => ({
    widget: key,
    pluginId: manifest.id,
    pluginVersion: manifest.version,
    tag: widget.tag,
    module: `/plugins/${manifest.id}/${manifest.version}/${widget.module}`,
    title: widget.title,
    description: widget.description ?? null,
    sizes: widget.sizes,
    refreshSeconds: widget.refreshSeconds ?? null,
  });
  const layout = placements
    .filter((placement) => byKey.has(placement.widget))
    .map((placement) => ({
      ...describe(placement.widget, byKey.get(placement.widget)!),
      w: placement.w,
      h: placement.h,
      mandatory: mandatory.has(placement.widget),
    }));
  const placed = new Set(layout.map((widget) => widget.widget));
  return {
    ecole: { id: ecole.id, name: ecole.name },
    profile: session.profile,
    personalised: rows.personal !== null,
    layout,
    available: [...byKey].filter(([key]) => !placed.has(key)).map(([key, w]) => describe(key, w)),
  };
}

function granted(manifest: PluginManifest, widget: WidgetManifest, profile: string): boolean {
  if (!widget.permission) return true;
  const permission = manifest.permissions.find((p) => p.name === widget.permission);
  return permission?.defaultProfiles.includes(profile as never) ?? false;
}
