import fs from 'node:fs';
import path from 'node:path';
import type { LocalSettings } from '../../src-shared/contract/settings';
import { failureToShow, feedUrlProblem, isOffered, planCheck, type UpdateChannel } from '../../src-shared/domain/updates';

/**
 * The desktop's own updates (issue 23, part 3). The loop decides, electron-updater fetches: at start
 * and then daily (when the administrator chose «Автоматически» in Настройки), it checks the feed,
 * shows «Доступна версия X» with the release notes, downloads only when the user agrees (with the
 * progress on the taskbar button), asks before installing and otherwise installs on quit. A failed
 * check is shown once; the same failure again goes to the log only. Everything Electron does is
 * behind `UpdateDeps`, so the loop is unit-tested under plain Node (tests/unit/foundation/updater.test.ts).
 */
export interface FoundUpdate {
  version: string;
  notes: string | null;
}

export interface UpdateDeps {
  /** Read on every tick: a change saved in Настройки applies without a restart. */
  settings(): LocalSettings['updates'];
  installed: string;
  packaged: boolean;
  disabledByEnv: boolean;
  now(): number;
  state: { read(): UpdateState; write(s: UpdateState): void };
  feed: {
    configure(url: string, channel: UpdateChannel): void;
    check(): Promise<FoundUpdate | null>;
    download(onProgress: (fraction: number) => void): Promise<void>;
    installNow(): void;
  };
  ui: {
    offer(u: FoundUpdate): Promise<boolean>;
    progress(fraction: number | null): void;
    askInstallNow(u: FoundUpdate): Promise<boolean>;
    failure(message: string): void;
  };
  log(level: 'info' | 'warn', message: string, data?: Record<string, unknown>): void;
}

export interface UpdateState {
  lastCheckedAt: string | null;
  lastShownFailure: string | null;
  /** A version the user said «Позже» to is not offered again by the automatic check. */
  declined: string | null;
}

export const EMPTY_STATE: UpdateState = { lastCheckedAt: null, lastShownFailure: null, declined: null };

export type TickOutcome = 'skipped' | 'none' | 'declined' | 'installed-on-quit' | 'installing' | 'failed';

export function createUpdateLoop(deps: UpdateDeps) {
  let busy = false;
  return {
    /** One tick of the start-and-daily check; returns what happened (for the log and the tests). */
    async tick(): Promise<TickOutcome> {
      if (busy) return 'skipped';
      const s = deps.settings();
      const state = deps.state.read();
      const plan = planCheck({ mode: deps.disabledByEnv ? 'off' : s.mode, feedUrl: s.feedUrl && !feedUrlProblem(s.feedUrl) ? s.feedUrl : null, packaged: deps.packaged, lastCheckedAt: state.lastCheckedAt, nowMs: deps.now() });
      if (!plan.check) return 'skipped';
      busy = true;
      try {
        deps.feed.configure(s.feedUrl as string, s.channel);
        const checkedAt = new Date(deps.now()).toISOString();
        let found: FoundUpdate | null;
        try {
          found = await deps.feed.check();
        } catch (err) {
          const message = String((err as Error)?.message ?? err);
          deps.log('warn', 'update check failed', { message });
          if (failureToShow(state.lastShownFailure, message)) deps.ui.failure(message);
          deps.state.write({ ...state, lastCheckedAt: checkedAt, lastShownFailure: message });
          return 'failed';
        }
        deps.state.write({ ...state, lastCheckedAt: checkedAt, lastShownFailure: null });
        if (!found || !isOffered(deps.installed, found.version, s.channel) || state.declined === found.version) return 'none';
        if (!(await deps.ui.offer(found))) {
          deps.state.write({ ...deps.state.read(), declined: found.version });
          return 'declined';
        }
        try {
          await deps.feed.download((f) => deps.ui.progress(f));
        } catch (err) {
          const message = String((err as Error)?.message ?? err);
          deps.log('warn', 'update download failed', { message });
          deps.ui.failure(`обновление ${found.version} не скачалось: ${message}`);
          return 'failed';
        } finally {
          deps.ui.progress(null);
        }
        if (await deps.ui.askInstallNow(found)) {
          deps.feed.installNow();
          return 'installing';
        }
        return 'installed-on-quit';
      } finally {
        busy = false;
      }
    },
  };
}

/** `updates-state.json` beside the settings file: when the last check ran and what was already said. */
export function fileUpdateState(dataDir: string): UpdateDeps['state'] {
  const file = path.join(dataDir, 'updates-state.json');
  return {
    read() {
      try {
        return { ...EMPTY_STATE, ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<UpdateState>) };
      } catch {
        return EMPTY_STATE;
      }
    },
    write(s) {
      fs.writeFileSync(file, `${JSON.stringify(s)}\n`, { mode: 0o600 });
    },
  };
}
