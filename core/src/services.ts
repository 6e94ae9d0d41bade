import type { CoreContext } from './context.js';
import { AdminAccess } from './directory/admin-access.js';
import { Dashboard } from './dashboard/dashboard.js';
import { Directory } from './directory/directory.js';
import { SessionStore } from './identity/sessions.js';
import { PluginHost } from './plugins/host.js';
import { Communication } from './rights/communication.js';
import { Permissions } from './rights/permissions.js';

/** Core's services, built once per running Préau and shared by its routes and plugins. */
export interface CoreServices {
  sessions: SessionStore;
  admin: AdminAccess;
  directory: Directory;
  permissions: Permissions;
  communication: Communication;
  plugins: PluginHost;
  dashboard: Dashboard;
}

export function createServices(ctx: CoreContext): CoreServices {
  const sessions = new SessionStore(ctx);
  const admin = new AdminAccess(ctx);
  const directory = new Directory(ctx);
  const permissions = new Permissions(ctx);
  const communication = new Communication(ctx, directory);
  const plugins = new PluginHost(ctx, { directory, permissions, communication });
  const dashboard = new Dashboard(ctx, plugins, permissions);
  return { sessions, admin, directory, permissions, communication, plugins, dashboard };
}
