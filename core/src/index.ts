export { systemClock, ManualClock, type Clock } from './clock.js';
export {
  loadConfig,
  ConfigError,
  type ConfigInput,
  type LoadConfigOptions,
} from './config/load.js';
export type { PreauConfig } from './config/schema.js';
export type { CoreContext } from './context.js';
export { createPreau, type CreatePreauOptions, type Preau } from './server.js';
export type { CoreServices } from './services.js';
