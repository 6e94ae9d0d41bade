import type { LocalizedText } from '@preau/sdk';

// The shapes of the dashboard API as the browser receives them (core/src/dashboard/types.ts and
// schemas.ts are the source of truth; the server code cannot be imported into the browser build).

/** A widget's size in grid cells. */
export interface CellSize {
  w: number;
  h: number;
}

/** A widget one could place: what the dashboard needs to load and show it. */
export interface OfferedWidget {
  /** `<plugin-id>/<widget-id>`. */
  widget: string;
  pluginId: string;
  pluginVersion: string;
  /** Custom element to create. */
  tag: string;
  /** URL of the ES module that defines the element. */
  module: string;
  title: LocalizedText;
  description: LocalizedText | null;
  sizes: { min: CellSize; max: CellSize; default: CellSize };
  /** Seconds between data refreshes; null: loaded once. */
  refreshSeconds: number | null;
}

/** A widget on the person's dashboard. */
export interface PlacedWidget extends OfferedWidget, CellSize {
  /** Imposed by the école: may not be removed. */
  mandatory: boolean;
}

/** `GET /api/dashboard`, and the answer of every layout change. */
export interface DashboardView {
  ecole: { id: number; name: string };
  profile: string;
  personalised: boolean;
  layout: PlacedWidget[];
  available: OfferedWidget[];
}

/** One widget's entry in `GET /api/dashboard/data`. */
export type WidgetDataResult =
  { status: 'ok'; data: unknown } | { status: 'erreur' | 'délai-dépassé'; message: string };

/** `GET /api/dashboard/data?widgets=…`. */
export interface DashboardData {
  widgets: Record<string, WidgetDataResult>;
}

/** `PUT /api/dashboard/layout`. */
export interface LayoutPayload {
  widgets: Array<{ widget: string } & CellSize>;
}
