#!/usr/bin/env node
// Starts or stops a throwaway PostgreSQL cluster on 127.0.0.1 for tests. initdb refuses to run as
// root, so as root the binaries run as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    for (const v of fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(base, v, 'bin'));
  }
  return candidates.find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl'))) ?? null;
}

function asPostgres(bin, args, opts = {}) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const cmd = isRoot ? 'runuser' : bin;
  const full = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  return execFileSync(cmd, full, { stdio: ['ignore', 'pipe', 'pipe'], ...opts }).toString();
}

/**
 * A role that must sign in with a password (scram-sha-256 on 127.0.0.1) although the cluster trusts
 * everyone else: the tests of «неверный пароль» need a server that can refuse one (issue 23).
 */
export const PASSWORD_ROLE = { user: 'so_password_check', password: 'Verny-parol-23' };

export function startCluster({ dir = path.join(os.tmpdir(), `school-office-pg-${process.pid}`), port = 0 } = {}) {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (install the Debian package postgresql)');
  const p = port || 55000 + Math.floor(Math.random() * 5000);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // pg_hba.conf is read top down and the first matching line wins: this one goes before initdb's
  // trust lines. Written in place, so the file keeps its owner (postgres).
  const hba = path.join(data, 'pg_hba.conf');
  fs.writeFileSync(hba, `host all ${PASSWORD_ROLE.user} 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
  asPostgres(path.join(bin, 'pg_ctl'), [
    '-D', data, '-l', path.join(dir, 'log.txt'), '-w', '-t', '60',
    '-o', `-c listen_addresses=127.0.0.1 -c port=${p} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c password_encryption=scram-sha-256`,
    'start',
  ]);
  asPostgres(path.join(bin, 'psql'), [
    '-h', dir, '-p', String(p), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q',
    '-c', `create role ${PASSWORD_ROLE.user} login password '${PASSWORD_ROLE.password}'`,
  ]);
  return { dir, data, bin, port: p, url: `postgres://postgres@127.0.0.1:${p}/postgres` };
}

export function stopCluster({ dir, data, bin }) {
  try {
    asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// CLI: `node scripts/pg-cluster.mjs start` prints the URL and the state file; `stop` stops it.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const stateFile = path.join(os.tmpdir(), 'school-office-pg-cluster.json');
  if (process.argv[2] === 'start') {
    const c = startCluster({ dir: path.join(os.tmpdir(), 'school-office-pg-cli') });
    fs.writeFileSync(stateFile, JSON.stringify(c));
    process.stdout.write(`${c.url}\n`);
  } else if (process.argv[2] === 'stop') {
    if (fs.existsSync(stateFile)) {
      stopCluster(JSON.parse(fs.readFileSync(stateFile, 'utf8')));
      fs.rmSync(stateFile);
    }
  } else {
    spawnSync('echo', ['usage: pg-cluster.mjs start|stop'], { stdio: 'inherit' });
  }
}
