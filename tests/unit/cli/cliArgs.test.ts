import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, parseArgs } from '../../../src-main/cliArgs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('CLI arguments', () => {
  it('--help or -h on every command asks for that command’s help, wherever it stands', () => {
    for (const name of Object.keys(COMMANDS).filter((c) => c !== 'help')) {
      expect(parseArgs([name, '--help'])).toEqual({ kind: 'help', command: name });
      expect(parseArgs([name, '--data', '/x', '-h'])).toEqual({ kind: 'help', command: name });
      expect(parseArgs([name, '--no-such-option', '--help'])).toEqual({ kind: 'help', command: name });
    }
    expect(parseArgs([])).toEqual({ kind: 'help', command: null });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help', command: null });
    expect(parseArgs(['help', 'restore'])).toEqual({ kind: 'help', command: 'restore' });
  });

  it('reads values and switches the command declares', () => {
    expect(parseArgs(['demo', '--out', 'a.sqlite3', '--seed=7', '--force'])).toEqual({ kind: 'run', command: 'demo', positional: [], flags: { out: 'a.sqlite3', seed: '7', force: true } });
    expect(parseArgs(['restore', 'copy.sqlite3', '--data', 'D'])).toEqual({ kind: 'run', command: 'restore', positional: ['copy.sqlite3'], flags: { data: 'D' } });
  });

  it('refuses unknown commands and options, missing and extra values, naming them', () => {
    const error = (argv: string[]) => {
      const p = parseArgs(argv);
      expect(p.kind, argv.join(' ')).toBe('error');
      return (p as { message: string }).message;
    };
    expect(error(['frob'])).toContain('«frob»');
    expect(error(['demo', '--ot', 'a.sqlite3'])).toContain('«--ot»');
    expect(error(['backup', '--force'])).toContain('«--force»');
    expect(error(['status', '--data'])).toContain('--data');
    expect(error(['demo', '--out='])).toContain('--out');
    expect(error(['demo', '--force=yes'])).toContain('«--force=yes»');
    expect(error(['demo', '--seed', '1', '--seed', '2'])).toContain('дважды');
    expect(error(['restore', 'a', 'b'])).toContain('«b»');
    expect(error(['status', '-x'])).toContain('«-x»');
    expect(error(['help', 'frob'])).toContain('«frob»');
  });
});

describe('CLI process', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src-main', 'cli.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

  it('`demo --help` prints help and creates nothing; an unknown option changes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-cli-'));
    try {
      const out = path.join(dir, 'demo.sqlite3');
      const help = cli(['demo', '--out', out, '--data', dir, '--help']);
      expect(help.status, help.stderr).toBe(0);
      expect(help.stdout).toContain('Использование: school-office demo');
      expect(help.stdout).toContain('--without-timetable');
      const wrong = cli(['demo', '--out', out, '--data', dir, '--withuot-timetable']);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('«--withuot-timetable»');
      for (const command of ['migrate', 'backup', 'restore', 'status', 'encrypt', 'decrypt', 'reset-password']) {
        const r = cli([command, '--data', dir, '--help']);
        expect(r.status, `${command}: ${r.stderr}`).toBe(0);
        expect(r.stdout).toContain(`school-office ${command}`);
      }
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
