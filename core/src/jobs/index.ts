export { registerCorePurge, CORE_PURGE_EVERY_MS } from './core-purge.js';
export { DbJobScheduler, type DbJobSchedulerOptions } from './db-scheduler.js';
export { noScheduler, type JobRun, type JobScheduler } from './scheduler.js';
