import type { LocalizedText, Profile, WidgetSize } from '@preau/sdk';

/** One widget placed on a dashboard: its key `<plugin-id>/<widget-id>` and its size in cells. */
export interface WidgetPlacement {
  widget: string;
  w: number;
  h: number;
}

/** A widget as the dashboard offers it: what the shell needs to load and place it. */
export interface WidgetDescriptor {
  /** `<plugin-id>/<widget-id>`. */
  widget: string;
  pluginId: string;
  pluginVersion: string;
  /** The widget's id within its plugin. */
  widgetId: string;
  /** Custom element to create. */
  tag: string;
  /** URL of the ES module that defines the element. */
  module: string;
  title: LocalizedText;
  description: LocalizedText | null;
  sizes: { min: WidgetSize; max: WidgetSize; default: WidgetSize };
  /** Seconds between data refreshes; null: loaded with the page only. */
  refreshSeconds: number | null;
  /** Permission needed to see it, if any. */
  permission: string | null;
  /** Profiles who get it by default when the école set no default layout. */
  defaultFor: readonly Profile[];
}

/** A widget on someone's dashboard: its description, size, and whether it may be removed. */
export interface PlacedWidget extends OfferedWidget {
  w: number;
  h: number;
  mandatory: boolean;
}

/** A widget that could be added: its description without placement. */
export type OfferedWidget = Omit<WidgetDescriptor, 'widgetId' | 'permission' | 'defaultFor'>;

/** What `GET /api/dashboard` returns. */
export interface DashboardView {
  ecole: { id: number; name: string };
  profile: string;
  /** Whether the layout is the person's own or the école's default for their profile. */
  personalised: boolean;
  layout: PlacedWidget[];
  available: OfferedWidget[];
}

/** Who is looking at a dashboard: a person acting with a profile in an école. */
export interface DashboardUser {
  personId: number;
  ecoleId: number;
  profile: string;
}

/** The default dashboard of a profile in an école, as set by the école (or computed). */
export interface DashboardDefaults {
  widgets: WidgetPlacement[];
  /** Widget keys nobody of this profile may remove. */
  mandatory: string[];
}

/** An école's default for a profile, as its administrators see and edit it. */
export interface DefaultsView extends DashboardDefaults {
  ecoleId: number;
  profile: string;
  /** Whether the école set this default (false: computed from the widgets' `defaultFor`). */
  custom: boolean;
  /** Every widget this profile may have in this école. */
  available: OfferedWidget[];
}

/** The outcome of one widget's data loader. */
export type WidgetDataResult =
  { status: 'ok'; data: unknown } | { status: 'erreur' | 'délai-dépassé'; message: string };

/** An école as the dashboard needs it (and as widget loaders receive it). */
export interface DashboardEcole {
  id: number;
  uai: string;
  name: string;
  collectiviteId: number;
}
