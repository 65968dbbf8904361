import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, Notification, protocol, safeStorage, session, shell, utilityProcess } from 'electron';
import log from 'electron-log/main';
import { defaultDataDir } from '../core/foundation/paths';
import { packagedAssetsDir } from '../core/foundation/assets';
import { databaseKeyFor, sealKeyFileIfPlain } from '../core/db/dbKey';
import { createCoreClient } from './coreClient';
import type { FromCore, ToCore } from './coreProtocol';
import { forwardEvents, registerIpcHandler } from './ipcBridge';
import { buildMenu } from './menu';
import { dailyNoticeFor, fileNoticeStore } from './dailyNotice';
import {
  APP_ORIGIN,
  APP_SCHEME,
  ELECTRON_CSP,
  isAllowedNavigation,
  isSafeExternalUrl,
  mainWindowOptions,
  resolveAppFile,
} from './security';
import { readLocalSettings } from '../core/foundation/localSettings';
import { createUpdateLoop, fileUpdateState } from './updater';
import { electronFeed, electronUpdateUi } from './updaterElectron';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  log.initialize();
  await app.whenReady();

  const dataDir = defaultDataDir();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const rendererDir = path.join(__dirname, '..', '..', 'dist', 'renderer');

  // The database key lives in the OS key store (safeStorage: DPAPI, Keychain, the keyring) where
  // there is one; only this process can open it, so it hands the key to the core (issue 19, item 6).
  let key: string | null;
  try {
    const sealer = safeStorage.isEncryptionAvailable()
      ? { seal: (plain: string) => safeStorage.encryptString(plain), unseal: (sealed: Buffer) => safeStorage.decryptString(sealed) }
      : null;
    if (sealer && sealKeyFileIfPlain(dataDir, sealer)) log.info('database key moved into the OS key store');
    // SCHOOL_OFFICE_DB_KEY_FILE names a saved key file where this computer's key store cannot help.
    key = databaseKeyFor(dataDir, process.env, sealer)?.toString('base64') ?? null;
  } catch (err) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Школьный офис', String((err as Error).message ?? err));
    app.quit();
    return;
  }

  // The core (database, dispatcher, sessions, jobs) runs in its own process: a long write there
  // never freezes this one, which only draws windows and passes calls on.
  // Packaged, the assets are extraResources beside app.asar; the core and its worker threads are told
  // where (the variable reaches the workers, which may not see process.resourcesPath).
  const env = app.isPackaged ? { ...process.env, SCHOOL_OFFICE_ASSETS: packagedAssetsDir(process.resourcesPath) } : process.env;
  const child = utilityProcess.fork(path.join(__dirname, 'coreProcess.cjs'), ['--data', dataDir, '--key-from-shell'], { serviceName: 'Школьный офис — ядро', env });
  const core = createCoreClient(
    { postMessage: (m: ToCore) => child.postMessage(m), onMessage: (l) => child.on('message', (m: FromCore) => l(m)) },
    (m) => log[m.level](m.message, m.data ?? ''),
  );
  child.on('exit', (code) => core.closed(`процесс ядра завершился с кодом ${code}`));
  // A message, not an argument or the environment: those other processes can read or inherit.
  child.once('spawn', () => child.postMessage({ type: 'key', key } satisfies ToCore));
  try {
    log.info('core ready', { database: await core.ready });
  } catch (err) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Школьный офис', String((err as Error).message ?? err));
    app.quit();
    return;
  }

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir, path.sep);
    if (!file) return new Response('Not found', { status: 404 });
    const target = fs.existsSync(file) ? file : path.join(rendererDir, 'index.html');
    const res = await net.fetch(pathToFileURL(target).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', ELECTRON_CSP);
    return new Response(res.body, { status: res.status, headers });
  });

  // No camera, microphone, geolocation, notifications: the app needs none of them.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  // Each window signs in on its own; the token stays in the core process, keyed by the window's
  // webContents. Only the main frames of the windows opened below may call (issue 19, item 8).
  // Late deadlines raise one system notification a day per user (dailyNotice.ts); no web
  // Notification permission is granted to the page for it.
  const ourWindows = new Set<number>();
  const notices = fileNoticeStore(path.join(dataDir, 'deadline-notices.json'));
  registerIpcHandler(
    ipcMain,
    async (senderId, method, input) => {
      const env = await core.call(senderId, method, input);
      const notice = dailyNoticeFor(method, env, notices);
      if (notice && Notification.isSupported()) {
        const n = new Notification({ title: notice.title, body: notice.body });
        n.on('click', () => {
          if (mainWindow.isDestroyed()) return;
          if (mainWindow.isMinimized()) mainWindow.restore();
          mainWindow.focus();
        });
        n.show();
      }
      return env;
    },
    (id) => ourWindows.has(id),
  );

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  const createWindow = () => {
    const win = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
    win.setMenu(buildMenu(win, dataDir));
    const contentsId = win.webContents.id;
    ourWindows.add(contentsId);
    forwardEvents(core.onEvent, win.webContents, contentsId);
    win.on('closed', () => {
      ourWindows.delete(contentsId);
      core.forget(contentsId);
    });
    win.once('ready-to-show', () => win.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
  };
  let mainWindow = createWindow();

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => child.kill());

  // Updates as the administrator set them in Настройки (the data folder's settings.json): checked
  // at start and then daily; the hourly tick only asks whether a day has passed.
  const updateLog = (level: 'info' | 'warn', message: string, data?: Record<string, unknown>) => log[level](message, data ?? '');
  const updates = createUpdateLoop({
    settings: () => readLocalSettings(dataDir).settings.updates,
    installed: app.getVersion(),
    packaged: app.isPackaged,
    disabledByEnv: process.env.SCHOOL_OFFICE_NO_UPDATES === '1',
    now: () => Date.now(),
    state: fileUpdateState(dataDir),
    feed: electronFeed(updateLog),
    ui: electronUpdateUi(() => (mainWindow.isDestroyed() ? null : mainWindow)),
    log: updateLog,
  });
  const tick = () => void updates.tick().then((outcome) => log.info('update check', { outcome }));
  tick();
  setInterval(tick, 60 * 60 * 1000).unref();
}
