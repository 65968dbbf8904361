/**
 * The decisions of the updater that need no network and no Electron (issue 23, part 3): which feed
 * file a channel reads, whether a version is newer, when the next check is due, and whether a failed
 * check is worth telling the user again. The shell (src-main/electron/updater.ts) and the core's
 * «Проверить сейчас» (src-main/core/foundation/updateFeed.ts) both use them.
 */

export const UPDATE_MODES = ['auto', 'manual', 'off'] as const;
export type UpdateMode = (typeof UPDATE_MODES)[number];
export const UPDATE_MODE_LABELS: Record<UpdateMode, string> = {
  auto: 'Автоматически: при запуске и раз в день',
  manual: 'Только по кнопке «Проверить сейчас»',
  off: 'Никогда',
};

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];
export const UPDATE_CHANNEL_LABELS: Record<UpdateChannel, string> = {
  stable: 'Стабильный (stable)',
  beta: 'Предварительные версии (beta)',
};

/** How often the automatic mode checks while the program runs. */
export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * electron-updater's generic provider reads `<channel>.yml` on Windows and `<channel>-linux.yml` on
 * Linux (`-mac` on macOS); the stable channel is called `latest` in those names.
 */
export function channelFileName(channel: UpdateChannel, platform: string): string {
  const base = channel === 'stable' ? 'latest' : 'beta';
  if (platform === 'linux') return `${base}-linux.yml`;
  if (platform === 'darwin') return `${base}-mac.yml`;
  return `${base}.yml`;
}

interface Parsed {
  core: [number, number, number];
  pre: (string | number)[];
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(v: string): Parsed | null {
  const m = VERSION.exec(v.trim());
  if (!m) return null;
  return {
    core: [Number(m[1]), Number(m[2]), Number(m[3])],
    pre: m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [],
  };
}

/** Semantic-version order: negative when a < b, 0 when equal, positive when a > b; null if either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return null;
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i] - y.core[i];
  // A release is newer than its own pre-releases (1.2.0 > 1.2.0-beta.3).
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * Whether the feed's version should be offered: newer than the installed one, and on the stable
 * channel never a pre-release (a beta feed may offer both).
 */
export function isOffered(installed: string, available: string, channel: UpdateChannel): boolean {
  const order = compareVersions(available, installed);
  if (order === null || order <= 0) return false;
  return channel === 'beta' || (parseVersion(available)?.pre.length ?? 1) === 0;
}

export interface CheckPlanInput {
  mode: UpdateMode;
  feedUrl: string | null;
  /** An installed (packaged) program; a development run never updates itself. */
  packaged: boolean;
  /** ISO time of the last check, or null. */
  lastCheckedAt: string | null;
  nowMs: number;
}

export type CheckPlan = { check: false; reason: 'off' | 'no-feed' | 'not-packaged' | 'manual' } | { check: true } | { check: false; reason: 'not-due'; dueInMs: number };

/** At start and every day: check or wait, and why. «Проверить сейчас» skips this (it is the user asking). */
export function planCheck(s: CheckPlanInput): CheckPlan {
  if (s.mode === 'off') return { check: false, reason: 'off' };
  if (!s.feedUrl) return { check: false, reason: 'no-feed' };
  if (!s.packaged) return { check: false, reason: 'not-packaged' };
  if (s.mode === 'manual') return { check: false, reason: 'manual' };
  const last = s.lastCheckedAt ? Date.parse(s.lastCheckedAt) : NaN;
  if (Number.isNaN(last) || s.nowMs - last >= CHECK_EVERY_MS || last > s.nowMs) return { check: true };
  return { check: false, reason: 'not-due', dueInMs: CHECK_EVERY_MS - (s.nowMs - last) };
}

/**
 * A failed automatic check is shown once: the same failure again (the school's server is still
 * down) stays in the log; a different one, or a success in between, shows again.
 */
export function failureToShow(lastShown: string | null, error: string): boolean {
  return lastShown !== error;
}

/** The feed address as the administrator types it: https, or http only for the local network. */
export function feedUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'адрес обновлений — полный адрес папки с обновлениями, например https://school.example.ru/updates/';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && isLocalHost(u.hostname)) return null;
  if (u.protocol === 'http:') return 'адрес обновлений без шифрования (http) допустим только в сети школы (10.x, 192.168.x, 172.16–31.x, localhost); в интернете — только https';
  return 'адрес обновлений должен начинаться с https://';
}

function isLocalHost(host: string): boolean {
  if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]') return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!m) return host.endsWith('.local') || host.endsWith('.lan');
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || a === 127;
}
