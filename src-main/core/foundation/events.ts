import type { DomainEntity, PushEvent, PushListener } from '../../../src-shared/events';

export interface EventBus {
  emit(event: PushEvent): void;
  subscribe(listener: PushListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<PushListener>();
  return {
    emit(event) {
      for (const l of [...listeners]) l(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Tells every open window that a record of `entity` changed, so its lists refresh. */
export function emitChanged(ctx: { core: { events: EventBus } }, entity: DomainEntity, recordId?: string): void {
  ctx.core.events.emit({ type: 'dataChanged', entity, recordId });
}
