import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetDirs, assetPath, packagedAssetsDir } from '../../../src-main/core/foundation/assets';

/** Where the core looks for fonts and templates, in each shape it runs in (issue 23, part 2). */
describe('assetDirs', () => {
  const repo = path.resolve('/home/u/school-office');

  it('packaged: only <resources>/assets, whatever the working folder, for the bundle inside app.asar', () => {
    const resources = path.resolve('/opt/Школьный офис/resources');
    expect(packagedAssetsDir(resources)).toBe(path.join(resources, 'assets'));
    expect(assetDirs({ resourcesPath: resources, moduleDir: path.join(resources, 'app.asar', 'dist-main', 'electron'), cwd: path.resolve('/home/u') })).toEqual([path.join(resources, 'assets')]);
    // The shell's variable comes first (the core's worker threads have no process.resourcesPath).
    expect(assetDirs({ override: '/x/assets', resourcesPath: resources, moduleDir: path.join(resources, 'app.asar', 'dist-main', 'electron'), cwd: '/' })).toEqual(['/x/assets', path.join(resources, 'assets')]);
  });

  it('from the repository: source and bundle find the repository’s assets; Electron in development is not packaged', () => {
    expect(assetDirs({ moduleDir: path.join(repo, 'src-main', 'core', 'foundation'), cwd: '/tmp' })[0]).toBe(path.join(repo, 'assets'));
    expect(assetDirs({ moduleDir: path.join(repo, 'dist-main', 'electron'), cwd: '/tmp' })).toContain(path.join(repo, 'assets'));
    // `npm start`: Electron's own resources folder is in node_modules, the code is not under it.
    const devResources = path.join(repo, 'node_modules', 'electron', 'dist', 'resources');
    const dirs = assetDirs({ resourcesPath: devResources, moduleDir: path.join(repo, 'dist-main', 'electron'), cwd: repo });
    expect(dirs).toContain(path.join(repo, 'assets'));
    expect(dirs).not.toContain(path.join(devResources, 'assets'));
    expect(assetDirs({ moduleDir: null, cwd: repo })).toEqual([path.join(repo, 'assets')]);
  });

  it('the running tests resolve every run-time file from this repository', () => {
    const root = path.resolve(import.meta.dirname, '..', '..', '..');
    expect(assetPath('fonts', 'DejaVuSans.ttf')).toBe(path.join(root, 'assets', 'fonts', 'DejaVuSans.ttf'));
    expect(() => assetPath('fonts', 'нет-такого.ttf')).toThrow(/asset not found: fonts\/нет-такого\.ttf/);
  });
});
