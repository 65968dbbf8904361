import type { PushListener } from '../../src-shared/events';
import { baseApi } from './baseApi';
import { tagsForChange, type Tag } from './tags';

type Dispatch = (action: ReturnType<typeof baseApi.util.invalidateTags>) => unknown;

/**
 * Keeps every open list and card current: each `dataChanged` event (anyone's write, over SSE or
 * IPC) invalidates the tags of what changed. Events that arrive together (a pull announces seven
 * kinds of record, a save announces a record the card's own write also announced) become one
 * invalidation, so a burst costs each open view one refetch.
 */
export function startLiveRefresh(on: (listener: PushListener) => () => void, dispatch: Dispatch, delayMs = 60): () => void {
  let pending = new Set<Tag>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const tags = [...pending];
    pending = new Set();
    if (tags.length > 0) dispatch(baseApi.util.invalidateTags(tags));
  };
  const off = on((event) => {
    if (event.type !== 'dataChanged') return;
    for (const tag of tagsForChange(event.entity)) pending.add(tag);
    timer ??= setTimeout(flush, delayMs);
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
