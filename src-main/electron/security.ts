/**
 * Pure security decisions of the desktop shell (unit-tested without Electron): which URLs a window
 * may show, which IPC senders are ours, the CSP and the window options.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'school-office';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const ELECTRON_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only our own app:// pages; everything else (http, file, javascript:, data:) is refused. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/** Navigation inside the app is allowed only between app:// pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** An IPC message is trusted only from the main frame of one of our windows showing an app page. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** External links the user clicks open in the system browser, but only plain https/mailto. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'mailto:');
}

export interface SafeWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: boolean;
  navigateOnDragDrop: false;
}

export function mainWindowOptions(preloadPath: string) {
  const webPreferences: SafeWebPreferences = {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    navigateOnDragDrop: false,
  };
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Школьный офис',
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences,
  };
}

/** Maps an app:// request to a file inside the renderer folder; null for anything escaping it. */
export function resolveAppFile(requestUrl: string, rendererDir: string, sep = '/'): string | null {
  const u = parse(requestUrl);
  if (!u || !isAppUrl(requestUrl)) return null;
  const decoded = decodeURIComponent(u.pathname);
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return null;
  const rel = parts.length === 0 ? ['index.html'] : parts;
  return [rendererDir.replace(/[\\/]+$/, ''), ...rel].join(sep);
}
