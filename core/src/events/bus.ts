/**
 * The event bus through which plugins hear each other. In process by default; the interface is
 * small enough for a Redis pub/sub adapter to implement when several instances run.
 */

/** Events core itself publishes. Plugins extend this map by declaration merging. */
export interface PreauEvents {
  'session.opened': { personId: number; ecoleId: number | null };
  'session.closed': { personId: number };
  'plugin.enabled': { pluginId: string; ecoleId: number };
  'plugin.disabled': { pluginId: string; ecoleId: number };
}

export type EventName = keyof PreauEvents & string;
export type EventHandler<N extends EventName> = (payload: PreauEvents[N]) => void | Promise<void>;

export interface EventBus {
  /** Delivers an event to every subscriber; a failing subscriber never stops the others. */
  publish<N extends EventName>(name: N, payload: PreauEvents[N]): Promise<void>;
  /** Subscribes; returns the function that unsubscribes. */
  subscribe<N extends EventName>(name: N, handler: EventHandler<N>): () => void;
}

export interface EventBusLogger {
  error(details: object, message: string): void;
}

/** The in-process bus: handlers run in subscription order, each error logged and contained. */
export class InProcessEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<EventHandler<EventName>>>();

  constructor(private readonly log: EventBusLogger) {}

  async publish<N extends EventName>(name: N, payload: PreauEvents[N]): Promise<void> {
    const handlers = [...(this.handlers.get(name) ?? [])];
    await Promise.all(
      handlers.map(async (handler) => {
        try {
          await handler(payload as PreauEvents[EventName]);
        } catch (error) {
          this.log.error({ err: error, event: name }, 'Un abonné au bus d’événements a échoué');
        }
      }),
    );
  }

  subscribe<N extends EventName>(name: N, handler: EventHandler<N>): () => void {
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
    }
    set.add(handler as EventHandler<EventName>);
    return () => set.delete(handler as EventHandler<EventName>);
  }
}
