import { newId } from '../../../src-shared/domain/ids';
import { AppError } from '../../../src-shared/errors';
import type { DomainEntity } from '../../../src-shared/events';
import type { EventBus } from './events';

export interface Job {
  id: string;
  signal: AbortSignal;
  /** `details`: job-specific figures for the UI (the timetable generation's placed lessons, gaps…). */
  progress(done: number, total: number, message?: string, details?: Record<string, number | string | null>): void;
  /**
   * Ends the job. A job that outlives the request which started it names what it wrote (`changed`):
   * every client then refreshes those lists, as after any mutation (an awaited job needs nothing —
   * the dispatcher announces the method's changes when it returns).
   */
  finish(message?: string, changed?: readonly DomainEntity[]): void;
  /** Throws CANCELLED when the user pressed «Отменить». */
  throwIfCancelled(): void;
}

export interface JobRegistry {
  start(title: string, jobId?: string): Job;
  cancel(jobId: string): boolean;
  running(): string[];
}

/** Long operations report progress as push events and can be cancelled by id from any client. */
export function createJobRegistry(events: EventBus): JobRegistry {
  const running = new Map<string, AbortController>();
  return {
    start(title, jobId = newId()) {
      const controller = new AbortController();
      running.set(jobId, controller);
      let last = { done: 0, total: 0 };
      return {
        id: jobId,
        signal: controller.signal,
        progress(done, total, message, details) {
          last = { done, total };
          events.emit(details ? { type: 'progress', jobId, title, done, total, message, details } : { type: 'progress', jobId, title, done, total, message });
        },
        finish(message, changed = []) {
          running.delete(jobId);
          events.emit({ type: 'progress', jobId, title, done: last.total, total: last.total, message, finished: true });
          for (const entity of changed) events.emit({ type: 'dataChanged', entity });
        },
        throwIfCancelled() {
          if (controller.signal.aborted) {
            running.delete(jobId);
            events.emit({ type: 'progress', jobId, title, ...last, message: 'Отменено', finished: true });
            throw new AppError('CANCELLED', `Операция «${title}» отменена пользователем`);
          }
        },
      };
    },
    cancel(jobId) {
      const c = running.get(jobId);
      if (!c) return false;
      c.abort();
      return true;
    },
    running: () => [...running.keys()],
  };
}
