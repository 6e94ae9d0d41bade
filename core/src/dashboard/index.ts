export { Dashboard } from './dashboard.js';
export { DEFAULTS_TTL_MS, type DefaultsActor } from './layout-store.js';
export { moduleUrl, widgetKey, WidgetRegistry } from './registry.js';
export { dashboardRoutes } from './routes.js';
export type {
  DashboardDefaults,
  DashboardUser,
  DashboardView,
  DefaultsView,
  OfferedWidget,
  PlacedWidget,
  WidgetDataResult,
  WidgetDescriptor,
  WidgetPlacement,
} from './types.js';
