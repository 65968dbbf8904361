import type { Core } from '../foundation/context';
import { startSolverService, type RunOptions, type SolverHandle, type SolverService, type TimetableInstance } from './engine';

/**
 * The warm solver worker of a core (issue 25): started at the first «Составить» and kept for the
 * core's life, so the worker start, the engine's module load and V8's warm-up (≈ 1.5–2 s from
 * sources, measured by `npm run bench:timetable -- --profile`) are paid once per app session, not
 * on every run. Runs are one at a time anyway (generationJob refuses a second one). A worker that
 * died is dropped and the next run starts a new one; closeCore stops it.
 */
const services = new WeakMap<Core, SolverService>();

export function solveInService(core: Core, instance: TimetableInstance, options: RunOptions): SolverHandle {
  let service = services.get(core);
  if (!service) {
    // No warm-up solves: the first run warms V8 up itself (an extra warm-up would only delay it
    // and burn CPU on a shared machine); every later run finds the worker and its code warm.
    const started = startSolverService({ warmUp: false });
    service = started;
    services.set(core, started);
    core.onClose.push(() => {
      services.delete(core);
      return started.close();
    });
  }
  const current = service;
  const handle = current.solve(instance, options);
  handle.result.catch(() => {
    // A failed worker (crash, out of memory) is not reused; the caller reports the error itself.
    if (services.get(core) === current) {
      services.delete(core);
      void current.close();
    }
  });
  return handle;
}
