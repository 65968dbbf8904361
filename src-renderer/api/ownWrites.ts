import { domainEntitiesOf, type DataChangedEvent } from '../../src-shared/events';

/**
 * The records this window has just written. The core announces every write to every client, the
 * writer included; the writer's own mutation has already invalidated those tags, so the echo of its
 * own write would only fetch the same lists a second time. Only an event naming exactly a record
 * written here a moment ago counts as an echo — an event without a record id, or about any other
 * record, always refreshes.
 */
export interface OwnWrites {
  note(entity: string | undefined, input: unknown, result: unknown): void;
  isEcho(event: DataChangedEvent): boolean;
}

const idOf = (v: unknown): string | null => {
  const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : null;
};

/** The record ids a call names: the input's `id`, the result's `id`, or the `id` of an object in the result. */
export function recordIdsOf(input: unknown, result: unknown): string[] {
  const ids = [idOf(input), idOf(result)];
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    for (const v of Object.values(result)) if (!Array.isArray(v)) ids.push(idOf(v));
  }
  return ids.filter((id): id is string => id !== null).filter((id, i, all) => all.indexOf(id) === i);
}

export function createOwnWrites(windowMs = 3000, now: () => number = Date.now): OwnWrites {
  const recent = new Map<string, number>();
  return {
    note(entity, input, result) {
      const at = now();
      for (const [key, t] of recent) if (at - t > windowMs) recent.delete(key);
      for (const e of domainEntitiesOf(entity)) for (const id of recordIdsOf(input, result)) recent.set(`${e}:${id}`, at);
    },
    isEcho(event) {
      if (!event.recordId) return false;
      const t = recent.get(`${event.entity}:${event.recordId}`);
      return t !== undefined && now() - t <= windowMs;
    },
  };
}
