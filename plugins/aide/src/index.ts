import { definePlugin, readManifest } from '@preau/sdk';

import { ContactStore } from './server/contacts.js';
import { migrations } from './server/migrations.js';
import { registerAideRoutes } from './server/routes.js';

/**
 * The « Aide » plugin: the help centre of the portal. It reads the help that every plugin
 * enabled for the person's école declares (through `ctx.plugins`), renders it to safe HTML,
 * adds « premiers pas » per profile and the école's support contacts.
 */
export default definePlugin({
  manifest: readManifest(import.meta.url, '../../manifest.json'),
  migrations,
  register(ctx) {
    registerAideRoutes(ctx, new ContactStore(ctx.db));
  },
  // Contacts are work details typed by the direction, tied to no Préau account: nothing of
  // theirs belongs to a person's export, and erasing a person leaves them to the direction.
  hooks: {
    exportUser: async () => [],
    eraseUser: async () => undefined,
  },
});
