import type { Dispatcher } from '../core/dispatcher';
import type { FromCore, PortLike, ToCore } from './coreProtocol';
import { sessionDispatch, type SessionHooks } from './ipcBridge';

/**
 * The core process's side: every call from a window runs through the dispatcher with that window's
 * session, every push event goes to the shell. Pure (no Electron), so a Node MessageChannel or a
 * child process can stand in for the utility process in tests.
 */
export function serveCore(port: PortLike<ToCore, FromCore>, dispatcher: Dispatcher, sessions: SessionHooks & { forget(senderId: number): Promise<void>; signedIn(): number[] }): () => void {
  const handle = sessionDispatch(dispatcher, sessions);
  port.onMessage((m) => {
    if (m.type === 'forget') {
      void sessions.forget(m.senderId);
      return;
    }
    if (m.type !== 'call') return;
    void handle(m.senderId, m.method, m.input).then(
      (env) => port.postMessage({ type: 'result', id: m.id, env }),
      (err) => port.postMessage({ type: 'result', id: m.id, env: { ok: false, error: { code: 'INTERNAL', message: `Внутренняя ошибка ядра: ${String((err as Error)?.message ?? err)}` } } }),
    );
  });
  // Each event names the windows signed in at that moment: the shell sends it to those only.
  return dispatcher.core.events.subscribe((event) => port.postMessage({ type: 'event', event, to: sessions.signedIn() }));
}
