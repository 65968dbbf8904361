// Bundles the Electron main process, the preload, the core process (an Electron utilityProcess that
// holds the database and the dispatcher) and the workers the core starts: the job worker
// (core/workerJobs.ts) and the timetable solver's worker (core/timetable/engine/worker.ts). Each
// worker is looked up beside the bundle that starts it, so all land in dist-main/electron. The
// preload runs sandboxed, so it must be a single file that requires nothing but `electron`; the
// others keep node_modules external (electron-builder ships production dependencies and rebuilds
// native ones for Electron). `coreProcess.cjs --self-check` proves every worker and asset resolves.
import { build } from 'esbuild';

const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  // The core finds its workers from import.meta.url under tsx and from __dirname in this CommonJS
  // bundle; the empty import.meta here is expected, not a mistake to warn about.
  logOverride: { 'empty-import-meta': 'silent' },
};

/** Every entry: output name (in dist-main/electron) → source. A new Worker/fork entry goes here. */
export const ENTRIES = {
  main: 'src-main/electron/main.ts',
  preload: 'src-main/electron/preload.ts',
  coreProcess: 'src-main/electron/coreProcess.ts',
  jobWorker: 'src-main/core/jobWorker.ts',
  solverWorker: 'src-main/core/timetable/engine/solverWorker.ts',
};

for (const [name, source] of Object.entries(ENTRIES)) {
  await build({
    ...common,
    entryPoints: [source],
    outfile: `dist-main/electron/${name}.cjs`,
    // The sandboxed preload bundles everything but electron itself.
    ...(name === 'preload' ? { external: ['electron'] } : { packages: 'external' }),
  });
}

process.stdout.write(`built dist-main/electron/{${Object.keys(ENTRIES).join(',')}}.cjs\n`);
