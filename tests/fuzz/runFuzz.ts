import fs from 'node:fs';
import path from 'node:path';
import { createRng } from '../../src-main/core/demo/rng';
import { detectFormat, FORMATS, FORMAT_IDS, type FormatId } from '../../src-main/core/sync/formats/catalog';
import { splitCsv, detectSeparator } from '../../src-main/core/sync/formats/csv';
import { decodeText } from '../../src-main/core/sync/formats/decode';
import { parseExportCm } from '../../src-main/core/sync/formats/exportCm';
import { htmlTableRows } from '../../src-main/core/sync/formats/htmlTable';
import { readTable } from '../../src-main/core/sync/formats/readTable';
import { readRecords } from '../../src-main/core/sync/formats/records';
import { looksLikeZip, xlsxRows } from '../../src-main/core/sync/formats/xlsxTable';
import { parseFile } from '../../src-main/core/sync/pull/parseFiles';
import { AppError, type Envelope } from '../../src-shared/errors';
import { mutate } from './mutate';
import { makeSeeds } from './seeds';

/**
 * Feeds mutated portal files through every reader under src-main/core/sync/formats, the pull's
 * file parser and (every `previewEvery`-th file) the pull preview itself. A reader may answer or
 * refuse, but a refusal must be an AppError with a Russian message and every issue it reports must
 * be in Russian; anything else (TypeError, RangeError, a parser's English error, a hang) is a crash.
 */
export interface FuzzFailure {
  file: number;
  seed: string;
  steps: string[];
  reader: string;
  problem: string;
  saved: string | null;
}

export interface FuzzReport {
  files: number;
  readerCalls: number;
  previews: number;
  previewOk: number;
  previewRefused: number;
  failures: FuzzFailure[];
  slowest: { reader: string; ms: number; steps: string[] } | null;
  bytes: number;
  seconds: number;
}

const RUSSIAN = /[А-Яа-яЁё]/;
/** A reader call slower than this on one file counts as a hang (catastrophic backtracking, a loop). */
const HANG_MS = 60_000;

function problemOf(err: unknown): string | null {
  if (err instanceof AppError) return RUSSIAN.test(err.message) ? null : `AppError without a Russian message: ${err.message}`;
  return `${(err as Error)?.name ?? 'throw'}: ${String((err as Error)?.message ?? err).slice(0, 300)}`;
}

function englishIssue(messages: readonly string[]): string | null {
  const bad = messages.find((m) => !RUSSIAN.test(m));
  return bad === undefined ? null : `an issue not in Russian: ${bad.slice(0, 200)}`;
}

