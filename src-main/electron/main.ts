import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell, utilityProcess } from 'electron';
import log from 'electron-log/main';
import { defaultDataDir } from '../core/foundation/paths';
import { createCoreClient } from './coreClient';
import type { FromCore, ToCore } from './coreProtocol';
import { forwardEvents, registerIpcHandler } from './ipcBridge';
import { buildMenu } from './menu';
import {
  APP_ORIGIN,
  APP_SCHEME,
  ELECTRON_CSP,
  isAllowedNavigation,
  isSafeExternalUrl,
  mainWindowOptions,
  resolveAppFile,
} from './security';
import { createUpdater } from './updater';

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
  fs.mkdirSync(dataDir, { recursive: true });
  const rendererDir = path.join(__dirname, '..', '..', 'dist', 'renderer');

  // The core (database, dispatcher, sessions, jobs) runs in its own process: a long write there
  // never freezes this one, which only draws windows and passes calls on.
  const child = utilityProcess.fork(path.join(__dirname, 'coreProcess.cjs'), ['--data', dataDir], { serviceName: 'Школьный офис — ядро' });
  const core = createCoreClient(
    { postMessage: (m: ToCore) => child.postMessage(m), onMessage: (l) => child.on('message', (m: FromCore) => l(m)) },
    (m) => log[m.level](m.message, m.data ?? ''),
  );
  child.on('exit', (code) => core.closed(`процесс ядра завершился с кодом ${code}`));
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

  // Each window signs in on its own; the token stays here, keyed by the window's webContents.
  registerIpcHandler(ipcMain, (senderId, method, input) => core.call(senderId, method, input));

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
    forwardEvents(core.onEvent, win.webContents);
    const contentsId = win.webContents.id;
    win.on('closed', () => core.forget(contentsId));
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

  const updater = await createUpdater({
    feedUrl: process.env.SCHOOL_OFFICE_UPDATE_URL ?? null,
    isPackaged: app.isPackaged,
    disabledByEnv: process.env.SCHOOL_OFFICE_NO_UPDATES === '1',
  });
  if (updater.enabled) void updater.check().then((r) => log.info('update check', r));
}
