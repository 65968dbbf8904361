import { describe, expect, it } from 'vitest';
import {
  ELECTRON_CSP,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  mainWindowOptions,
  resolveAppFile,
} from '../../../src-main/electron/security';

describe('desktop shell security decisions', () => {
  it('allows navigation only inside app://school-office', () => {
    expect(isAllowedNavigation('app://school-office/index.html#/admin/school')).toBe(true);
    for (const bad of ['https://example.com', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'data:text/html,x', 'not a url']) {
      expect(isAllowedNavigation(bad)).toBe(false);
    }
  });
  it('trusts IPC only from app pages', () => {
    expect(isTrustedSender('app://school-office/index.html')).toBe(true);
    expect(isTrustedSender('https://school-office/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
  });
  it('opens only https and mailto links externally', () => {
    expect(isSafeExternalUrl('https://sgo.edu22.info')).toBe(true);
    expect(isSafeExternalUrl('mailto:director@school.ru')).toBe(true);
    expect(isSafeExternalUrl('file:///c:/windows')).toBe(false);
    expect(isSafeExternalUrl('http://insecure.ru')).toBe(false);
  });
  it('creates windows isolated and sandboxed', () => {
    const o = mainWindowOptions('/app/preload.cjs');
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });
  it('has a strict CSP without remote origins or eval', () => {
    expect(ELECTRON_CSP).toContain("default-src 'self'");
    expect(ELECTRON_CSP).toContain("object-src 'none'");
    expect(ELECTRON_CSP).not.toMatch(/unsafe-eval|https?:/);
  });
  it('maps app:// URLs into the renderer folder and refuses traversal', () => {
    expect(resolveAppFile('app://school-office/', '/r')).toBe('/r/index.html');
    expect(resolveAppFile('app://school-office/assets/a.js', '/r')).toBe('/r/assets/a.js');
    // The URL parser folds encoded dot segments; whatever comes out must stay inside the folder.
    const folded = resolveAppFile('app://school-office/%2e%2e/%2e%2e/etc/passwd', '/r');
    expect(folded === null || folded.startsWith('/r/')).toBe(true);
    expect(resolveAppFile('app://school-office/a/%2e%2e%2f%2e%2e%2fsecret', '/r')).toBeNull();
    expect(resolveAppFile('app://school-office/..%5c..%5cwin.ini', '/r')).toBeNull();
    expect(resolveAppFile('app://other/index.html', '/r')).toBeNull();
  });
});
