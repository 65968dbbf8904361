import pg from 'pg';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script shared with the shell tooling
import { PASSWORD_ROLE, startCluster, stopCluster } from '../../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgSkipReason: string | null;
    /** A role of that server that must give its password (scram-sha-256), or null (then `pgPasswordSkipReason`). */
    pgPasswordRole: { user: string; password: string } | null;
    pgPasswordSkipReason: string | null;
  }
}

/**
 * Whether the server really asks `PASSWORD_ROLE` for its password: the right one must sign in, a
 * wrong one must be refused. A cluster from scripts/pg-cluster.mjs has the role; a server named by
 * TEST_DATABASE_URL may not, and then the password tests say so instead of passing.
 */
async function passwordRoleProblem(url: string): Promise<string | null> {
  const u = new URL(url);
  const attempt = async (password: string) => {
    const c = new pg.Client({ host: u.hostname, port: Number(u.port || 5432), database: decodeURIComponent(u.pathname.slice(1)) || 'postgres', user: PASSWORD_ROLE.user, password, connectionTimeoutMillis: 5000 });
    try {
      await c.connect();
      return null;
    } catch (err) {
      return (err as { code?: string }).code ?? 'error';
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  const right = await attempt(PASSWORD_ROLE.password);
  if (right) return `роль ${PASSWORD_ROLE.user} с паролем на этом сервере не входит (${right}); её создаёт scripts/pg-cluster.mjs`;
  const wrong = await attempt(`${PASSWORD_ROLE.password}-wrong`);
  if (wrong !== '28P01') return `сервер пускает роль ${PASSWORD_ROLE.user} с неверным паролем (нет строки scram-sha-256 в pg_hba.conf)`;
  return null;
}

/**
 * Gives integration tests a real PostgreSQL server: TEST_DATABASE_URL if set, otherwise a
 * throwaway cluster started here. Under CI a missing server fails the run instead of skipping.
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  let cluster: { url: string } | null = null;
  if (!given) {
    try {
      cluster = startCluster();
    } catch (err) {
      const reason = `PostgreSQL недоступен: ${(err as Error).message}`;
      if (process.env.CI === 'true') throw new Error(`${reason} — in CI the PostgreSQL suite must run`, { cause: err });
      process.stderr.write(`\n*** SKIPPING PostgreSQL integration tests: ${reason}\n\n`);
      project.provide('pgUrl', null);
      project.provide('pgSkipReason', reason);
      project.provide('pgPasswordRole', null);
      project.provide('pgPasswordSkipReason', reason);
      return;
    }
  }
  const url = given ?? cluster!.url;
  project.provide('pgUrl', url);
  project.provide('pgSkipReason', null);
  const problem = await passwordRoleProblem(url);
  if (problem && process.env.CI === 'true') throw new Error(`${problem} — in CI the password tests must run`);
  if (problem) process.stderr.write(`\n*** SKIPPING the PostgreSQL password tests: ${problem}\n\n`);
  project.provide('pgPasswordRole', problem ? null : { ...PASSWORD_ROLE });
  project.provide('pgPasswordSkipReason', problem);
  return cluster ? () => stopCluster(cluster) : undefined;
}
