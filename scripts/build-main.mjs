// Bundles the Electron main process, the preload, the core process (an Electron utilityProcess that
// holds the database and the dispatcher) and its job worker. The preload runs sandboxed, so it must
// be a single file that requires nothing but `electron`; the others keep node_modules external
// (electron-builder ships production dependencies and rebuilds native ones for Electron).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist-main/electron/main.cjs',
  packages: 'external',
});

await build({
  ...common,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist-main/electron/preload.cjs',
  external: ['electron'],
});

for (const name of ['coreProcess', 'jobWorker']) {
  await build({
    ...common,
    entryPoints: [name === 'coreProcess' ? 'src-main/electron/coreProcess.ts' : 'src-main/core/jobWorker.ts'],
    outfile: `dist-main/electron/${name}.cjs`,
    packages: 'external',
  });
}

process.stdout.write('built dist-main/electron/{main,preload,coreProcess,jobWorker}.cjs\n');
