import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './preloadApi';

const api = createPreloadApi(ipcRenderer);

contextBridge.exposeInMainWorld('api', {
  call: (method: string, input: unknown) => api.call(method, input),
  on: (listener: Parameters<typeof api.on>[0]) => api.on(listener),
});