export async function fuzzReaders(opts: {
  files: number;
  seed: number;
  /** Runs the pull preview on a file; an envelope comes back (the dispatcher never throws). */
  preview?: (fileName: string, bytes: Buffer) => Promise<Envelope<unknown>>;
  previewEvery?: number;
  /** Where to save the files that failed, to reproduce them by hand. */
  saveDir?: string;
  progress?: (done: number, report: FuzzReport) => void;
}): Promise<FuzzReport> {
  const started = performance.now();
  const seeds = await makeSeeds();
  const rng = createRng(opts.seed);
  const today = '2026-09-15';
  // An error thrown from a timer inside a library (no catch reaches it) would end the server: count
  // it as a crash of the file being read.
  let current: { n: number; seed: string; steps: string[] } = { n: -1, seed: '', steps: [] };
  const uncaught = (err: unknown) => {
    report.failures.push({ file: current.n, seed: current.seed, steps: current.steps, reader: 'uncaught', problem: `uncaught ${String((err as Error)?.message ?? err)}`, saved: null });
  };
  process.on('uncaughtException', uncaught);
  process.on('unhandledRejection', uncaught);
  const report: FuzzReport = { files: 0, readerCalls: 0, previews: 0, previewOk: 0, previewRefused: 0, failures: [], slowest: null, bytes: 0, seconds: 0 };

  for (let n = 0; n < opts.files; n++) {
    const seed = seeds[n % seeds.length];
    const mutant = await mutate(rng, seed);
    const bytes = mutant.bytes;
    current = { n, seed: seed.name, steps: mutant.steps };
    report.files++;
    report.bytes += bytes.length;
    const fail = (reader: string, problem: string) => {
      let saved: string | null = null;
      if (opts.saveDir) {
        fs.mkdirSync(opts.saveDir, { recursive: true });
        saved = path.join(opts.saveDir, `${opts.seed}-${n}-${seed.name}`);
        fs.writeFileSync(saved, bytes);
        fs.writeFileSync(`${saved}.txt`, `${reader}\n${problem}\n${mutant.steps.join('\n')}\n`);
      }
      report.failures.push({ file: n, seed: seed.name, steps: mutant.steps, reader, problem, saved });
    };
    const run = async <T>(reader: string, fn: () => T | Promise<T>): Promise<T | undefined> => {
      report.readerCalls++;
      const t0 = performance.now();
      try {
        return await fn();
      } catch (err) {
        const problem = problemOf(err);
        if (problem) fail(reader, problem);
        return undefined;
      } finally {
        const ms = performance.now() - t0;
        if (!report.slowest || ms > report.slowest.ms) report.slowest = { reader, ms, steps: mutant.steps };
        if (ms > HANG_MS) fail(reader, `took ${Math.round(ms)} ms`);
      }
    };

    // Each reader on its own, as the pull calls them.
    const decoded = await run('decodeText', () => decodeText(bytes));
    if (decoded) {
      const sep = await run('detectSeparator', () => detectSeparator(decoded.text));
      const csvRows = await run('splitCsv', () => splitCsv(decoded.text, sep ?? ';'));
      const htmlRows = await run('htmlTableRows', () => htmlTableRows(decoded.text));
      const cm = await run('parseExportCm', () => parseExportCm(decoded.text));
      if (cm) {
        const bad = englishIssue(cm.issues.map((i) => i.message));
        if (bad) fail('parseExportCm', bad);
      }
      for (const rows of [csvRows, htmlRows]) {
        if (!rows) continue;
        await run('detectFormat', () => detectFormat(rows));
        const id = rng.pick(Object.keys(FORMATS)) as keyof typeof FORMATS;
        const read = await run(`readRecords(${id})`, () => readRecords(FORMATS[id], rows, today));
        if (read) {
          const bad = englishIssue(read.fileIssues.map((i) => i.message));
          if (bad) fail(`readRecords(${id})`, bad);
        }
      }
    }
    if (looksLikeZip(bytes)) await run('xlsxRows', () => xlsxRows(bytes));
    await run('readTable', () => readTable(bytes));

    // The pull's parser: by content, and forced to a format (a file the person says is one).
    const hints: (FormatId | null)[] = [null, rng.pick(FORMAT_IDS)];
    for (const hint of hints) {
      const parsed = await run(`parseFile(${hint ?? 'auto'})`, () => parseFile('f0', seed.name, bytes, today, hint));
      if (parsed) {
        const bad = englishIssue(parsed.issues.map((i) => i.message));
        if (bad) fail(`parseFile(${hint ?? 'auto'})`, bad);
      }
    }

    if (opts.preview && n % (opts.previewEvery ?? 10) === 0) {
      report.previews++;
      const t0 = performance.now();
      const env = await opts.preview(seed.name, bytes);
      const ms = performance.now() - t0;
      if (!report.slowest || ms > report.slowest.ms) report.slowest = { reader: 'exchange.pull.preview', ms, steps: mutant.steps };
      if (env.ok) {
        report.previewOk++;
        const files = (env.value as { files: { issues: { message: string }[] }[] }).files;
        const bad = englishIssue(files.flatMap((f) => f.issues.map((i) => i.message)));
        if (bad) fail('exchange.pull.preview', bad);
      } else {
        report.previewRefused++;
        if (env.error.code === 'INTERNAL' || !RUSSIAN.test(env.error.message)) fail('exchange.pull.preview', `${env.error.code}: ${env.error.message}`);
      }
    }
    opts.progress?.(n + 1, report);
  }
  // Let a late timer of the last file fire before the listeners go.
  await new Promise((r) => setTimeout(r, 50));
  process.off('uncaughtException', uncaught);
  process.off('unhandledRejection', uncaught);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function describeFuzz(r: FuzzReport): string {
  const lines = [
    `files: ${r.files} (${(r.bytes / 1024 / 1024).toFixed(1)} MB), reader calls: ${r.readerCalls}, previews: ${r.previews} (${r.previewOk} read, ${r.previewRefused} refused with a message)`,
    `crashes: ${r.failures.length}; slowest call: ${r.slowest ? `${r.slowest.reader} ${Math.round(r.slowest.ms)} ms (${r.slowest.steps.join(', ')})` : '—'}; ${r.seconds.toFixed(1)} s`,
  ];
  for (const f of r.failures.slice(0, 20)) lines.push(`  #${f.file} ${f.seed} [${f.steps.join(' → ')}] ${f.reader}: ${f.problem}${f.saved ? ` (saved ${f.saved})` : ''}`);
  return lines.join('\n');
}
