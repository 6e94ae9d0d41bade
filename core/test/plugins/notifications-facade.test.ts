import { expect } from 'chai';
import type { Notification, NotificationService, PluginManifest } from '@preau/sdk';

import { namespaceProblem } from '../../src/plugins/manifest-checks.js';
import { notificationsFacade } from '../../src/plugins/notifications-facade.js';
import { providersOf } from './providers.js';

const manifest = {
  id: 'annonces',
  version: '1.0.0',
  name: { fr: 'Annonces' },
  engines: { 'preau-plugin-api': '^1.2.0' },
  permissions: [
    { name: 'annonces.annonces.read', description: { fr: 'Lire' }, defaultProfiles: ['TUT'] },
  ],
  notificationTypes: [
    {
      id: 'annonce-publiee',
      label: { fr: 'Nouvelle annonce' },
      defaultChannel: 'in-app',
      permission: 'annonces.annonces.read',
    },
  ],
  privacy: { personalData: [] },
} as PluginManifest;

const notification: Notification = {
  ecoleId: 7,
  type: 'annonce-publiee',
  audience: 'ecole',
  title: 'Fête de l’école',
  url: '/apps/annonces/fete',
};

/** A notifications service that records what it is asked. */
function recorder() {
  const calls: unknown[][] = [];
  const service: NotificationService = {
    notify: async (...args) => void calls.push(args),
  };
  return { calls, service };
}

/** The notifications provider with its service, and what is enabled for the école. */
const provider = (service: NotificationService | undefined, enabled: string[]) =>
  providersOf(
    service ? [{ id: 'notifications', provides: ['notifications'], service }] : [],
    enabled,
  );

describe('plugins: ctx.notifications, the facade to the notifications provider', () => {
  it('forwards a notification with the plugin’s id when the provider is enabled for the école', async () => {
    const { calls, service } = recorder();
    const notifications = notificationsFacade(
      manifest,
      provider(service, ['notifications']).providers,
    );
    await notifications.notify(notification);
    expect(calls).to.deep.equal([['annonces', notification]]);
  });

  it('does nothing when the provider is not enabled for the école', async () => {
    const { calls, service } = recorder();
    const notifications = notificationsFacade(manifest, provider(service, ['annonces']).providers);
    await notifications.notify(notification);
    expect(calls).to.deep.equal([]);
  });

  it('does nothing, without reading enablements, when no provider is installed', async () => {
    const { providers, asked } = provider(undefined, ['notifications']);
    const notifications = notificationsFacade(manifest, providers);
    await notifications.notify(notification);
    expect(asked()).to.equal(0);
  });

  it('rejects a type the manifest does not declare, naming it', async () => {
    const { calls, service } = recorder();
    const notifications = notificationsFacade(
      manifest,
      provider(service, ['notifications']).providers,
    );
    let error: Error | undefined;
    await notifications.notify({ ...notification, type: 'autre' }).catch((e: Error) => (error = e));
    expect(error?.message).to.include('notificationTypes « autre »');
    expect(calls).to.deep.equal([]);
  });

  it('refuses a manifest whose notification type needs a permission it does not declare', () => {
    const bad = {
      ...manifest,
      notificationTypes: [
        {
          id: 'annonce-publiee',
          label: { fr: 'A' },
          defaultChannel: 'in-app',
          permission: 'annonces.x.read',
        },
      ],
    } as PluginManifest;
    expect(namespaceProblem(bad)).to.include('annonces.x.read');
    expect(namespaceProblem(manifest)).to.equal(null);
  });

  it('refuses a manifest declaring the same notification type twice', () => {
    const twice = {
      ...manifest,
      notificationTypes: [manifest.notificationTypes![0], manifest.notificationTypes![0]],
    } as PluginManifest;
    expect(namespaceProblem(twice)).to.include('déclaré deux fois');
  });
});
