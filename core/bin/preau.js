#!/usr/bin/env node
// The `preau` command. npm links a package's bin when it installs, before `npm run build` has
// compiled core: a bin pointing into dist/ would not be linked on a fresh clone, so `npx preau`
// would fail. This small committed file is always there; it loads the compiled command.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error(
    'Préau n’est pas encore construit : lancez « npm run build » (ou « npm start ») à la racine du dépôt.',
  );
  process.exit(1);
}
await import(main.href);
