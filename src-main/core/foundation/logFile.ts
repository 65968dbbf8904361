import fs from 'node:fs';
import path from 'node:path';
import type { Logger, LogLevel } from './logger';

/**
 * The program's log on disk (issue 23, part 5): `<data folder>/logs/school-office.log`, rotated by
 * size so an office PC never fills up — the current file plus `keep − 1` older ones
 * (`school-office.log.1` is the newest of those). The lines are the same JSON the stderr sink
 * writes, so nothing more personal goes to disk than went to the console before.
 */
export const LOG_FILE_NAME = 'school-office.log';
export const LOG_MAX_BYTES = 2 * 1024 * 1024;
export const LOG_KEEP_FILES = 5;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function logsDirOf(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

export interface LogFileOptions {
  maxBytes?: number;
  keep?: number;
  minLevel?: LogLevel;
  now?: () => Date;
}

/** Files of the log, newest first: the current one, then `.1`, `.2`, … */
export function logFiles(dir: string, keep = LOG_KEEP_FILES): string[] {
  const files = [path.join(dir, LOG_FILE_NAME)];
  for (let i = 1; i < keep; i++) files.push(path.join(dir, `${LOG_FILE_NAME}.${i}`));
  return files;
}

function endsWithNewline(file: string, size: number): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Appends one line, rotating first when the line would take the current file over the limit.
 * A disk that refuses (full, read-only, folder removed) must not take the program down with it:
 * the file sink then stays quiet and stderr still has the line.
 */
export function createLogFileWriter(dir: string, opts: LogFileOptions = {}): (level: LogLevel, message: string, data?: Record<string, unknown>) => void {
  const maxBytes = opts.maxBytes ?? LOG_MAX_BYTES;
  const keep = Math.max(1, opts.keep ?? LOG_KEEP_FILES);
  const minLevel = opts.minLevel ?? 'info';
  const now = opts.now ?? (() => new Date());
  const files = logFiles(dir, keep);
  let size: number | null = null;
  let broken = false;

  const rotate = () => {
    // Oldest goes first so each rename lands on a free name.
    fs.rmSync(files[keep - 1]!, { force: true });
    for (let i = keep - 2; i >= 0; i--) {
      if (fs.existsSync(files[i]!)) fs.renameSync(files[i]!, files[i + 1]!);
    }
    size = 0;
  };

  return (level, message, data) => {
    if (broken || ORDER[level] < ORDER[minLevel]) return;
    try {
      let line = `${JSON.stringify({ t: now().toISOString(), level, message, ...data })}\n`;
      if (size === null) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        size = fs.existsSync(files[0]!) ? fs.statSync(files[0]!).size : 0;
        // A crash may have left the last line cut short: start on a line of our own.
        if (size > 0 && !endsWithNewline(files[0]!, size)) line = `\n${line}`;
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) {
        if (keep > 1) rotate();
        else {
          fs.rmSync(files[0]!, { force: true });
          size = 0;
        }
      }
      fs.appendFileSync(files[0]!, line, { mode: 0o600 });
      size += bytes;
    } catch {
      broken = true;
    }
  };
}

/** The given logger, and every line of `minLevel` or above also into the data folder's log. */
export function withLogFile(logger: Logger, dir: string, opts: LogFileOptions = {}): Logger {
  const write = createLogFileWriter(dir, opts);
  const both = (level: LogLevel) => (message: string, data?: Record<string, unknown>) => {
    logger[level](message, data);
    write(level, message, data);
  };
  return { debug: both('debug'), info: both('info'), warn: both('warn'), error: both('error') };
}

export interface LogLine {
  at: string;
  level: LogLevel;
  message: string;
  /** The rest of the line's fields as JSON (empty when none). */
  details: string;
}

const LEVELS = new Set<string>(['debug', 'info', 'warn', 'error']);

function parseLine(text: string): LogLine | null {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const { t, level, message, ...rest } = raw;
    if (typeof level !== 'string' || !LEVELS.has(level)) return null;
    return { at: String(t ?? ''), level: level as LogLevel, message: String(message ?? ''), details: Object.keys(rest).length ? JSON.stringify(rest) : '' };
  } catch {
    // A line cut short by a crash or a full disk: shown as it is rather than dropped in silence.
    return text.trim() ? { at: '', level: 'error', message: text.slice(0, 500), details: '' } : null;
  }
}

/** The newest `limit` lines at `minLevel` or above, newest first, across the rotated files. */
export function readLogTail(dir: string, opts: { limit: number; minLevel?: LogLevel; keep?: number }): { lines: LogLine[]; totalBytes: number } {
  const minLevel = opts.minLevel ?? 'debug';
  const lines: LogLine[] = [];
  let totalBytes = 0;
  for (const file of logFiles(dir, opts.keep ?? LOG_KEEP_FILES)) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    totalBytes += Buffer.byteLength(text);
    if (lines.length >= opts.limit) continue;
    const rows = text.split('\n');
    for (let i = rows.length - 1; i >= 0 && lines.length < opts.limit; i--) {
      const line = parseLine(rows[i]!);
      if (line && ORDER[line.level] >= ORDER[minLevel]) lines.push(line);
    }
  }
  return { lines, totalBytes };
}

/** The current log file's text for download (at most `LOG_MAX_BYTES`, so the size is bounded). */
export function readCurrentLog(dir: string): string {
  const file = path.join(dir, LOG_FILE_NAME);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}
