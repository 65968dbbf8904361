// Bundles the Electron main process and the preload. The preload runs sandboxed, so it must be a
// single file that requires nothing but `electron`; the main keeps node_modules external
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

process.stdout.write('built dist-main/electron/{main,preload}.cjs\n');
