import { PreauApiError, type PreauApiClient } from '@preau/sdk/widget';

import type { EnabledPlugin, PortalInfo, Preferences, WhoAmI } from './types.js';

/** The core calls the shell makes, typed; widgets and pages use the SDK client directly. */
export class ShellApi {
  constructor(readonly client: PreauApiClient) {}

  /** Branding; the defaults when the server cannot say (the portal still works without it). */
  async portal(): Promise<PortalInfo> {
    try {
      return { ...internals.defaultPortal, ...(await this.client.get<PortalInfo>('/api/portal')) };
    } catch {
      return internals.defaultPortal;
    }
  }

  /** Who is logged in, or null without a session (401). */
  async me(): Promise<WhoAmI | null> {
    try {
      return await this.client.get<WhoAmI>('/api/me');
    } catch (error) {
      if (error instanceof PreauApiError && error.status === 401) return null;
      throw error;
    }
  }

  /** The person's theme and language; the defaults when none could be read. */
  async preferences(): Promise<Preferences> {
    try {
      return { ...internals.defaultPreferences, ...(await this.client.get('/api/me/preferences')) };
    } catch (error) {
      if (error instanceof PreauApiError && error.status === 401) throw error;
      return internals.defaultPreferences;
    }
  }

  savePreferences(preferences: Preferences): Promise<unknown> {
    return this.client.put('/api/me/preferences', preferences);
  }

  async plugins(): Promise<EnabledPlugin[]> {
    return (await this.client.get<{ plugins: EnabledPlugin[] }>('/api/plugins')).plugins;
  }

  login(login: string, password: string): Promise<WhoAmI> {
    return this.client.post<WhoAmI>('/api/auth/login', { login, password });
  }

  async logout(): Promise<void> {
    await this.client.post('/api/auth/logout');
  }

  switchContext(ecoleId: number, profile: string): Promise<WhoAmI> {
    return this.client.post<WhoAmI>('/api/me/context', { ecoleId, profile });
  }
}

const internals = {
  defaultPortal: {
    name: 'Préau',
    accentColor: '#0b5cad',
    logoUrl: null,
    locales: ['fr', 'en'],
    themes: [
      { id: 'default', label: { fr: 'Standard', en: 'Standard' } },
      { id: 'contraste', label: { fr: 'Contraste élevé', en: 'High contrast' } },
    ],
  } as PortalInfo,
  defaultPreferences: { theme: 'default', locale: 'fr' } as Preferences,
};
