import type { IpcInvokeEventLike, IpcMainLike, WebContentsLike } from '../../src-main/electron/ipcBridge';
import type { IpcRendererLike } from '../../src-main/electron/preloadApi';

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;
type RendererListener = (event: unknown, payload: unknown) => void;

/**
 * A pair that behaves like Electron's ipcMain/ipcRenderer: arguments and results cross a
 * structured-clone boundary, the handler sees the sender frame's URL, events go to one window.
 */
export function createFakeIpcPair(frameUrl = 'app://school-office/index.html', senderId = 1, opts: { subframe?: boolean } = {}) {
  const handlers = new Map<string, Handler>();
  const rendererListeners = new Map<string, Set<RendererListener>>();
  const mainFrame = { url: frameUrl, processId: 7, routingId: 1 };
  // A subframe lives in the same window (and may show an app:// page) but is another frame.
  const senderFrame = opts.subframe ? { url: frameUrl, processId: 7, routingId: 2 } : mainFrame;
  const sender = { id: senderId, mainFrame };

  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };

  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const h = handlers.get(channel);
      if (!h) throw new Error(`No handler registered for '${channel}'`);
      const result = await h({ senderFrame, sender }, ...structuredClone(args));
      return structuredClone(result);
    },
    on(channel, listener) {
      if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
      rendererListeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      rendererListeners.get(channel)?.delete(listener);
    },
  };

  const webContents: WebContentsLike = {
    send(channel, payload) {
      for (const l of rendererListeners.get(channel) ?? []) l({ sender: null }, structuredClone(payload));
    },
    isDestroyed: () => false,
  };

  return { ipcMain, ipcRenderer, webContents };
}
