export { sessionWatchingFetch } from './session-fetch.js';
export { ShellApi } from './shell-api.js';
export type * from './types.js';
