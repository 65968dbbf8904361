// `npm start`: builds the renderer and the main bundle, makes sure the Electron binary is present
// (downloaded on first start — `npm ci` skips it), builds better-sqlite3 for Electron into a
// separate folder so the Node build used by tests and `serve` stays intact, then starts the app.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
run(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')]);

const electronDir = path.dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
if (!fs.existsSync(path.join(electronDir, 'path.txt'))) {
  process.stdout.write(`Первый запуск: загружается Electron ${electronVersion} (один раз, нужен интернет)…\n`);
  try {
    run(process.execPath, [path.join(electronDir, 'install.js')], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  } catch {
    process.stderr.write('Не удалось загрузить Electron. Без него используйте браузерный режим: npm run serve\n');
    process.exit(1);
  }
}

const nativeDir = path.join(root, '.electron-native', electronVersion);
const binding = path.join(nativeDir, 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(binding)) {
  process.stdout.write('Сборка better-sqlite3 для Electron (один раз)…\n');
  const src = path.dirname(require.resolve('better-sqlite3/package.json'));
  fs.rmSync(nativeDir, { recursive: true, force: true });
  fs.cpSync(src, nativeDir, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const npmDir = path.dirname(path.dirname(process.env.npm_execpath ?? require.resolve('npm/package.json')));
  const nodeGyp = [path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), path.join(npmDir, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')].find((p) => fs.existsSync(p));
  if (!nodeGyp) {
    process.stderr.write('node-gyp не найден; используйте браузерный режим: npm run serve\n');
    process.exit(1);
  }
  run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: nativeDir });
}

const electronBin = require('electron');
const child = spawn(electronBin, ['.'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SCHOOL_OFFICE_SQLITE_BINDING: binding, SCHOOL_OFFICE_NO_UPDATES: '1' },
});
child.on('exit', (code) => process.exit(code ?? 0));
