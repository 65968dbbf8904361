import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script shared with the shell tooling
import { startCluster, stopCluster } from '../../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgSkipReason: string | null;
  }
}

/**
 * Gives integration tests a real PostgreSQL server: TEST_DATABASE_URL if set, otherwise a
 * throwaway cluster started here. Under CI a missing server fails the run instead of skipping.
 */
export default function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgSkipReason', null);
    return;
  }
  let cluster: { url: string };
  try {
    cluster = startCluster();
  } catch (err) {
    const reason = `PostgreSQL недоступен: ${(err as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${reason} — in CI the PostgreSQL suite must run`, { cause: err });
    process.stderr.write(`\n*** SKIPPING PostgreSQL integration tests: ${reason}\n\n`);
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', reason);
    return;
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgSkipReason', null);
  return () => stopCluster(cluster);
}
