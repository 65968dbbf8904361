import type { Envelope } from '../../src-shared/errors';
import type { PushEvent } from '../../src-shared/events';
import type { LogLevel } from '../core/foundation/logger';

/**
 * The desktop shell and its core process (an Electron utilityProcess) talk in these messages: the
 * window's calls go in with the window's id (sessions are kept per window in the core), answers,
 * push events and log lines come back.
 */
export type ToCore =
  | { type: 'call'; id: number; senderId: number; method: string; input: unknown }
  | { type: 'forget'; senderId: number }
  /** The database key the shell took from the OS key store (base64), or null: sent once, before anything else. */
  | { type: 'key'; key: string | null };

export type FromCore =
  | { type: 'ready'; database: string }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; env: Envelope<unknown> }
  /** `to`: the windows signed in when it happened; the others never see it (issue 19, item 8). */
  | { type: 'event'; event: PushEvent; to: number[] }
  | { type: 'log'; level: LogLevel; message: string; data?: Record<string, unknown> };

/** Either end of the channel: Electron's MessagePortMain/parentPort, a child process, a MessagePort. */
export interface PortLike<In, Out> {
  postMessage(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
