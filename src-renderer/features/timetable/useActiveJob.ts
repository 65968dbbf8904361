import { useCallback, useState } from 'react';
import type { ActiveJob } from './GenerationProgress';

const KEY = 'school-office.timetableJob';

/**
 * The generation this window started: kept for the session, so leaving «Расписание» and coming
 * back (the run goes on in the core) shows its progress again.
 */
export function useActiveJob(): { job: ActiveJob | null; setJob: (job: ActiveJob | null) => void } {
  const [job, setState] = useState<ActiveJob | null>(() => {
    try {
      const raw = window.sessionStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as ActiveJob) : null;
    } catch {
      return null;
    }
  });
  const setJob = useCallback((next: ActiveJob | null) => {
    setState(next);
    try {
      if (next) window.sessionStorage.setItem(KEY, JSON.stringify(next));
      else window.sessionStorage.removeItem(KEY);
    } catch {
      /* private mode: the progress lasts for this page only */
    }
  }, []);
  return { job, setJob };
}
