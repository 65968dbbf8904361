import type { PushEvent, PushListener } from '../../src-shared/events';
import type { Transport } from '../../src-shared/transport';
import { IPC_CALL, IPC_EVENT } from './ipcBridge';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

/**
 * Exactly `call` and `on`: the renderer never sees ipcRenderer, channels or Node. Listener
 * wrappers hide the Electron event object from the page.
 */
export function createPreloadApi(ipc: IpcRendererLike): Transport {
  return {
    call: (method, input) => ipc.invoke(IPC_CALL, String(method), input) as ReturnType<Transport['call']>,
    on(listener: PushListener) {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as PushEvent);
      ipc.on(IPC_EVENT, wrapped);
      return () => ipc.removeListener(IPC_EVENT, wrapped);
    },
  };
}
