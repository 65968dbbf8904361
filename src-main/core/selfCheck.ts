import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assetPath } from './foundation/assets';
import { solverWorkerUrl, startSolverService } from './timetable/index';
import { jobWorkerFile } from './workerJobs';

/** Files the core opens at run time rather than bundles: a build that misses one breaks only when it is used. */
export const RUNTIME_ASSETS: readonly (readonly string[])[] = [
  ['fonts', 'DejaVuSans.ttf'],
  ['fonts', 'DejaVuSans-Bold.ttf'],
  ['templates', 'movement-order.docx'],
  ['templates', 'account-letters.docx'],
  // The print forms' defaults (reports/print/printTemplates.ts DEFAULT_FILES).
  ['templates', 'pupil-card.docx'],
  ['templates', 'staff-card-t2.docx'],
  ['templates', 'study-certificate.docx'],
  ['templates', 'work-certificate.docx'],
];

export interface SelfCheckEntry {
  name: string;
  path: string | null;
  ok: boolean;
  problem?: string;
}

export interface SelfCheckReport {
  ok: boolean;
  entries: SelfCheckEntry[];
}

function fileEntry(name: string, locate: () => string): SelfCheckEntry {
  try {
    const file = locate();
    return fs.existsSync(file) ? { name, path: file, ok: true } : { name, path: file, ok: false, problem: 'файл не найден' };
  } catch (err) {
    return { name, path: null, ok: false, problem: String((err as Error)?.message ?? err) };
  }
}

/**
 * Resolves every worker entry and run-time asset the way the running core does (from wherever this
 * code was bundled to) and starts the solver's worker once, so a packaged build that lost a file is
 * caught by `coreProcess --self-check` instead of by the first user who opens the timetable.
 */
export async function runSelfCheck(): Promise<SelfCheckReport> {
  const entries: SelfCheckEntry[] = [
    fileEntry('worker:jobs', () => fileURLToPath(jobWorkerFile())),
    fileEntry('worker:solver', () => fileURLToPath(solverWorkerUrl())),
    ...RUNTIME_ASSETS.map((parts) => fileEntry(`asset:${parts.join('/')}`, () => assetPath(...parts))),
  ];
  const service = startSolverService({ warmUp: false });
  try {
    await service.ready;
    entries.push({ name: 'start:solver', path: fileURLToPath(solverWorkerUrl()), ok: true });
  } catch (err) {
    entries.push({ name: 'start:solver', path: null, ok: false, problem: String((err as Error)?.message ?? err) });
  } finally {
    await service.close().catch(() => undefined);
  }
  return { ok: entries.every((e) => e.ok), entries };
}
