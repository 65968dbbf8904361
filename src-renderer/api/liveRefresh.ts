import type { ThunkDispatch, UnknownAction } from '@reduxjs/toolkit';
import type { DataChangedEvent, PushListener } from '../../src-shared/events';
import { baseApi, type ApiExtra } from './baseApi';
import { TAG_TYPES, tagsForChange, type Tag } from './tags';

type Dispatch = ThunkDispatch<unknown, ApiExtra, UnknownAction>;

/**
 * Keeps every open list and card current: each `dataChanged` event (anyone's write, over SSE or
 * IPC) invalidates the tags of what changed. Events that arrive together (a pull announces seven
 * kinds of record, a save announces a record the card's own write also announced) become one
 * invalidation, so a burst costs each open view one refetch; the echo of this window's own write
 * (its mutation already refreshed those views) costs nothing. After the stream was broken
 * (`resync`) every open view refetches: what changed meanwhile was never announced.
 */
export function startLiveRefresh(on: (listener: PushListener) => () => void, dispatch: Dispatch, delayMs = 60): () => void {
  let changes: DataChangedEvent[] = [];
  let everything = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const batch = changes;
    const all = everything;
    changes = [];
    everything = false;
    // Decided at flush time: this window's own mutation may have answered while the events waited.
    dispatch((d, _getState, extra) => {
      const tags = new Set<Tag>(all ? TAG_TYPES : []);
      for (const e of batch) if (!extra?.ownWrites?.isEcho(e)) for (const t of tagsForChange(e.entity)) tags.add(t);
      if (tags.size > 0) d(baseApi.util.invalidateTags([...tags]));
    });
  };
  const off = on((event) => {
    if (event.type === 'dataChanged') changes.push(event);
    else if (event.type === 'resync') everything = true;
    else return;
    timer ??= setTimeout(flush, delayMs);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
