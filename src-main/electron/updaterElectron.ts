import { dialog, type BrowserWindow } from 'electron';
import type { UpdateDeps } from './updater';

/**
 * The Electron half of the updater: electron-updater's generic provider for the feed, message boxes
 * for the questions, the taskbar button for the progress. No logic lives here (updater.ts has it).
 */
export function electronFeed(log: UpdateDeps['log']): UpdateDeps['feed'] {
  // Loaded on first use: a development run with updates off never touches electron-updater.
  const load = async () => (await import('electron-updater')).autoUpdater;
  let configured: { url: string; channel: string } | null = null;
  return {
    configure(url, channel) {
      configured = { url, channel };
    },
    async check() {
      const u = await load();
      if (!configured) return null;
      u.autoDownload = false;
      u.autoInstallOnAppQuit = true;
      u.allowPrerelease = configured.channel === 'beta';
      u.channel = configured.channel === 'beta' ? 'beta' : 'latest';
      u.setFeedURL({ provider: 'generic', url: configured.url, channel: u.channel });
      u.logger = { info: (m: unknown) => log('info', String(m)), warn: (m: unknown) => log('warn', String(m)), error: (m: unknown) => log('warn', String(m)), debug: () => undefined };
      const r = await u.checkForUpdates();
      if (!r?.isUpdateAvailable) return null;
      const notes = r.updateInfo.releaseNotes;
      return { version: r.updateInfo.version, notes: typeof notes === 'string' ? notes : (notes ?? []).map((n) => `${n.version}: ${n.note ?? ''}`).join('\n') || null };
    },
    async download(onProgress) {
      const u = await load();
      const listener = (p: { percent: number }) => onProgress(p.percent / 100);
      u.on('download-progress', listener);
      try {
        await u.downloadUpdate();
      } finally {
        u.off('download-progress', listener);
      }
    },
    installNow() {
      void load().then((u) => u.quitAndInstall());
    },
  };
}

export function electronUpdateUi(win: () => BrowserWindow | null): UpdateDeps['ui'] {
  const box = async (opts: Electron.MessageBoxOptions) => {
    const w = win();
    return w && !w.isDestroyed() ? dialog.showMessageBox(w, opts) : dialog.showMessageBox(opts);
  };
  return {
    async offer(u) {
      const r = await box({ type: 'info', title: 'Школьный офис', message: `Доступна версия ${u.version}`, detail: u.notes ?? '', buttons: ['Скачать', 'Позже'], defaultId: 0, cancelId: 1 });
      return r.response === 0;
    },
    progress(fraction) {
      const w = win();
      if (w && !w.isDestroyed()) w.setProgressBar(fraction === null ? -1 : fraction);
    },
    async askInstallNow(u) {
      const r = await box({
        type: 'question',
        title: 'Школьный офис',
        message: `Версия ${u.version} скачана`,
        detail: 'Установить сейчас? Программа закроется и откроется снова. Если выбрать «При выходе», обновление установится, когда вы закроете программу.',
        buttons: ['Установить сейчас', 'При выходе'],
        defaultId: 1,
        cancelId: 1,
      });
      return r.response === 0;
    },
    failure(message) {
      void box({ type: 'warning', title: 'Школьный офис', message: 'Не удалось проверить обновления', detail: `${message}\n\nАдрес обновлений — в «Администрирование → Настройки программы». Следующая попытка — завтра.`, buttons: ['OK'] });
    },
  };
}
