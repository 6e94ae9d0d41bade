import { definePlugin, readManifest } from '@preau/sdk';

import { demoMenus } from './server/demo.js';
import { MenuStore } from './server/menu-store.js';
import { migrations } from './server/migrations.js';
import { menuHooks } from './server/privacy.js';
import { registerMenuRoutes } from './server/routes.js';
import { reindexMenus } from './server/search.js';
import { menuDuJourLoader } from './server/widget-data.js';

/**
 * The « Menus de la cantine » plugin: what Préau imports from the package. The manifest stays a
 * static file (`manifest.json` at the package root, two levels up from `dist/src/index.js`).
 */
export default definePlugin({
  manifest: readManifest(import.meta.url, '../../manifest.json'),
  migrations,
  register(ctx) {
    const store = new MenuStore(ctx.db);
    registerMenuRoutes(ctx, store);
    ctx.widgetData('menu-du-jour', menuDuJourLoader(ctx, store));
  },
  hooks: (ctx) => {
    const store = new MenuStore(ctx.db);
    return {
      ...menuHooks(ctx, store),
      // Core calls it when search starts for an école that already has menus.
      searchReindex: (ecole) => reindexMenus(ctx, store, ecole.id),
      // Core calls it only when it installs the demo collectivité.
      demoContent: (ecole) => demoMenus(ctx, store, ecole),
    };
  },
});
