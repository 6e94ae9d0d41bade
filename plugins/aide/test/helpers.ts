import { fileURLToPath } from 'node:url';

/** The plugin's package folder (tests run from dist/test/). */
export const pluginFolder = fileURLToPath(new URL('../..', import.meta.url));

/** The example plugin « menu-cantine », which ships a help page for its « semaine » page. */
export const menuCantineFolder = fileURLToPath(
  new URL('../../../../examples/plugin-menu-cantine', import.meta.url),
);

/** A test plugin whose help page carries a `<script>`, an `onerror` and a `javascript:` link. */
export const piegeFolder = fileURLToPath(
  new URL('../../test/fixtures/plugin-piege', import.meta.url),
);

/** Every plugin an aide test loads beside aide. */
export const otherPlugins = [menuCantineFolder, piegeFolder];
