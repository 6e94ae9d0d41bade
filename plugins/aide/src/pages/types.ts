/** The API's answers, as the help centre reads them (see src/server/routes.ts). */

export interface Topic {
  pluginId: string;
  pluginName: string;
  helpId: string;
  title: string;
  page?: string;
}

export interface Contact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
  hours?: string;
  note?: string;
}

export interface Summary {
  topics: Topic[];
  premiersPas: { profile: string; page: string; title: string };
  contacts: Contact[];
}

/** A rendered page: its HTML was sanitised by the server. */
export interface RenderedPage {
  title: string;
  html: string;
  pluginName?: string;
}

export const CONTACT_FIELDS = ['name', 'role', 'email', 'phone', 'hours', 'note'] as const;
