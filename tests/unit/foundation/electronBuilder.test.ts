import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The packaging config, checked without packaging (issue 23, part 2): electron-builder cannot run
 * here (it downloads Electron), so this test reads electron-builder.yml, validates it with
 * electron-builder's own schema check, and holds it to what a school's installer needs.
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };

/** A glob of electron-builder's `files`/`asarUnpack` as a RegExp (only `**`, `*` are used here). */
function globRe(glob: string): RegExp {
  const re = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${re}$`);
}

function packaged(file: string): boolean {
  let inc = false;
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!')) {
      if (globRe(pattern.slice(1)).test(file)) inc = false;
    } else if (globRe(pattern).test(file)) inc = true;
  }
  return inc;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration check, which refuses a misspelt key', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, new DebugLogger(false))).rejects.toThrow(/oneClik/);
  });

  it('builds a per-user NSIS installer for 64-bit Windows in Russian, a deb and an AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, language: '1049' });
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.productName).toBe('Школьный офис');
  });

  it('packages the bundle and the renderer in the archive; the run-time assets go beside it as extraResources, not the icon drawings', () => {
    for (const file of ['package.json', 'dist-main/electron/main.cjs', 'dist-main/electron/coreProcess.cjs', 'dist-main/electron/solverWorker.cjs', 'dist/renderer/index.html']) {
      expect(packaged(file), file).toBe(true);
    }
    expect(packaged('dist-main/electron/main.cjs.map')).toBe(false);
    for (const file of ['assets/fonts/x.ttf', 'assets/templates/x.docx', 'assets/build/icon.svg']) expect(packaged(file), file).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'assets', to: 'assets', filter: ['**/*', '!build/**'] }]);
    expect(packaged('src-main/electron/main.ts')).toBe(false);
    expect(config.extraMetadata.main).toBe('dist-main/electron/main.cjs');
    // Every bundle entry scripts/build-main.mjs makes is inside the package.
    const entries = [...fs.readFileSync(path.join(root, 'scripts', 'build-main.mjs'), 'utf8').matchAll(/^\s+(\w+): 'src-main\/[^']+\.ts',$/gm)].map((m) => m[1]);
    expect(entries).toEqual(expect.arrayContaining(['main', 'preload', 'coreProcess', 'jobWorker', 'solverWorker']));
    for (const e of entries) expect(packaged(`dist-main/electron/${e}.cjs`), e).toBe(true);
  });

  it('unpacks every native production dependency from the asar archive', () => {
    const native = Object.entries(lock.packages)
      .filter(([name, p]) => name.startsWith('node_modules/') && !p.dev && fs.existsSync(path.join(root, name, 'binding.gyp')))
      .map(([name]) => name);
    expect(native).toContain('node_modules/better-sqlite3');
    const unpack = (config.asarUnpack as string[]).map(globRe);
    for (const name of native) expect(unpack.some((re) => re.test(`${name}/build/Release/x.node`)), name).toBe(true);
    // Native modules are built for Electron at packaging time only, never by npm ci.
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/electron-rebuild|install-app-deps/);
  });

  it('takes the update feed address at release time, not a placeholder', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.SCHOOL_OFFICE_UPDATE_URL}' });
  });
});

/**
 * electron-builder itself, offline: `--dir` for Linux with a stand-in for the Electron binary
 * (`electronDist`: it is copied, never run) and no native rebuild (that one downloads Electron's
 * headers; `npm run dist` does it on a networked machine). What this proves is where the files land:
 * every asset under <resources>/assets, none inside app.asar, and the core's resolver looking there.
 */
describe('electron-builder --dir (unpacked, with a stand-in Electron)', () => {
  it('puts every run-time asset in <resources>/assets, where the packaged core looks, and none in app.asar', { timeout: 300_000 }, async () => {
    const { assetDirs } = await import('../../../src-main/core/foundation/assets');
    const { RUNTIME_ASSETS } = await import('../../../src-main/core/selfCheck');
    const { listPackage } = require('@electron/asar') as { listPackage(file: string, o: object): string[] };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'so-builder-'));
    try {
      // electronBundle.test.ts rebuilds the bundle; any build will do here (only where files land is checked).
      if (!fs.existsSync(path.join(root, 'dist-main', 'electron', 'coreProcess.cjs'))) execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'pipe' });
      const fakeElectron = path.join(tmp, 'electron-dist');
      fs.mkdirSync(fakeElectron);
      fs.writeFileSync(path.join(fakeElectron, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
      const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
      const out = path.join(tmp, 'release');
      execFileSync(
        process.execPath,
        [require.resolve('electron-builder/cli.js'), '--linux', '--dir', '--config', 'electron-builder.yml', `-c.electronDist=${fakeElectron}`, `-c.electronVersion=${electronVersion}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
        { cwd: root, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', SCHOOL_OFFICE_UPDATE_URL: 'http://127.0.0.1:9/updates' } },
      );
      const resources = path.join(out, 'linux-unpacked', 'resources');
      const shipped = (fs.readdirSync(path.join(root, 'assets'), { recursive: true }) as string[]).filter((f) => !f.startsWith('build') && fs.statSync(path.join(root, 'assets', f)).isFile());
      expect(shipped).toEqual(expect.arrayContaining([path.join('fonts', 'DejaVuSans.ttf'), path.join('templates', 'movement-order.docx')]));
      for (const f of shipped) expect(fs.readFileSync(path.join(resources, 'assets', f)).equals(fs.readFileSync(path.join(root, 'assets', f))), f).toBe(true);
      expect(fs.existsSync(path.join(resources, 'assets', 'build'))).toBe(false);
      const archive = listPackage(path.join(resources, 'app.asar'), { isPack: false });
      expect(archive).toContain(path.join(path.sep, 'dist-main', 'electron', 'coreProcess.cjs'));
      expect(archive.filter((f) => f.startsWith(`${path.sep}assets`))).toEqual([]);
      // The packaged core (its bundle runs from inside app.asar) looks in exactly that folder.
      const dirs = assetDirs({ resourcesPath: resources, moduleDir: path.join(resources, 'app.asar', 'dist-main', 'electron'), cwd: tmp });
      expect(dirs).toEqual([path.join(resources, 'assets')]);
      for (const parts of RUNTIME_ASSETS) expect(fs.existsSync(path.join(dirs[0], ...parts)), parts.join('/')).toBe(true);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the icon set', () => {
  const dir = path.join(root, 'assets', 'build');
  const pngSize = (buf: Buffer) => {
    expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
  };

  it('was made from the current drawing (node scripts/make-icons.mjs)', () => {
    const svg = fs.readFileSync(path.join(dir, 'icon.svg'));
    expect(fs.readFileSync(path.join(dir, 'icons', 'source.sha256'), 'utf8').trim()).toBe(crypto.createHash('sha256').update(svg).digest('hex'));
  });

  it('has the Linux PNGs at their sizes and a 512 px icon.png', () => {
    for (const n of [16, 24, 32, 48, 64, 128, 256, 512]) expect(pngSize(fs.readFileSync(path.join(dir, 'icons', `${n}x${n}.png`)))).toEqual([n, n]);
    expect(pngSize(fs.readFileSync(path.join(dir, 'icon.png')))).toEqual([512, 512]);
    expect(config.linux.icon).toBe('assets/build/icons');
  });

  it('has a Windows ICO whose entries point at PNG images of 16–256 px', () => {
    expect(config.win.icon).toBe('assets/build/icon.ico');
    const ico = fs.readFileSync(path.join(dir, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const declared = ico.readUInt8(e) || 256;
      const [size, offset] = [ico.readUInt32LE(e + 8), ico.readUInt32LE(e + 12)];
      expect(offset + size).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + size))).toEqual([declared, declared]);
      sizes.push(declared);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
