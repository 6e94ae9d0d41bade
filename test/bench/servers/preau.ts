import { createPreau, type Preau } from '@preau/core';

import { benchConfig } from '../seed.js';

/** What a bench Préau is started with. */
export interface PreauOptions {
  url: string;
  workDir: string;
  pluginPath: string;
}

/** Préau itself, as deployed: migrations already run, the plugin loaded, listening on 127.0.0.1. */
export async function startPreau(options: PreauOptions): Promise<Preau> {
  const preau = await createPreau({
    config: benchConfig(options.url, options.workDir, options.pluginPath),
  });
  await preau.listen();
  return preau;
}
