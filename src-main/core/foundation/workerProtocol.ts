import type { PushEvent } from '../../../src-shared/events';
import type { DbConfig } from '../db/createDb';
import type { MigrateOutcome } from '../db/migrate';
import type { Caller, CoreConfig } from './context';
import type { LogLevel } from './logger';

/** What the job host and its worker say to each other (structured-clone messages). */

export interface WorkerBoot {
  dbConfig: DbConfig;
  config: CoreConfig;
  migration: MigrateOutcome;
}

export interface RunMessage {
  type: 'run';
  runId: number;
  job: string;
  input: unknown;
  caller: Caller;
  method: string;
  entity: string;
  /** Int32 flag the host sets when the user cancels; the worker's job proxy polls it. */
  cancel: SharedArrayBuffer;
}

export interface SerializedError {
  appError: boolean;
  code?: string;
  message: string;
  details?: unknown;
  stack?: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'event'; event: PushEvent }
  | { type: 'log'; level: LogLevel; message: string; data?: Record<string, unknown> }
  | { type: 'job'; runId: number; op: 'start'; jobId: string; title: string }
  | { type: 'job'; runId: number; op: 'progress'; jobId: string; done: number; total: number; message?: string }
  | { type: 'job'; runId: number; op: 'finish'; jobId: string; message?: string }
  | { type: 'job'; runId: number; op: 'cancelled'; jobId: string }
  | ({ type: 'done'; runId: number; ok: true; value: unknown } & Audited)
  | ({ type: 'done'; runId: number; ok: false; error: SerializedError } & Audited);

/** The audit rows a run wrote with the worker's connection, for the call's own count and change set. */
export interface Audited {
  audited: number;
  exported: number;
  changed: { entity: string | null; recordId: string | null }[];
}
