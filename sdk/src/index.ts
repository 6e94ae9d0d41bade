export { PLUGIN_API_VERSION } from './api-version.js';
export type { Audience, AudienceMember } from './audience.js';
export type {
  CommunicationRules,
  DirectoryClass,
  DirectoryMembership,
  DirectoryPerson,
  DirectoryReader,
  InstalledPluginHelp,
  MigrationContext,
  PluginContext,
  PluginDatabase,
  PluginLogger,
  PluginMigration,
  PluginsReader,
  PluginSettings,
  QueryBuilder,
  RightsChecker,
  ScopedDatabase,
  WidgetDataLoader,
} from './context.js';
export { errors, HttpError } from './errors.js';
export { isUniqueViolation } from './database-errors.js';
export {
  EXTENSION_POINTS,
  isExtensionPoint,
  type ExtensionPoint,
  type ExtensionPointDefinition,
  type ExtensionPointServices,
} from './extension-points.js';
export type { JobDefinition, PluginJobs } from './jobs.js';
export type { LiveMessage, PluginLive } from './live.js';
export type { MailMessage, MailOutcome, MailRefusal, PluginMail } from './mail.js';
export type { EventBus, EventHandler, EventName, PreauEvents } from './events.js';
export { THEME_ICONS, type ThemeIcon } from './manifest/icons.js';
export { manifestSchema } from './manifest/schema.js';
export type {
  HeaderItemManifest,
  HelpManifest,
  JsonSchema,
  LocalizedText,
  NavigationManifest,
  NotificationChannel,
  NotificationTypeManifest,
  PageManifest,
  PermissionManifest,
  PluginManifest,
  PrivacyManifest,
  SearchProviderManifest,
  WidgetManifest,
  WidgetSize,
} from './manifest/types.js';
export { definePlugin, type HookEcole, type PluginDefinition, type PluginHooks } from './plugin.js';
export {
  isProfile,
  LEVELS,
  LOCAL_PROFILES,
  NATIONAL_PROFILES,
  PROFILE_LABELS,
  PROFILES,
  type Level,
  type Profile,
} from './profiles.js';
export {
  type Notification,
  type NotificationService,
  type PluginNotifications,
} from './notifications.js';
export { readManifest } from './read-manifest.js';
export {
  type PluginSearch,
  type SearchAudience,
  type SearchDocument,
  type SearchService,
} from './search.js';
export {
  isPluginResponse,
  respond,
  type PluginEcole,
  type PluginRequest,
  type PluginResponse,
  type PluginRoute,
  type PluginUser,
} from './routes.js';
