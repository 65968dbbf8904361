import fs from 'node:fs';
import type { Envelope } from '../../src-shared/errors';
import { plural } from '../../src-shared/domain/plural';

/**
 * The desktop's system notification of late deadlines (issue 20), once a day per user. The shell
 * does not know who is signed in, so it watches the answers the window already asks for: the menu's
 * badge polls `deadlines.counts` (for the caller, with their id and today's date). The first answer
 * of a day with late tasks raises one notification; which day each user was told is kept in a small
 * file of the data folder, so a restart the same day stays quiet. No e-mail.
 */

export interface NoticeStore {
  lastShown(userId: string): string | null;
  remember(userId: string, on: string): void;
}

interface CountsValue {
  on: string;
  userId: string;
  counts: { late: number };
  lateTitles: string[];
}

const SHOWN_TITLES = 3;

/** The notification to show for this answer, or null (another method, a refusal, nothing late, already told today). */
export function dailyNoticeFor(method: string, env: Envelope<unknown>, store: NoticeStore): { title: string; body: string } | null {
  if (method !== 'deadlines.counts' || !env.ok) return null;
  const v = env.value as CountsValue;
  if (!v?.userId || !v.counts?.late) return null;
  if (store.lastShown(v.userId) === v.on) return null;
  store.remember(v.userId, v.on);
  const shown = v.lateTitles.slice(0, SHOWN_TITLES);
  const more = v.counts.late - shown.length;
  return {
    title: `Школьный офис: просрочено ${plural(v.counts.late, ['задача', 'задачи', 'задач'])}`,
    body: [...shown, ...(more > 0 ? [`и ещё ${more}`] : [])].join('\n'),
  };
}

/** The days each user was told, in a JSON file; a broken or missing file means «never told». */
export function fileNoticeStore(file: string): NoticeStore {
  const read = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    lastShown: (userId) => read()[userId] ?? null,
    remember(userId, on) {
      try {
        fs.writeFileSync(file, JSON.stringify({ ...read(), [userId]: on }));
      } catch {
        // A read-only data folder only means the notice may come again after a restart.
      }
    },
  };
}
