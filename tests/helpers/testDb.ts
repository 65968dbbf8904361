import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { handlers } from '../../src-main/core/api/index';
import { closeCore, openCore, type Caller, type Core } from '../../src-main/core/foundation/context';
import type { DbConfig } from '../../src-main/core/db/createDb';
import { createDispatcher, type Dispatcher, type DispatcherHooks } from '../../src-main/core/dispatcher';
import { accessHooks, systemCaller } from '../../src-main/core/access/authorize';
import { createInProcessTransport } from '../../src-main/core/inProcessTransport';
import { createLogger, silentSink } from '../../src-main/core/foundation/logger';
import { createApiClient, type ApiClient } from '../../src-shared/transport';

export type TestDbKind = 'sqlite' | 'postgres';

export interface TestCore {
  kind: TestDbKind;
  core: Core;
  dispatcher: Dispatcher;
  client: ApiClient;
  dataDir: string;
  dbConfig: DbConfig;
  /** Opens a second core on the same database (a second office PC). */
  reopen(): Promise<TestCore>;
  cleanup(): Promise<void>;
}

export function pgUrl(): string | null {
  return inject('pgUrl') ?? null;
}

async function createPgDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `so_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestCoreOptions {
  /** Defaults to the real rights check (`accessHooks()`), as in every entry point. */
  hooks?: DispatcherHooks;
  /**
   * Who `client` calls as. Defaults to the full-rights system caller, so tests that are not about
   * access need no sign-in. Access tests sign real users in (tests/helpers/accessHelpers.ts).
   */
  caller?: Caller;
}

async function build(kind: TestDbKind, dbConfig: DbConfig, dataDir: string, opts: TestCoreOptions, dropDb: () => Promise<void>): Promise<TestCore> {
  const core = await openCore({ db: dbConfig, dataDir, logger: createLogger(silentSink) });
  const dispatcher = createDispatcher(core, handlers, opts.hooks ?? accessHooks());
  const client = createApiClient(createInProcessTransport(dispatcher, opts.caller ?? systemCaller('in-process')));
  return {
    kind,
    core,
    dispatcher,
    client,
    dataDir,
    dbConfig,
    reopen: () => build(kind, dbConfig, dataDir, opts, async () => undefined),
    async cleanup() {
      await closeCore(core);
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createTestCore(kind: TestDbKind, opts: TestCoreOptions = {}): Promise<TestCore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-test-'));
  if (kind === 'sqlite') {
    return build(kind, { kind: 'sqlite', file: path.join(dataDir, 'school-office.sqlite3') }, dataDir, opts, async () => undefined);
  }
  const base = pgUrl();
  if (!base) throw new Error('PostgreSQL is not available for this run');
  const created = await createPgDatabase(base);
  return build(kind, { kind: 'postgres', url: created.url }, dataDir, opts, created.drop);
}

/**
 * Runs the same suite on SQLite and on PostgreSQL; the PostgreSQL copy is skipped (visibly, with
 * the reason in its title) only outside CI when no server could be started.
 */
export function describeEachDb(name: string, suite: (kind: TestDbKind) => void, kinds: readonly TestDbKind[] = ['sqlite', 'postgres']): void {
  for (const kind of kinds) {
    const skip = kind === 'postgres' && !pgUrl();
    const title = skip ? `${name} [postgres — ПРОПУЩЕНО: ${inject('pgSkipReason')}]` : `${name} [${kind}]`;
    describe.skipIf(skip)(title, () => suite(kind));
  }
}
