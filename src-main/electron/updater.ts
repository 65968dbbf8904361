/**
 * Updates behind a small interface: the shell asks `check()`; the implementation uses
 * electron-updater with a generic provider whose URL comes from settings. No URL (or tests,
 * or a development run) means updates are off.
 */
export interface Updater {
  readonly enabled: boolean;
  check(): Promise<{ available: boolean; version?: string; error?: string }>;
}

export interface UpdaterSettings {
  feedUrl: string | null;
  isPackaged: boolean;
  disabledByEnv: boolean;
}

export function updaterEnabled(s: UpdaterSettings): boolean {
  return Boolean(s.feedUrl) && s.isPackaged && !s.disabledByEnv && /^https:\/\//.test(s.feedUrl ?? '');
}

export const disabledUpdater: Updater = {
  enabled: false,
  check: async () => ({ available: false }),
};

export async function createUpdater(s: UpdaterSettings): Promise<Updater> {
  if (!updaterEnabled(s)) return disabledUpdater;
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.setFeedURL({ provider: 'generic', url: s.feedUrl as string });
  autoUpdater.autoDownload = false;
  return {
    enabled: true,
    async check() {
      try {
        const r = await autoUpdater.checkForUpdates();
        return { available: Boolean(r?.isUpdateAvailable), version: r?.updateInfo.version };
      } catch (err) {
        return { available: false, error: String((err as Error).message ?? err) };
      }
    },
  };
}
