import type { Envelope } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';
import type { FromCore, PortLike, ToCore } from './coreProtocol';

export interface CoreClient {
  /** Resolves with the database's description once the core has opened it; rejects with its error. */
  ready: Promise<string>;
  call(senderId: number, method: string, input: unknown): Promise<Envelope<unknown>>;
  forget(senderId: number): void;
  /** Push events with the windows signed in when each happened. */
  onEvent(listener: (event: PushEvent, signedIn: readonly number[]) => void): () => void;
  /** The core process ended: every call still waiting is answered with an error. */
  closed(reason: string): void;
}

/** The shell's side of the core process: calls matched to answers by id, events fanned out. */
export function createCoreClient(port: PortLike<FromCore, ToCore>, log: (m: Extract<FromCore, { type: 'log' }>) => void = () => undefined): CoreClient {
  let next = 1;
  const waiting = new Map<number, (env: Envelope<unknown>) => void>();
  const listeners = new Set<(event: PushEvent, signedIn: readonly number[]) => void>();
  let gone: string | null = null;
  let settle: { resolve: (db: string) => void; reject: (e: Error) => void };
  const ready = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  port.onMessage((m) => {
    if (m.type === 'ready') settle.resolve(m.database);
    else if (m.type === 'fatal') settle.reject(new Error(m.message));
    else if (m.type === 'log') log(m);
    else if (m.type === 'event') for (const l of [...listeners]) l(m.event, m.to ?? []);
    else if (m.type === 'result') {
      const done = waiting.get(m.id);
      waiting.delete(m.id);
      done?.(m.env);
    }
  });
  const unavailable = (reason: string): Envelope<unknown> => ({ ok: false, error: { code: 'DB_UNAVAILABLE', message: `Ядро программы остановлено: ${reason}. Перезапустите программу; несохранённые изменения не записаны.` } });
  return {
    ready,
    call(senderId, method, input) {
      if (gone) return Promise.resolve(unavailable(gone));
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        port.postMessage({ type: 'call', id, senderId, method, input });
      });
    },
    forget(senderId) {
      if (!gone) port.postMessage({ type: 'forget', senderId });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    closed(reason) {
      gone = reason;
      settle.reject(new Error(reason));
      for (const [id, done] of waiting) {
        waiting.delete(id);
        done(unavailable(reason));
      }
    },
  };
}
