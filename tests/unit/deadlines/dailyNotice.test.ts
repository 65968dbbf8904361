import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyNoticeFor, fileNoticeStore } from '../../../src-main/electron/dailyNotice';

const counts = (userId: string, on: string, late: number, lateTitles: string[]) => ({ ok: true as const, value: { on, userId, counts: { late, today: 0, week: 0, noDate: 0 }, lateTitles } });

describe('the desktop’s daily notice of late deadlines', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-notice-')), 'deadline-notices.json');

  it('shows once a day per user, kept across a restart in the data folder', () => {
    const store = fileNoticeStore(file);
    const titles = ['Расписание занятий — 2026/2027 учебный год', 'Сведения об обучающихся', 'Отчёты за период', 'Учётные записи портала'];
    expect(dailyNoticeFor('deadlines.counts', counts('u1', '2026-12-07', 4, titles), store)).toEqual({
      title: 'Школьный офис: просрочено 4 задачи',
      body: 'Расписание занятий — 2026/2027 учебный год\nСведения об обучающихся\nОтчёты за период\nи ещё 1',
    });
    // The badge polls again: quiet. A restarted shell reads the same file: quiet.
    expect(dailyNoticeFor('deadlines.counts', counts('u1', '2026-12-07', 4, titles), store)).toBeNull();
    expect(dailyNoticeFor('deadlines.counts', counts('u1', '2026-12-07', 5, titles), fileNoticeStore(file))).toBeNull();
    // Another user at the same computer, and the next day.
    expect(dailyNoticeFor('deadlines.counts', counts('u2', '2026-12-07', 1, titles.slice(0, 1)), store)?.title).toBe('Школьный офис: просрочено 1 задача');
    expect(dailyNoticeFor('deadlines.counts', counts('u1', '2026-12-08', 11, titles), store)?.title).toBe('Школьный офис: просрочено 11 задач');
  });

  it('stays quiet for other methods, refusals and days without late tasks', () => {
    const store = fileNoticeStore(path.join(path.dirname(file), 'other.json'));
    expect(dailyNoticeFor('deadlines.home', counts('u1', '2026-12-07', 3, ['x']), store)).toBeNull();
    expect(dailyNoticeFor('deadlines.counts', { ok: false, error: { code: 'FORBIDDEN', message: 'нет права' } }, store)).toBeNull();
    expect(dailyNoticeFor('deadlines.counts', counts('u1', '2026-12-07', 0, []), store)).toBeNull();
    // Nothing late today did not use up the day: a late task later that day is still told.
    expect(dailyNoticeFor('deadlines.counts', counts('u1', '2026-12-07', 1, ['x']), store)).not.toBeNull();
  });

  it('treats a broken file as never told', () => {
    const broken = path.join(path.dirname(file), 'broken.json');
    fs.writeFileSync(broken, '{not json');
    expect(dailyNoticeFor('deadlines.counts', counts('u1', '2026-12-07', 2, ['a', 'b']), fileNoticeStore(broken))?.body).toBe('a\nb');
    expect(JSON.parse(fs.readFileSync(broken, 'utf8'))).toEqual({ u1: '2026-12-07' });
  });
});
