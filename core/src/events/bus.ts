import type { EventBus, EventHandler, EventName, PreauEvents } from '@preau/sdk';

export type { EventBus, EventHandler, EventName, PreauEvents };

export interface EventBusLogger {
  error(details: object, message: string): void;
}

/**
 * The in-process event bus (the embedded default): handlers run in subscription order, each
 * error logged and contained. A Redis pub/sub adapter implements the same `EventBus` interface.
 */
export class InProcessEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<EventHandler<EventName>>>();

  constructor(private readonly log: EventBusLogger) {}

  async publish<N extends EventName>(name: N, payload: PreauEvents[N]): Promise<void> {
    const handlers = [...(this.handlers.get(name) ?? [])];
    await Promise.all(
      handlers.map(async (handler) => {
        try {
          await handler(payload);
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
