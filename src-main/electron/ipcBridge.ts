import type { Envelope } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';
import type { Caller } from '../core/foundation/context';
import type { Dispatcher } from '../core/dispatcher';
import { isTrustedIpcCall, type FrameLike } from './security';

/**
 * The IPC transport without a hard dependency on Electron's types, so a fake ipcMain/ipcRenderer
 * pair can run the same transport suite in Node.
 */
export const IPC_CALL = 'school-office:call';
export const IPC_EVENT = 'school-office:event';

export interface IpcInvokeEventLike {
  senderFrame: FrameLike | null;
  sender: { id: number; mainFrame: FrameLike | null };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/** A window's session around each call (src-main/core/access/ipcSessions.ts). */
export interface SessionHooks {
  callerFor(senderId: number, method: string): Caller | Promise<Caller>;
  /** Keeps a sign-in's token on this side, keyed by window. */
  afterCall?(senderId: number, method: string, env: Envelope<unknown>): Envelope<unknown>;
}

export type IpcHandle = (senderId: number, method: string, input: unknown) => Promise<Envelope<unknown>>;

/** A call of a window through the dispatcher with that window's session. */
export function sessionDispatch(dispatcher: Dispatcher, sessions: SessionHooks): IpcHandle {
  return async (senderId, method, input) => {
    const env = await dispatcher.call(await sessions.callerFor(senderId, method), method, input);
    return sessions.afterCall ? sessions.afterCall(senderId, method, env) : env;
  };
}

/**
 * The IPC door: only the main frame of a window we opened may call (issue 19, item 8), with a method
 * name; `handle` runs the call (in process, or in the core process through coreClient.ts).
 */
export function registerIpcHandler(
  ipcMain: IpcMainLike,
  handle: IpcHandle,
  /** The webContents ids of the windows we opened; calls from anything else are refused. */
  isOurWindow: (webContentsId: number) => boolean,
): () => void {
  ipcMain.handle(IPC_CALL, async (event, method, input): Promise<Envelope<unknown>> => {
    if (!isTrustedIpcCall(event.sender, event.senderFrame, isOurWindow)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Вызов из недоверенного окна отклонён' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Неизвестная операция' } };
    }
    return handle(event.sender.id, method, input);
  });
  return () => ipcMain.removeHandler(IPC_CALL);
}

export function registerIpc(
  ipcMain: IpcMainLike,
  dispatcher: Dispatcher,
  callerFor: (senderId: number, method: string) => Caller | Promise<Caller>,
  /** Sessions (src-main/core/access/ipcSessions.ts) keep a sign-in's token per window. */
  afterCall: (senderId: number, method: string, env: Envelope<unknown>) => Envelope<unknown>,
  isOurWindow: (webContentsId: number) => boolean,
): () => void {
  return registerIpcHandler(ipcMain, sessionDispatch(dispatcher, { callerFor, afterCall }), isOurWindow);
}

/** Push events with the windows signed in when each happened (the core process sends both). */
export type WindowEvents = (listener: (e: PushEvent, signedIn: readonly number[]) => void) => () => void;

/** In process: the core's events, each with the windows the sessions hold signed in at that moment. */
export function signedInEvents(subscribe: (listener: (e: PushEvent) => void) => () => void, sessions: { signedIn(): number[] }): WindowEvents {
  return (listener) => subscribe((e) => listener(e, sessions.signedIn()));
}

/**
 * Forwards push events to a window for as long as it lives, and only while it is signed in: a window
 * on the sign-in screen learns nothing of what others do (issue 19, item 8).
 */
export function forwardEvents(events: WindowEvents, contents: WebContentsLike, windowId: number): () => void {
  const off = events((e: PushEvent, signedIn) => {
    if (contents.isDestroyed()) off();
    else if (signedIn.includes(windowId)) contents.send(IPC_EVENT, e);
  });
  return off;
}
