import { isMainThread } from 'node:worker_threads';
import type { Core } from '../../foundation/context';
import type { RunOutcome } from './types';

/**
 * The last few report runs per core, so a drill-down on a number the user is looking at does not
 * recompute a district-sized report. An entry lives two minutes and any `dataChanged` event clears
 * them all: a list never lags far behind the data. Keyed by user, so one user's scope never serves
 * another's. The core's job worker (report files) keeps no cache: it does not hear the server's
 * `dataChanged` events, so a file made there is always computed from the data of that moment.
 */
const TTL_MS = 120_000;
const MAX_ENTRIES = 12;

interface Entry {
  at: number;
  outcome: RunOutcome;
}

const caches = new WeakMap<Core, Map<string, Entry>>();

function cacheOf(core: Core): Map<string, Entry> {
  let c = caches.get(core);
  if (!c) {
    const created = new Map<string, Entry>();
    caches.set(core, created);
    core.events.subscribe((e) => {
      if (e.type === 'dataChanged') created.clear();
    });
    c = created;
  }
  return c;
}

export function cachedRun(core: Core, key: string): RunOutcome | undefined {
  if (!isMainThread) return undefined;
  const c = cacheOf(core);
  const e = c.get(key);
  if (!e) return undefined;
  if (Date.now() - e.at > TTL_MS) {
    c.delete(key);
    return undefined;
  }
  return e.outcome;
}

export function rememberRun(core: Core, key: string, outcome: RunOutcome): void {
  if (!isMainThread) return;
  const c = cacheOf(core);
  c.delete(key);
  c.set(key, { at: Date.now(), outcome });
  while (c.size > MAX_ENTRIES) c.delete(c.keys().next().value as string);
}
