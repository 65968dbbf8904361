import type { Envelope } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';
import type { Caller } from '../core/foundation/context';
import type { Dispatcher } from '../core/dispatcher';
import { isTrustedSender } from './security';

/**
 * The IPC transport without a hard dependency on Electron's types, so a fake ipcMain/ipcRenderer
 * pair can run the same transport suite in Node.
 */
export const IPC_CALL = 'school-office:call';
export const IPC_EVENT = 'school-office:event';

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
  sender: { id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export function registerIpc(
  ipcMain: IpcMainLike,
  dispatcher: Dispatcher,
  callerFor: (senderId: number, method: string) => Caller | Promise<Caller>,
  /** Sessions (src-main/core/access/ipcSessions.ts) keep a sign-in's token per window. */
  afterCall: (senderId: number, method: string, env: Envelope<unknown>) => Envelope<unknown> = (_id, _m, env) => env,
): () => void {
  ipcMain.handle(IPC_CALL, async (event, method, input): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Вызов из недоверенного окна отклонён' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Неизвестная операция' } };
    }
    const senderId = event.sender.id;
    const env = await dispatcher.call(await callerFor(senderId, method), method, input);
    return afterCall(senderId, method, env);
  });
  return () => ipcMain.removeHandler(IPC_CALL);
}

/** Forwards push events to a window for as long as it lives. */
export function forwardEvents(dispatcher: Dispatcher, contents: WebContentsLike): () => void {
  const off = dispatcher.core.events.subscribe((e: PushEvent) => {
    if (contents.isDestroyed()) off();
    else contents.send(IPC_EVENT, e);
  });
  return off;
}
