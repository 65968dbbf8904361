import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Opens the record a link names (`?subjectId=…`, the timetable's pre-check links) once it is
 * loaded — once per link, so closing it does not bring it back when the list refreshes.
 */
export function useLinkedRecord<T extends { id: string }>(param: string, records: readonly T[] | undefined, open: (record: T) => void, enabled = true): void {
  const [params] = useSearchParams();
  const id = params.get(param);
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!enabled || !id || !records || opened.current === id) return;
    const record = records.find((r) => r.id === id);
    if (!record) return;
    opened.current = id;
    open(record);
  }, [enabled, id, records, open]);
}
