import { describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../../src-main/core/dispatcher';
import { createEventBus } from '../../../src-main/core/foundation/events';
import { forwardEvents, IPC_CALL, IPC_EVENT, registerIpc, signedInEvents, type IpcInvokeEventLike } from '../../../src-main/electron/ipcBridge';
import { isTrustedIpcCall } from '../../../src-main/electron/security';
import type { Envelope } from '../../../src-shared/errors';
import type { PushEvent } from '../../../src-shared/events';

/**
 * The desktop shell's IPC decisions (issue 19, item 8), without Electron: calls only from the main
 * frame of a window we opened, push events only to a signed-in window.
 */
const APP = 'app://school-office/index.html';
const main = { url: APP, processId: 4, routingId: 1 };
const ours = (id: number) => id === 1;

describe('IPC sender check', () => {
  it('trusts the main frame of our window showing an app page', () => {
    expect(isTrustedIpcCall({ id: 1, mainFrame: main }, main, ours)).toBe(true);
  });

  it('refuses a subframe, even one on app://, another webContents, and a navigated-away window', () => {
    expect(isTrustedIpcCall({ id: 1, mainFrame: main }, { ...main, routingId: 2 }, ours)).toBe(false);
    expect(isTrustedIpcCall({ id: 1, mainFrame: main }, { ...main, processId: 5 }, ours)).toBe(false);
    expect(isTrustedIpcCall({ id: 2, mainFrame: main }, main, ours)).toBe(false);
    const away = { ...main, url: 'https://evil.example/' };
    expect(isTrustedIpcCall({ id: 1, mainFrame: away }, away, ours)).toBe(false);
    expect(isTrustedIpcCall({ id: 1, mainFrame: null }, main, ours)).toBe(false);
    expect(isTrustedIpcCall({ id: 1, mainFrame: main }, null, ours)).toBe(false);
  });
});

function fakeDispatcher() {
  const events = createEventBus();
  const calls: string[] = [];
  const dispatcher = {
    core: { events },
    async call(_caller: unknown, method: string): Promise<Envelope<unknown>> {
      calls.push(method);
      return { ok: true, value: null };
    },
  } as unknown as Dispatcher;
  return { dispatcher, events, calls };
}

describe('IPC bridge', () => {
  it('never dispatches a call from a subframe or a foreign webContents', async () => {
    const { dispatcher, calls } = fakeDispatcher();
    let handler: ((event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>) | null = null;
    registerIpc(
      { handle: (_c, h) => (handler = h), removeHandler: () => undefined },
      dispatcher,
      () => ({ transport: 'ipc', user: null }),
      (_id, _m, env) => env,
      ours,
    );
    expect(handler).not.toBeNull();
    const call = (event: IpcInvokeEventLike) => handler!(event, 'school.card.get', {}) as Promise<Envelope<unknown>>;
    expect(await call({ sender: { id: 1, mainFrame: main }, senderFrame: { ...main, routingId: 9 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call({ sender: { id: 3, mainFrame: main }, senderFrame: main })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
    expect(await call({ sender: { id: 1, mainFrame: main }, senderFrame: main })).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['school.card.get']);
    expect(IPC_CALL).toBe('school-office:call');
  });

  it('sends push events only while the window is signed in', () => {
    const { dispatcher, events } = fakeDispatcher();
    const sent: unknown[] = [];
    let signedIn = false;
    const sessions = { signedIn: () => (signedIn ? [1] : []) };
    forwardEvents(signedInEvents((l) => dispatcher.core.events.subscribe(l), sessions), { send: (channel, payload) => sent.push([channel, payload]), isDestroyed: () => false }, 1);
    const e = { type: 'dataChanged', entity: 'pupil' } as unknown as PushEvent;
    events.emit(e);
    expect(sent).toEqual([]);
    signedIn = true;
    events.emit(e);
    expect(sent).toEqual([[IPC_EVENT, e]]);
    signedIn = false;
    events.emit(e);
    expect(sent).toHaveLength(1);
  });
});
