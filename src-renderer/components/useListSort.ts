import { useCallback } from 'react';
import { nextSort, type ListSort } from '../../src-shared/domain/listSort';
import { usePersisted } from './usePersisted';

/**
 * The column a list is sorted by, remembered per list across reloads (issue 24). A click on a head
 * sorts by it ascending, another click reverses; `null` — the list's own order (by name, newest…).
 */
export function useListSort(listKey: string): [ListSort | null, (column: string) => void, (sort: ListSort | null) => void] {
  // Wrapped in an object: usePersisted merges a stored object into the default, which a bare null is not.
  const [state, setState] = usePersisted<{ sort: ListSort | null }>(`${listKey}.sort`, { sort: null });
  const sort = state.sort && typeof state.sort.column === 'string' && (state.sort.direction === 'asc' || state.sort.direction === 'desc') ? state.sort : null;
  const toggle = useCallback((column: string) => setState({ sort: nextSort(sort, column) }), [sort, setState]);
  const set = useCallback((s: ListSort | null) => setState({ sort: s }), [setState]);
  return [sort, toggle, set];
}
