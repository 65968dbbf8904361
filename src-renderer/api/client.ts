import { createApiClient, type ApiClient, type Transport } from '../../src-shared/transport';
import { createHttpTransport } from './httpTransport';

declare global {
  interface Window {
    /** Exposed by the Electron preload: exactly `call` and `on`. */
    api?: Transport;
  }
}

export type TransportKind = 'ipc' | 'http';

export function detectTransport(): { kind: TransportKind; transport: Transport } {
  if (typeof window !== 'undefined' && window.api) return { kind: 'ipc', transport: window.api };
  return { kind: 'http', transport: createHttpTransport() };
}

const detected = detectTransport();

/** The single client of the renderer; components reach it only through RTK Query endpoints. */
export const apiClient: ApiClient = createApiClient(detected.transport);
export const transportKind: TransportKind = detected.kind;
