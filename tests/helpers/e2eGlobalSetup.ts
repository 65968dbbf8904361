import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browserPath';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string | null;
  }
}

/**
 * The office guide (docs/guide/) shows screenshots the e2e tests take: after a run, each picture the
 * guide uses is replaced by this run's, so the guide shows the program as it is now.
 */
function refreshGuideImages(root: string): void {
  const shots = path.join(root, 'test-results', 'screenshots');
  const img = path.join(root, 'docs', 'guide', 'img');
  if (!fs.existsSync(img) || !fs.existsSync(shots)) return;
  const started = fs.statSync(path.join(root, 'dist', 'renderer', 'index.html')).mtimeMs;
  for (const name of fs.readdirSync(img)) {
    const fresh = path.join(shots, name);
    // Only pictures taken by this run (after its renderer build), never a stale one from an older run.
    if (fs.existsSync(fresh) && fs.statSync(fresh).mtimeMs >= started) fs.copyFileSync(fresh, path.join(img, name));
  }
}

/** Builds the renderer once for all e2e files and finds Debian's Chromium (required under CI). */
export default function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) throw new Error('renderer build produced no index.html');
  const chromium = chromiumPath();
  if (!chromium) {
    if (process.env.CI === 'true') throw new Error('Chromium not found at /usr/bin/chromium — in CI the e2e suite must run');
    process.stderr.write('\n*** SKIPPING e2e tests: Chromium not found (apt-get install chromium)\n\n');
  }
  else process.stdout.write(`e2e: ${execFileSync(chromium, ['--version']).toString().trim()} (${chromium})\n`);
  project.provide('chromium', chromium);
  return () => refreshGuideImages(root);
}
