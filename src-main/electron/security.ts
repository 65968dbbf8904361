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

/** A frame showing an app page (the URL half of the IPC check). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** What Electron's WebFrameMain tells about a frame: a frame is its process and routing id. */
export interface FrameLike {
  url: string;
  processId: number;
  routingId: number;
}

/**
 * An IPC call is trusted only from the main frame of a window we opened, showing an app page
 * (issue 19, item 8): not from a subframe (an injected iframe, even one on app://), not from another
 * webContents (a devtools page, a window some library opened), not after a navigation away.
 */
export function isTrustedIpcCall(
  sender: { id: number; mainFrame?: FrameLike | null },
  senderFrame: FrameLike | null | undefined,
  isOurWindow: (webContentsId: number) => boolean,
): boolean {
  if (!senderFrame || !sender.mainFrame || !isOurWindow(sender.id)) return false;
  if (senderFrame.processId !== sender.mainFrame.processId || senderFrame.routingId !== sender.mainFrame.routingId) return false;
  return isTrustedSender(senderFrame.url);
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
