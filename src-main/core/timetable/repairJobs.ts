import { newId } from '../../../src-shared/domain/ids';
import type { Core } from '../foundation/context';

/**
 * The «Исправить» jobs running on this core, so «Отменить» can stop one by the id the window gave
 * it — and nothing else: the jobs registry would cancel any job (a backup, an import) by its id.
 */
const running = new WeakMap<Core, Set<string>>();

/** Runs a repair under its job id (the caller's, else a new one), known to `cancelRepair` meanwhile. */
export async function trackRepair<T>(core: Core, jobId: string | undefined, run: (jobId: string) => Promise<T>): Promise<T> {
  const id = jobId ?? newId();
  let set = running.get(core);
  if (!set) running.set(core, (set = new Set()));
  set.add(id);
  try {
    return await run(id);
  } finally {
    set.delete(id);
  }
}

/**
 * Stops a running repair. A cancel that arrives before the worker has started the job (the window
 * presses «Отменить» at once) waits for it up to ~2 s rather than being lost.
 */
export async function cancelRepair(core: Core, jobId: string): Promise<{ cancelled: boolean }> {
  const set = running.get(core);
  for (let i = 0; i < 40 && set?.has(jobId); i++) {
    if (core.jobs.cancel(jobId)) return { cancelled: true };
    await new Promise((r) => setTimeout(r, 50));
  }
  return { cancelled: false };
}
