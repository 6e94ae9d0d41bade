/**
 * The version of the contract between Préau and its plugins (manifest, context, routes),
 * independent of core's own version. A plugin states the range it supports in
 * `engines["preau-plugin-api"]`; core refuses a plugin whose range does not include this.
 *
 * History: 1.0.0 the first contract; 1.1.0 adds the manifest's `pages` and `help`
 * contributions, the read-only `ctx.plugins`, `ctx.search` (with the `SearchService` that
 * the recherche plugin provides) and `searchProviders[].permission`; 1.2.0 adds
 * `ctx.notifications`, `ctx.mail`, `ctx.jobs`, `ctx.live`, `ctx.directory.audienceOf`, the
 * manifest's `headerItems`, the `searchReindex` and `demoContent` hooks,
 * `MigrationContext.engine`, and `description`/`permission` on `notificationTypes`; 1.3.0 adds
 * the manifest's `provides` (extension points `search`, `notifications`) and `$schema`.
 *
 * @example
 * ```json
 * { "engines": { "preau-plugin-api": "^1.0.0" } }
 * ```
 */
export const PLUGIN_API_VERSION = '1.3.0';
