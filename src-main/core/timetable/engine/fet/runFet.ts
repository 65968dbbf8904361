import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FetRun {
  success: boolean;
  /** No complete timetable, but FET saved its highest-stage (partial) one in timetableDir. */
  partial: boolean;
  /** Wall time of the fet-cl process (it stops at the first complete timetable). */
  wallMs: number;
  exitCode: number | null;
  /** Directory with NAME_activities.xml etc. of the final (or highest-stage) timetable, if any. */
  timetableDir: string | null;
  baseName: string;
  stdout: string;
}

export interface FetRunOptions {
  inputFile: string;
  outputDir: string;
  timeLimitSeconds: number;
  /** Six FET seed components for a reproducible run. */
  seeds?: [number, number, number, number, number, number];
  fetCl?: string;
  /** Write only the activities XML and logs (benchmark: less I/O inside the measured time). */
  minimalOutput?: boolean;
}

export const DEFAULT_FET_CL = '/usr/bin/fet-cl';

export function fetAvailable(path = DEFAULT_FET_CL): boolean {
  return existsSync(path);
}

/** Runs fet-cl once. FET exits 0 even on timeout, so success is read from logs/result.txt. */
export function runFet(opts: FetRunOptions): Promise<FetRun> {
  const args = [
    `--inputfile=${opts.inputFile}`,
    `--outputdir=${opts.outputDir}`,
    `--timelimitseconds=${opts.timeLimitSeconds}`,
    '--htmllevel=2',
    '--writetimetablesdayshorizontal=false',
    '--writetimetablesdaysvertical=false',
    '--writetimetablestimehorizontal=false',
    '--writetimetablestimevertical=false',
    '--warnifusingnotperfectconstraints=false',
    '--warnsubgroupswiththesameactivities=false',
  ];
  if (opts.minimalOutput) {
    // Some per-kind switches also suppress NAME_activities.xml, so only the HTML level is lowered.
    args[3] = '--htmllevel=0';
  }
  if (opts.seeds) {
    const [a, b, c, d, e, f] = opts.seeds;
    args.push(`--randomseeds10=${a}`, `--randomseeds11=${b}`, `--randomseeds12=${c}`);
    args.push(`--randomseeds20=${d}`, `--randomseeds21=${e}`, `--randomseeds22=${f}`);
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(opts.fetCl ?? DEFAULT_FET_CL, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < 200_000) stdout += d.toString('utf8');
    });
    child.stderr.on('data', () => undefined);
    // FET checks its time limit only between placement stages and can overrun it by minutes,
    // so the budget is enforced here: SIGTERM (FET saves and exits), then SIGKILL.
    const graceMs = 1000;
    const term = setTimeout(() => child.kill('SIGTERM'), opts.timeLimitSeconds * 1000 + graceMs);
    const kill = setTimeout(() => child.kill('SIGKILL'), opts.timeLimitSeconds * 1000 + graceMs + 10_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(term);
      clearTimeout(kill);
      const wallMs = performance.now() - started;
      resolve({ ...readFetRunDir(opts.outputDir), wallMs, exitCode: code, stdout });
    });
  });
}

/**
 * What a finished fet-cl run left in its output directory: success from logs/result.txt, and the
 * timetable directory — the complete NAME/, else the partial NAME-highest/ (most activities
 * placed) or NAME-current/ FET writes when it runs out of time or gets SIGTERM.
 */
export function readFetRunDir(outputDir: string): Pick<FetRun, 'success' | 'partial' | 'timetableDir' | 'baseName'> {
  const resultFile = join(outputDir, 'logs', 'result.txt');
  const result = existsSync(resultFile) ? readFileSync(resultFile, 'utf8') : '';
  const success = /Simulation successful/.test(result);
  const ttRoot = join(outputDir, 'timetables');
  const dirs = existsSync(ttRoot) ? readdirSync(ttRoot) : [];
  const full = dirs.find((d) => !/-(highest|current)$/.test(d));
  const chosen = success ? full : dirs.find((d) => d.endsWith('-highest')) ?? dirs.find((d) => d.endsWith('-current'));
  const baseName = full ?? (chosen ?? '').replace(/-(highest|current)$/, '');
  return { success, partial: !success && chosen !== undefined, timetableDir: chosen ? join(ttRoot, chosen) : null, baseName };
}

/**
 * Reads a file of a FET run's timetable directory, or null. Files are named after the input file
 * (NAME_<suffix>) in every directory — also in the partial results NAME-highest/ and NAME-current/
 * FET writes on a timeout, whose files are NAME_activities.xml, not NAME-highest_activities.xml.
 */
export function readFetOutput(run: FetRun, suffix: string): string | null {
  if (!run.timetableDir) return null;
  const dirName = run.timetableDir.split(/[\\/]/).pop() ?? '';
  const base = run.baseName || dirName.replace(/-(highest|current)$/, '');
  const file = join(run.timetableDir, `${base}_${suffix}`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
