import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` prints EBADENGINE when a package in the lockfile wants a newer Node than the one
 * installing it (electron@41's downloader wanted Node ≥ 22.12 while the project says ≥ 20.19). The
 * lockfile records every package's `engines`, so the check needs no install and no network.
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

const floor = semver.minVersion(pkg.engines.node);

describe('Node floor and the packages installed on it', () => {
  it('the engines field names a floor', () => {
    expect(floor?.version).toMatch(/^20\.\d+\.\d+$/);
  });

  it('every package in the lockfile accepts the floor (no EBADENGINE on npm ci)', () => {
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(floor!.version, (p.engines as { node: string }).node))
      .map(([name, p]) => `${name}@${p.version} wants node ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });

  it('Electron is pinned exactly and its installer runs on the floor', () => {
    const wanted = pkg.devDependencies.electron;
    expect(semver.valid(wanted), 'electron must be an exact version').toBe(wanted);
    const installed = lock.packages['node_modules/electron'];
    expect(installed?.version).toBe(wanted);
    const get = lock.packages['node_modules/@electron/get'];
    const getNode = get && !Array.isArray(get.engines) ? get.engines?.node : undefined;
    if (getNode) expect(semver.satisfies(floor!.version, getNode)).toBe(true);
  });

  it('this machine runs a Node the project accepts', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });

  it('README says the same floor', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`Node ${floor!.major}.${floor!.minor}`);
  });
});
