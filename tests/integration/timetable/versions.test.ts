import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { PushEvent } from '../../../src-shared/events';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { failure, sorted, timetableSchool, waitJob, type TimetableSchool } from './timetableFixture';


/**
 * Storage, generation and approval (issue 15, items 2, 3, 5): generate → save → reload gives the same
 * placements; locks survive regeneration; a stale draft gets CONFLICT; cancel changes nothing; the
 * approved version is read-only and a new draft starts as its copy.
 */
describeEachDb('timetable versions', (kind) => {
  let t: TestCore;
  let s: TimetableSchool;
  let draftId: string;
  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await timetableSchool(t);
  });
  afterAll(async () => t?.cleanup());

  it('generates a new draft in the worker with progress events, and a second core reads the same placements', async () => {
    const events: PushEvent[] = [];
    const off = t.client.on((e) => events.push(e));
    const started = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Вариант 1', budget: { seconds: 600, seed: 7, maxIterations: 20_000 } });
    expect(started.versionId).toBeNull();
    const done = await waitJob(t, started.jobId);
    off();
    expect(done).toMatchObject({ state: 'done', message: 'Расписание составлено и сохранено' });
    draftId = done.versionId!;
    const progress = events.filter((e) => e.type === 'progress' && e.jobId === started.jobId);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ finished: true, message: 'Готово' });
    expect(progress.some((e) => e.type === 'progress' && typeof e.details?.teacherGaps === 'number' && typeof e.details?.placed === 'number')).toBe(true);
    expect(events.some((e) => e.type === 'dataChanged' && e.entity === 'timetable' && e.recordId === draftId)).toBe(true);

    const v = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(v.meta).toMatchObject({ name: 'Вариант 1', status: 'draft', source: 'generated', periodName: 'I полугодие', readOnlyReason: null });
    const units = v.lessons.reduce((n, l) => n + l.count, 0);
    expect(v.placements).toHaveLength(units);
    expect(v.meta.summary).toMatchObject({ valid: true, hard: 0, placed: units, units });
    // The ministry lessons stand where the rules put them.
    const talks = new Set(v.lessons.filter((l) => l.kind === 'ministry').map((l) => l.id));
    for (const p of v.placements.filter((x) => talks.has(x.lessonId))) expect([0, 3]).toContain(p.day);

    const other = await t.reopen();
    try {
      const again = await other.client.call('timetable.version.get', { versionId: draftId });
      expect(sorted(again.placements)).toEqual(sorted(v.placements));
      expect(again.lessons).toEqual(v.lessons);
    } finally {
      await other.cleanup();
    }
    const figures = await t.client.call('timetable.version.figures', { versionId: draftId });
    expect(figures).toMatchObject({ valid: true, hard: 0, violations: [] });
    expect(figures.classes).toHaveLength(4);
    const p5 = figures.classes.find((c) => c.classId === s.classes.get('5А'))!.passport;
    expect(p5.dayLessons.reduce((a, b) => a + b, 0)).toBe(29);
    expect(p5.daysOverMax).toEqual([]);
    expect(p5.daySums).toHaveLength(5);
    expect(figures.teachers.find((x) => x.staffId === s.staff.get('Русакова'))?.lessons).toBe(17);
  });

  it('keeps locked lessons through regeneration and refuses a stale draft', async () => {
    let v = await t.client.call('timetable.version.get', { versionId: draftId });
    // Lock three placed lessons where they stand.
    const first = v.placements.find((p) => v.lessons.find((l) => l.id === p.lessonId)?.kind === 'classroom')!;
    const picks = v.placements.filter((p) => p !== first && v.lessons.find((l) => l.id === p.lessonId)?.kind === 'classroom').slice(0, 2);
    const locked = await t.client.call('timetable.placements.lock', { versionId: draftId, version: v.meta.version, items: [first, ...picks].map((p) => ({ lessonId: p.lessonId, index: p.index })), locked: true });
    expect(locked.changed).toBe(3);
    // A save that read the old version loses nothing: CONFLICT.
    const stale = await failure(t.client.call('timetable.version.update', { versionId: draftId, version: v.meta.version, name: 'Устаревшее' }));
    expect(stale.code).toBe('CONFLICT');
    expect((await failure(t.client.call('timetable.generate.start', { target: 'fill', versionId: draftId, version: v.meta.version, budget: { seconds: 5 } }))).code).toBe('CONFLICT');

    v = await t.client.call('timetable.version.get', { versionId: draftId });
    const before = v.placements.filter((p) => p.locked);
    expect(before).toHaveLength(3);
    const started = await t.client.call('timetable.generate.start', { target: 'fill', versionId: draftId, version: v.meta.version, budget: { seconds: 600, seed: 99, maxIterations: 15_000 } });
    expect(started.versionId).toBe(draftId);
    expect((await waitJob(t, started.jobId)).state).toBe('done');
    const after = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(after.meta.version).toBe(v.meta.version + 1);
    // The iteration cap, not the clock, ends the run (a busy CI machine once hit a 30 s cap and the draft
    // could not be approved later), so the filled draft is complete and valid.
    expect(after.meta.summary).toMatchObject({ valid: true, hard: 0 });
    expect(sorted(after.placements.filter((p) => p.locked))).toEqual(sorted(before));
    expect(after.lessons.map((l) => l.id)).toEqual(v.lessons.map((l) => l.id));
    // Another seed really moved the others.
    expect(after.placements.filter((p) => !p.locked).some((p) => !v.placements.some((q) => q.lessonId === p.lessonId && q.index === p.index && q.day === p.day && q.period === p.period))).toBe(true);
  });

  it('saves nothing when the draft changed while the solver ran, or when the run was cancelled', async () => {
    let v = await t.client.call('timetable.version.get', { versionId: draftId });
    const started = await t.client.call('timetable.generate.start', { target: 'fill', versionId: draftId, version: v.meta.version, budget: { seconds: 6 } });
    await t.client.call('timetable.version.update', { versionId: draftId, version: v.meta.version, name: 'Вариант 1 (правка)' });
    const ended = await waitJob(t, started.jobId);
    expect(ended.state).toBe('conflict');
    expect(ended.message).toContain('Результат не сохранён');
    const kept = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(sorted(kept.placements)).toEqual(sorted(v.placements));
    expect(kept.meta.name).toBe('Вариант 1 (правка)');

    v = kept;
    const rows = await t.core.db.selectFrom('timetableVersion').select('id').execute();
    const again = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Отменённый', budget: { seconds: 60 } });
    const status = await t.client.call('timetable.generate.status', { jobId: again.jobId });
    expect(status.state).toBe('running');
    expect(await t.client.call('timetable.generate.cancel', { jobId: again.jobId })).toEqual({ cancelled: true });
    expect((await t.client.call('timetable.generate.status', { jobId: again.jobId })).state).toBe('cancelled');
    expect(await t.core.db.selectFrom('timetableVersion').select('id').execute()).toHaveLength(rows.length);
    expect(sorted((await t.client.call('timetable.version.get', { versionId: draftId })).placements)).toEqual(sorted(v.placements));
  });

  it('approves a draft from a date; the approved version is read-only; a copy is a new draft; the next approval archives it', async () => {
    const v = await t.client.call('timetable.version.get', { versionId: draftId });
    const { meta, archived } = await t.client.call('timetable.version.approve', { versionId: draftId, version: v.meta.version, effectiveFrom: '2026-09-01' });
    expect(archived).toEqual([]);
    expect(meta).toMatchObject({ status: 'approved', effectiveFrom: '2026-09-01', effectiveTo: null, approvedByName: expect.any(String) });
    expect(meta.readOnlyReason).toContain('утверждена и действует с 01.09.2026');
    expect((await t.client.call('timetable.versions.onDate', { date: '2026-10-01' })).version?.id).toBe(draftId);
    expect((await t.client.call('timetable.versions.onDate', { date: '2026-08-31' })).version).toBeNull();

    const p = v.placements[0];
    const writes: (() => Promise<unknown>)[] = [
      () => t.client.call('timetable.version.update', { versionId: draftId, version: meta.version, name: 'Исправленное' }),
      () => t.client.call('timetable.placements.update', { versionId: draftId, version: meta.version, changes: [{ lessonId: p.lessonId, index: p.index, day: null, period: null, roomId: null, locked: false }] }),
      () => t.client.call('timetable.placements.lock', { versionId: draftId, version: meta.version, items: [{ lessonId: p.lessonId, index: p.index }], locked: true }),
      () => t.client.call('timetable.version.delete', { versionId: draftId, version: meta.version }),
      () => t.client.call('timetable.generate.start', { target: 'fill', versionId: draftId, version: meta.version, budget: { seconds: 5 } }),
      () => t.client.call('timetable.version.approve', { versionId: draftId, version: meta.version, effectiveFrom: '2026-10-01' }),
    ];
    for (const w of writes) {
      const e = await failure(w());
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain('утверждена и действует с 01.09.2026: изменять её нельзя');
    }
    const unchanged = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(sorted(unchanged.placements)).toEqual(sorted(v.placements));

    const copy = await t.client.call('timetable.version.copy', { versionId: draftId });
    expect(copy).toMatchObject({ status: 'draft', basedOnId: draftId, source: 'copy', name: `${meta.name} (копия)`, readOnlyReason: null });
    const c = await t.client.call('timetable.version.get', { versionId: copy.id });
    const key = (x: typeof v, pl: (typeof v.placements)[number]) => `${x.lessons.find((l) => l.id === pl.lessonId)!.key}#${pl.index}@${pl.day}:${pl.period}:${pl.roomId}`;
    expect(c.placements.map((pl) => key(c, pl)).sort()).toEqual(v.placements.map((pl) => key(v, pl)).sort());

    const second = await t.client.call('timetable.version.approve', { versionId: copy.id, version: copy.version, effectiveFrom: '2026-11-02' });
    expect(second.archived).toEqual([{ id: draftId, name: meta.name, effectiveFrom: '2026-09-01', effectiveTo: '2026-11-01' }]);
    expect((await t.client.call('timetable.versions.onDate', { date: '2026-10-15' })).version?.id).toBe(draftId);
    expect((await t.client.call('timetable.versions.onDate', { date: '2026-11-02' })).version?.id).toBe(copy.id);
    const list = await t.client.call('timetable.versions.list', { yearId: s.yearId });
    expect(list.versions.find((x) => x.id === draftId)).toMatchObject({ status: 'archived', effectiveTo: '2026-11-01' });
    const audit = await t.core.db.selectFrom('auditLog').select(['action', 'recordId']).where('entity', '=', 'timetableVersion').execute();
    expect(audit.filter((a) => a.recordId === draftId).map((a) => a.action)).toEqual(expect.arrayContaining(['generated', 'approve', 'archive']));
  });

  it('a second approval from the same date replaces a version that has not begun and is refused, naming it, once it has', async () => {
    const before = await t.client.call('timetable.versions.list', { yearId: s.yearId });
    const inForce = before.versions.find((x) => x.id === before.inForceId && x.status === 'approved') ?? before.versions.find((x) => x.status === 'approved')!;
    expect(inForce.effectiveFrom).toBe('2026-11-02');
    // «Today» is the office computer's date: only Date is faked, so the database drivers keep their timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // 20 October: the version approved for 2 November has not begun, so a corrected copy replaces it whole.
      vi.setSystemTime(new Date('2026-10-20T09:00:00'));
      const fixed = await t.client.call('timetable.version.copy', { versionId: inForce.id });
      const replaced = await t.client.call('timetable.version.approve', { versionId: fixed.id, version: fixed.version, effectiveFrom: '2026-11-02' });
      expect(replaced.archived).toEqual([{ id: inForce.id, name: inForce.name, effectiveFrom: '2026-11-02', effectiveTo: '2026-11-01' }]);
      for (const date of ['2026-11-02', '2026-12-01']) expect((await t.client.call('timetable.versions.onDate', { date })).version?.id).toBe(fixed.id);
      const list = await t.client.call('timetable.versions.list', { yearId: s.yearId });
      expect(list.versions.filter((x) => x.status === 'approved').map((x) => x.id)).toEqual([fixed.id]);
      expect(list.versions.find((x) => x.id === inForce.id)).toMatchObject({ status: 'archived', effectiveFrom: '2026-11-02', effectiveTo: '2026-11-01' });

      // 5 December: the corrected version has been in force since 2 November — that is history now.
      vi.setSystemTime(new Date('2026-12-05T09:00:00'));
      const next = await t.client.call('timetable.version.copy', { versionId: fixed.id });
      for (const effectiveFrom of ['2026-11-02', '2026-10-01']) {
        const e = await failure(t.client.call('timetable.version.approve', { versionId: next.id, version: next.version, effectiveFrom }));
        expect(e.code).toBe('VALIDATION');
        expect(e.message).toBe(
          `Версия «${replaced.meta.name}» действует с 02.11.2026: новое расписание может вступить в силу не раньше 03.11.2026. Дни, когда школа работала по «${replaced.meta.name}», остаются в истории. Ничего не сохранено.`,
        );
      }
      expect((await t.client.call('timetable.version.get', { versionId: next.id })).meta).toMatchObject({ status: 'draft', version: next.version });
      expect((await t.client.call('timetable.version.get', { versionId: fixed.id })).meta).toMatchObject({ status: 'approved', effectiveTo: null });
      const later = await t.client.call('timetable.version.approve', { versionId: next.id, version: next.version, effectiveFrom: '2026-11-03' });
      expect(later.archived).toEqual([{ id: fixed.id, name: replaced.meta.name, effectiveFrom: '2026-11-02', effectiveTo: '2026-11-02' }]);
      expect((await t.client.call('timetable.versions.onDate', { date: '2026-11-02' })).version?.id).toBe(fixed.id);
      expect((await t.client.call('timetable.versions.onDate', { date: '2026-11-03' })).version?.id).toBe(next.id);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a hand placement outside the class’s bells and a lock on an unplaced lesson', async () => {
    const draft = await t.client.call('timetable.version.create', { yearId: s.yearId, studyPeriodId: s.periodId, name: 'Ручной' });
    const v = await t.client.call('timetable.version.get', { versionId: draft.id });
    const l = v.lessons.find((x) => x.kind === 'classroom')!;
    const bad = await failure(t.client.call('timetable.placements.update', { versionId: draft.id, version: draft.version, changes: [{ lessonId: l.id, index: 0, day: 0, period: 9, roomId: null, locked: false }] }));
    expect(bad.message).toContain('в сетке нет такого дня или урока');
    const unplaced = await failure(t.client.call('timetable.placements.lock', { versionId: draft.id, version: draft.version, items: [{ lessonId: l.id, index: 0 }], locked: true }));
    expect(unplaced.message).toContain('не поставлен');
    const ok = await t.client.call('timetable.placements.update', { versionId: draft.id, version: draft.version, changes: [{ lessonId: l.id, index: 0, day: 1, period: 1, roomId: l.roomIds[0], locked: true }] });
    expect(ok.version).toBe(draft.version + 1);
    expect(ok.summary).toMatchObject({ placed: 1, valid: false });
    const after = await t.client.call('timetable.version.get', { versionId: draft.id });
    expect(after.placements).toEqual([{ lessonId: l.id, index: 0, day: 1, period: 1, roomId: l.roomIds[0], locked: true }]);
    const f = await t.client.call('timetable.version.figures', { versionId: draft.id });
    expect(f.violations.find((x) => x.kind === 'unplaced')).toBeDefined();
    expect(f.explanation.length).toBeGreaterThan(0);
    expect((await t.client.call('timetable.version.delete', { versionId: draft.id, version: ok.version })).deleted).toBe(true);
  });
});
