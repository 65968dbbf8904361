import yaml from 'js-yaml';
import type { LocalSettings, UpdateCheck } from '../../../src-shared/contract/settings';
import { channelFileName, isOffered, parseVersion } from '../../../src-shared/domain/updates';

/**
 * «Проверить сейчас» (issue 23, part 3): reads the channel's feed file (`latest.yml`, as
 * electron-builder publishes it for the generic provider) and says whether a newer version is there.
 * The same answer in the desktop window and in the browser; downloading and installing stay with the
 * desktop shell's electron-updater. Every failure becomes a sentence for the screen, never a throw.
 */
export interface FeedCheckOptions {
  installed: string;
  platform?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
}

export interface FeedInfo {
  version: string;
  releaseDate: string | null;
  notes: string | null;
  file: string | null;
}

/** The fields of a feed file we use; anything that is not one is a refusal naming what is wrong. */
export function parseFeed(text: string): FeedInfo | string {
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (err) {
    return `файл обновлений не читается как YAML: ${(err as Error).message.split('\n')[0]}`;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'файл обновлений пуст или не описывает версию';
  const d = doc as Record<string, unknown>;
  if (typeof d.version !== 'string' || !parseVersion(d.version)) return `в файле обновлений нет номера версии (поле version: ${JSON.stringify(d.version ?? null)})`;
  const files = Array.isArray(d.files) ? d.files : [];
  const first = files.find((f): f is { url: string } => Boolean(f) && typeof (f as { url?: unknown }).url === 'string');
  const file = first?.url ?? (typeof d.path === 'string' ? d.path : null);
  return { version: d.version, releaseDate: typeof d.releaseDate === 'string' ? d.releaseDate : null, notes: releaseNotes(d.releaseNotes), file };
}

/** electron-builder writes notes as a string, or as a list of `{ version, note }` with `fullChangelog`. */
function releaseNotes(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const parts = v.map((n) => (n && typeof n === 'object' ? `${String((n as { version?: unknown }).version ?? '')}: ${String((n as { note?: unknown }).note ?? '')}` : '')).filter(Boolean);
    return parts.length ? parts.join('\n') : null;
  }
  return null;
}

export async function checkUpdateFeed(updates: LocalSettings['updates'], opts: FeedCheckOptions): Promise<UpdateCheck> {
  const base = { installed: opts.installed, channel: updates.channel, feedUrl: updates.feedUrl, checkedAt: (opts.now?.() ?? new Date()).toISOString(), available: null };
  if (!updates.feedUrl) return { ...base, state: 'not-configured', message: 'Адрес обновлений не указан: программа не проверяет обновления.' };
  const fileName = channelFileName(updates.channel, opts.platform ?? process.platform);
  const url = new URL(fileName, updates.feedUrl.endsWith('/') ? updates.feedUrl : `${updates.feedUrl}/`).toString();
  let text: string;
  try {
    const res = await (opts.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000), redirect: 'follow' });
    if (!res.ok) return { ...base, state: 'failed', message: `Сервер обновлений ответил ${res.status} на запрос ${url}: проверьте адрес и канал.` };
    text = await res.text();
  } catch (err) {
    const reason = (err as Error).name === 'TimeoutError' ? 'сервер не ответил за 15 секунд' : ((err as { cause?: Error }).cause?.message ?? (err as Error).message);
    return { ...base, state: 'failed', message: `Не удалось связаться с сервером обновлений (${url}): ${reason}.` };
  }
  const feed = parseFeed(text);
  if (typeof feed === 'string') return { ...base, state: 'failed', message: `${url}: ${feed}.` };
  if (!isOffered(opts.installed, feed.version, updates.channel)) {
    return { ...base, state: 'up-to-date', available: feed, message: `Установлена последняя версия (${opts.installed}); на сервере — ${feed.version}.` };
  }
  return { ...base, state: 'available', available: feed, message: `Доступна версия ${feed.version} (установлена ${opts.installed}).` };
}
