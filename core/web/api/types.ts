// Shapes of the core API answers the shell reads, written for the browser: core/src cannot be
// imported here, and only the fields the shell uses are listed (see core/src/*/schemas.ts).
import type { Profile } from '@preau/sdk';
import type { PreauLocale } from '@preau/sdk/widget';

/** A text shown to people: French required, English optional. */
export interface LocalizedText {
  fr: string;
  en?: string;
}

/** The themes core serves under /themes/<id>/. */
export type ThemeId = 'default' | 'contraste';

/** `GET /api/portal`: the collectivité's branding and what the portal offers. */
export interface PortalInfo {
  name: string;
  /** `#rrggbb`. */
  accentColor: string;
  logoUrl: string | null;
  locales: PreauLocale[];
  themes: Array<{ id: ThemeId; label: LocalizedText }>;
}

/** `GET|PUT /api/me/preferences`. */
export interface Preferences {
  theme: ThemeId;
  locale: PreauLocale;
}

export interface EcoleSummary {
  id: number;
  uai: string;
  name: string;
}

export interface ClasseSummary {
  id: number;
  name: string;
  levels: string[];
}

/** A child of the legal representative looking at the page. */
export interface ChildInfo {
  id: number;
  firstName: string;
  lastName: string;
  ecole: EcoleSummary | null;
  classe: ClasseSummary | null;
}

/** `GET /api/me` (and the answer of login and context switch). */
export interface WhoAmI {
  person: { id: number; uuid: string; firstName: string; lastName: string; displayName: string };
  current: {
    ecole: (EcoleSummary & { collectiviteId: number }) | null;
    profile: Profile | null;
    profileLabel: string | null;
  };
  memberships: Array<{
    ecole: EcoleSummary;
    profile: Profile;
    profileLabel: string;
    classe: ClasseSummary | null;
  }>;
  children: ChildInfo[];
}

/** A « Mes applis » entry of a plugin: opens `/apps/<plugin-id><path>`. */
export interface NavigationEntry {
  id: string;
  label: LocalizedText;
  path: string;
  /** A theme icon name, or a file path inside the plugin package. */
  icon?: string;
}

/** A page a plugin contributes, rendered by the shell at `/apps/<plugin-id><path>`. */
export interface PluginPage {
  id: string;
  path: string;
  tag: string;
  /** ES module defining `tag`, relative to the plugin package root. */
  module: string;
  title: LocalizedText;
}

/** An element a plugin adds to the header (bell, search box), loaded from `module`. */
export interface HeaderItem {
  id: string;
  /** Custom element tag, `<plugin-id>-…`. */
  tag: string;
  /** ES module defining `tag`, relative to the plugin package root. */
  module: string;
  /** Its accessible name, shown while the module loads. */
  label: LocalizedText;
  /** Smallest first; 100 when absent. */
  order?: number;
}

/** One plugin of `GET /api/plugins`. */
export interface EnabledPlugin {
  id: string;
  version: string;
  name: LocalizedText;
  description: LocalizedText | null;
  navigation: NavigationEntry[];
  /** Absent until core serves plugin pages. */
  pages?: PluginPage[];
  /** Header items the person may see; absent from an older core. */
  headerItems?: HeaderItem[];
}

/** `GET /api/plugins`. */
export interface MyPlugins {
  ecoleId: number | null;
  plugins: EnabledPlugin[];
}
