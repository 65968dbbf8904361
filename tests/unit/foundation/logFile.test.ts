import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogFileWriter, LOG_FILE_NAME, readLogTail, withLogFile } from '../../../src-main/core/foundation/logFile';
import { createLogger, silentSink } from '../../../src-main/core/foundation/logger';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'so-logfile-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const dirFor = (name: string) => path.join(root, name);

describe('the data folder log', () => {
  it('rotates by size, keeps the given number of files and never grows past them', () => {
    const dir = dirFor('rotate');
    const write = createLogFileWriter(dir, { maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 100; i++) write('info', `line ${i}`, { n: i, pad: 'x'.repeat(40) });
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(1000);
    // The newest line is last in the current file; `.1` holds the lines just before it.
    const current = fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8').trim().split('\n');
    expect(JSON.parse(current.at(-1)!).message).toBe('line 99');
    const older = fs.readFileSync(path.join(dir, `${LOG_FILE_NAME}.1`), 'utf8').trim().split('\n');
    expect(JSON.parse(older.at(-1)!).n).toBe(JSON.parse(current[0]!).n - 1);
  });

  it('reads the newest lines first across rotated files, with a level filter and a limit', () => {
    const dir = dirFor('tail');
    const write = createLogFileWriter(dir, { maxBytes: 600, keep: 5, minLevel: 'debug' });
    for (let i = 0; i < 30; i++) write(i % 5 === 0 ? 'error' : i % 2 ? 'debug' : 'info', `m${i}`, { i });
    const all = readLogTail(dir, { limit: 1000 });
    expect(all.lines.length).toBeGreaterThan(10);
    expect(all.lines[0]!.message).toBe('m29');
    const idx = all.lines.map((l) => Number(l.message.slice(1)));
    expect(idx).toEqual([...idx].sort((a, b) => b - a));
    const errors = readLogTail(dir, { limit: 2, minLevel: 'error' });
    expect(errors.lines.map((l) => l.message)).toEqual(['m25', 'm20']);
    expect(errors.lines[0]!.details).toBe('{"i":25}');
  });

  it('continues an existing file after a restart and shows a cut-off line instead of dropping it', () => {
    const dir = dirFor('restart');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, LOG_FILE_NAME), '{"t":"2026-01-01T00:00:00.000Z","level":"warn","message":"before"}\n{"t":"2026-01-01T00:0');
    const logger = withLogFile(createLogger(silentSink), dir);
    logger.debug('not kept below info');
    logger.info('after restart', { method: 'system.status' });
    const tail = readLogTail(dir, { limit: 10 }).lines;
    expect(tail.map((l) => l.message)).toEqual(['after restart', '{"t":"2026-01-01T00:0', 'before']);
    expect(tail[0]!.details).toBe('{"method":"system.status"}');
    expect(tail[1]!.level).toBe('error');
  });

  it('a folder that cannot be written does not break the logger', () => {
    const file = path.join(root, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const seen: string[] = [];
    const logger = withLogFile(createLogger((_l, m) => seen.push(m)), path.join(file, 'logs'));
    expect(() => logger.error('still on stderr')).not.toThrow();
    expect(seen).toEqual(['still on stderr']);
  });
});
