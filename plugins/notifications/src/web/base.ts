import { PreauWidget } from '@preau/sdk/widget';

import { catalogue } from './catalogue.js';
import { listenLive } from './live.js';

/**
 * The base of the plugin's elements: its catalogue and plugin id, a first load once the
 * shell's API client has arrived through context, and live subscriptions held while the
 * element is on the page.
 */
export class NotificationsElement<Data = unknown> extends PreauWidget<Data> {
  static override pluginId = 'notifications';
  static override catalogue = catalogue;

  private started = false;
  private stopListening: Array<() => void> = [];

  /** The live messages this element follows: type → handler. */
  protected liveHandlers(): Record<string, (data: unknown) => void> {
    return {};
  }

  /** Called once, when the API client is there. */
  protected start(): void {}

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = Object.entries(this.liveHandlers()).map(([type, handler]) =>
      listenLive(type, handler),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stopListening.splice(0)) stop();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    // The API client arrives through context once the element is in the shell's tree.
    if (!this.started && this.pluginApi) {
      this.started = true;
      this.start();
    }
  }

  /** Translates with the element's catalogue; handy to pass to module-level render helpers. */
  protected readonly tr = (key: string, values?: Record<string, string | number>): string =>
    this.t(key, values);
}
