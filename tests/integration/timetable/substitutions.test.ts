import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppError } from '../../../src-shared/errors';
import type { SubsDay } from '../../../src-shared/contract/timetableSubs';
import type { VersionView } from '../../../src-shared/contract/timetableFields';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { hasTool } from '../movement/readers';
import { sheets } from './officeSheets';
import { roomClosureCases } from './roomClosureCases';
import { timetableSchool, waitJob, type TimetableSchool } from './timetableFixture';

async function failure(p: Promise<unknown>): Promise<AppError> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: AppError) => e,
  );
}

const MON = '2026-09-07';
const TUE = '2026-09-08';

/**
 * Substitutions on an approved timetable (issue 16 parts 5–6): a teacher ill for two days, the lessons
 * it affects read from the version in force, candidates free and ranked, the decisions as dated
 * records (refused for an absent or busy substitute), and the month's ledger equal to the records —
 * its Excel read back by LibreOffice.
 */
describeEachDb('timetable substitutions', (kind) => {
  let t: TestCore;
  let s: TimetableSchool;
  let v: VersionView;
  let ill: string;
  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await timetableSchool(t);
    const started = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Основное', budget: { seconds: 600, seed: 7, maxIterations: 20_000 } });
    const done = await waitJob(t, started.jobId);
    v = await t.client.call('timetable.version.get', { versionId: done.versionId! });
    await t.client.call('timetable.version.approve', { versionId: v.meta.id, version: v.meta.version, effectiveFrom: '2026-09-01' });
    ill = s.staff.get('Матвеева')!;
  });
  afterAll(async () => t?.cleanup());

  /** Placements of a teacher on a day index of the approved version. */
  const own = (staffId: string, day: number) =>
    v.placements.filter((p) => p.day === day && v.lessons.find((l) => l.id === p.lessonId)!.teacherIds.includes(staffId));
  /** Whether a teacher has an own lesson spanning the period (double lessons too). */
  const busyAt = (staffId: string, day: number, period: number) =>
    own(staffId, day).some((p) => p.period <= period && period < p.period + v.lessons.find((l) => l.id === p.lessonId)!.duration);

  it('lists every lesson of the absent teacher on the date with free, ranked candidates', async () => {
    const a = await t.client.call('timetable.subs.absence.create', { staffId: ill, dateFrom: MON, dateTo: TUE, reason: 'sick', document: 'ЛН 123' });
    expect(a).toMatchObject({ name: 'Матвеева О. И.', dateFrom: MON, dateTo: TUE, reason: 'sick' });
    for (const [date, dayIdx] of [[MON, 0], [TUE, 1]] as const) {
      const d = await t.client.call('timetable.subs.day', { date });
      expect(d.versionId).toBe(v.meta.id);
      const expected = own(ill, dayIdx).map((p) => `${p.lessonId}:${p.index}`).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(d.lessons.map((l) => `${l.lessonId}:${l.index}`).sort()).toEqual(expected);
      for (const l of d.lessons) {
        expect(l.absentName).toBe('Матвеева О. И.');
        expect(l.candidates.length).toBeGreaterThan(0);
        for (const c of l.candidates) {
          expect(c.staffId).not.toBe(ill);
          // Free: no own lesson of the candidate in that period.
          expect(busyAt(c.staffId, dayIdx, l.period)).toBe(false);
        }
        // Ranked: qualified first, then fewest hours this month, in the building, same class.
        const key = (c: (typeof l.candidates)[number]) => [c.qualified ? 0 : 1, c.monthHours, c.inBuilding ? 0 : 1, c.sameClass ? 0 : 1];
        for (let i = 1; i < l.candidates.length; i++) {
          const [x, y] = [key(l.candidates[i - 1]), key(l.candidates[i])];
          const cmp = x.findIndex((n, j) => n !== y[j]);
          if (cmp >= 0) expect(x[cmp]).toBeLessThan(y[cmp]);
        }
        // Every teacher free that period and not absent is offered.
        const free = v.teachers.filter((x) => x.id !== ill && !Array.from({ length: l.hours }, (_, q) => l.period + q).some((q) => busyAt(x.id, dayIdx, q)));
        expect(l.candidates.length).toBe(free.length);
      }
    }
  });

  let monday: SubsDay;
  it('records the first candidate for each lesson, and refuses an absent or busy substitute', async () => {
    for (const date of [MON, TUE]) {
      const d = await t.client.call('timetable.subs.day', { date });
      for (const l of d.lessons) {
        const fresh = (await t.client.call('timetable.subs.day', { date })).lessons.find((x) => x.lessonId === l.lessonId && x.index === l.index)!;
        const r = await t.client.call('timetable.subs.assign', { date, lessonId: l.lessonId, index: l.index, kind: 'substitute', substituteId: fresh.candidates[0].staffId, version: 0 });
        expect(r).toMatchObject({ kind: 'substitute', substituteId: fresh.candidates[0].staffId, paid: true, version: 1 });
      }
    }
    monday = await t.client.call('timetable.subs.day', { date: MON });
    expect(monday.lessons.every((l) => l.substitution?.kind === 'substitute')).toBe(true);
    // A substitute is never busy twice in one period.
    const taken = monday.lessons.map((l) => `${l.substitution!.substituteId}:${l.period}`);
    expect(new Set(taken).size).toBe(taken.length);

    const first = monday.lessons[0];
    // The absent teacher herself.
    const e1 = await failure(t.client.call('timetable.subs.assign', { date: MON, lessonId: first.lessonId, index: first.index, kind: 'substitute', substituteId: ill, version: first.substitution!.version }));
    expect(e1.code).toBe('VALIDATION');
    expect(e1.message).toContain('Матвеева О. И. в этот день отсутствует');
    // A teacher with their own lesson in that period.
    const busy = v.teachers.find((x) => x.id !== ill && busyAt(x.id, 0, first.period))!;
    const e2 = await failure(t.client.call('timetable.subs.assign', { date: MON, lessonId: first.lessonId, index: first.index, kind: 'substitute', substituteId: busy.id, version: first.substitution!.version }));
    expect(e2.message).toContain('в этот урок уже занята');
    // A stale decision.
    const e3 = await failure(t.client.call('timetable.subs.assign', { date: MON, lessonId: first.lessonId, index: first.index, kind: 'cancel', version: 0 }));
    expect(e3.code).toBe('CONFLICT');
    const again = await t.client.call('timetable.subs.day', { date: MON });
    expect(again.lessons.map((l) => l.substitution)).toEqual(monday.lessons.map((l) => l.substitution));
  });

  it('refuses the same substitute twice in one period when two teachers are absent', async () => {
    const other = s.staff.get('Русакова')!;
    const date = '2026-09-09';
    await t.client.call('timetable.subs.absence.create', { staffId: ill, dateFrom: date, dateTo: date, reason: 'course', document: null });
    await t.client.call('timetable.subs.absence.create', { staffId: other, dateFrom: date, dateTo: date, reason: 'trip', document: null });
    const d = await t.client.call('timetable.subs.day', { date });
    const pair = d.lessons.flatMap((a) => d.lessons.filter((b) => b.absentId !== a.absentId && b.period === a.period && a.absentId === ill).map((b) => [a, b] as const))[0];
    expect(pair, 'both absent teachers have a lesson in one period').toBeDefined();
    const [a, b] = pair;
    const both = a.candidates.find((c) => b.candidates.some((x) => x.staffId === c.staffId))!;
    await t.client.call('timetable.subs.assign', { date, lessonId: a.lessonId, index: a.index, kind: 'substitute', substituteId: both.staffId, version: 0 });
    const e = await failure(t.client.call('timetable.subs.assign', { date, lessonId: b.lessonId, index: b.index, kind: 'substitute', substituteId: both.staffId, version: 0 }));
    expect(e.message).toContain('в этот урок уже занята');
    const after = await t.client.call('timetable.subs.day', { date });
    expect(after.lessons.find((l) => l.lessonId === b.lessonId && l.index === b.index)!.substitution).toBeNull();
    // The rest of that day is cancelled: missed hours, nobody substitutes.
    for (const l of after.lessons.filter((x) => !x.substitution)) await t.client.call('timetable.subs.assign', { date, lessonId: l.lessonId, index: l.index, kind: 'cancel', version: 0 });
  });

  it('sums the month: substituted hours equal the records, missed hours equal the affected lessons', async () => {
    const { rows } = await t.client.call('timetable.subs.ledger', { month: '2026-09' });
    const days = await Promise.all([MON, TUE, '2026-09-09'].map((date) => t.client.call('timetable.subs.day', { date })));
    const taught = new Map<string, number>();
    const missed = new Map<string, number>();
    for (const d of days) {
      for (const l of d.lessons) {
        missed.set(l.absentId, (missed.get(l.absentId) ?? 0) + l.hours);
        const by = l.substitution?.substituteId;
        if (by) taught.set(by, (taught.get(by) ?? 0) + l.hours);
      }
    }
    for (const [id, h] of taught) expect(rows.find((r) => r.staffId === id)).toMatchObject({ substituted: h, paid: h, unpaid: 0 });
    for (const [id, h] of missed) expect(rows.find((r) => r.staffId === id)?.missed).toBe(h);
    expect(rows.reduce((n, r) => n + r.substituted, 0)).toBe([...taught.values()].reduce((n, h) => n + h, 0));
    const october = await t.client.call('timetable.subs.ledger', { month: '2026-10' });
    expect(october.rows).toEqual([]);
  });

  it('lays the week of a date over the version: every affected lesson marked with its decision', async () => {
    const w = await t.client.call('timetable.subs.week', { versionId: v.meta.id, date: TUE });
    expect([w.from, w.to]).toEqual(['2026-09-07', '2026-09-13']);
    const days = await Promise.all([MON, TUE, '2026-09-09'].map((date) => t.client.call('timetable.subs.day', { date })));
    const expected = days.flatMap((d) =>
      d.lessons.map((l) => {
        const sub = l.substitution;
        const text = !sub ? `${l.absentName} отсутствует, замена не назначена` : sub.kind === 'cancel' ? 'урок снят' : `замена: ${sub.substituteName}`;
        return { lessonId: l.lessonId, index: l.index, date: d.date, kind: sub?.kind ?? 'none', text };
      }),
    );
    const got = w.marks.map((m) => ({ lessonId: m.lessonId, index: m.index, date: m.date, kind: m.kind, text: m.text }));
    const order = (a: { date: string; lessonId: string; index: number }, b: typeof a) => a.date.localeCompare(b.date) || a.lessonId.localeCompare(b.lessonId) || a.index - b.index;
    expect(got.sort(order)).toEqual(expected.sort(order));
    // Each mark sits on the lesson's own day of the grid.
    for (const m of w.marks) expect(v.placements.find((p) => p.lessonId === m.lessonId && p.index === m.index)!.day).toBe(m.day);
    // Another week without absences has no marks.
    expect((await t.client.call('timetable.subs.week', { versionId: v.meta.id, date: '2026-09-23' })).marks).toEqual([]);
  });

  it.skipIf(!hasTool('soffice'))('writes the day sheet and the ledger to Excel (read back by LibreOffice)', async () => {
    const day = await t.client.call('timetable.subs.export', { kind: 'day', date: MON });
    expect(day.fileName).toBe('Замены 07.09.2026.xlsx');
    const ds = [...sheets(Buffer.from(day.contentBase64, 'base64')).values()][0];
    expect(ds[0][0]).toContain('Замены уроков на 07.09.2026');
    for (const l of monday.lessons) {
      const row = ds.find((r) => r[0] === l.periodLabel && r[2] === l.classLabel)!;
      expect(row[3]).toBe(`${l.subjectName}, Матвеева О. И.`);
      expect(row[4]).toBe(l.substitution!.substituteName);
      expect(row[6]).toContain('больничный');
    }
    const { rows } = await t.client.call('timetable.subs.ledger', { month: '2026-09' });
    const led = await t.client.call('timetable.subs.export', { kind: 'ledger', month: '2026-09' });
    const book = sheets(Buffer.from(led.contentBase64, 'base64'));
    const totals = book.get('Итоги')!;
    for (const r of rows) expect(totals.find((x) => x[0] === r.name)!.slice(1, 5).map(Number)).toEqual([r.substituted, r.paid, r.unpaid, r.missed]);
    expect(Number(totals.find((x) => x[0] === 'Итого')![4])).toBe(rows.reduce((n, r) => n + r.missed, 0));
    const journal = book.get('Журнал')!.filter((x) => /^\d\d\.\d\d\.\d{4}$/.test(x[0]));
    const all = (await Promise.all([MON, TUE, '2026-09-09'].map((date) => t.client.call('timetable.subs.day', { date })))).flatMap((d) => d.lessons.filter((l) => l.substitution));
    expect(journal).toHaveLength(all.length);
  });

  it('keeps the approved timetable untouched, audits the records, and deleting an absence takes its substitutions', async () => {
    const after = await t.client.call('timetable.version.get', { versionId: v.meta.id });
    expect(after.placements).toEqual(v.placements);
    const audit = await t.core.db.selectFrom('auditLog').select(['entity', 'action']).where('entity', 'in', ['timetableAbsence', 'timetableSubstitution']).execute();
    expect(audit.filter((a) => a.entity === 'timetableSubstitution' && a.action === 'create').length).toBeGreaterThanOrEqual(monday.lessons.length);
    const tue = await t.client.call('timetable.subs.day', { date: TUE });
    const abs = tue.absences.find((a) => a.staffId === ill)!;
    const r = await t.client.call('timetable.subs.absence.delete', { id: abs.id, version: abs.version });
    expect(r).toEqual({ deleted: true, substitutions: monday.lessons.length + tue.lessons.length });
    expect((await t.client.call('timetable.subs.day', { date: TUE })).lessons).toEqual([]);
  });

  it('leaves the autumn holidays and a federal day off out of missed hours', async () => {
    // Осенние каникулы 24.10–01.11.2026 for every grade; 04.11.2026 (Wednesday) is a federal holiday.
    await t.client.call('calendar.entries.save', { yearId: s.yearId, id: null, version: 0, entry: { kind: 'holiday', name: 'Осенние каникулы', startDate: '2026-10-24', endDate: '2026-11-01' } });
    const teacher = s.staff.get('Русакова')!;
    await t.client.call('timetable.subs.absence.create', { staffId: teacher, dateFrom: '2026-10-19', dateTo: '2026-11-06', reason: 'sick', document: null });
    const hoursOn = (day: number) => own(teacher, day).reduce((n, p) => n + v.lessons.find((l) => l.id === p.lessonId)!.duration, 0);
    const week = [0, 1, 2, 3, 4].reduce((n, d) => n + hoursOn(d), 0);
    expect(hoursOn(2)).toBeGreaterThan(0);
    // On a holiday nothing is affected and the screen offers nothing to substitute.
    expect((await t.client.call('timetable.subs.day', { date: '2026-10-27' })).lessons).toEqual([]);
    expect((await t.client.call('timetable.subs.day', { date: '2026-11-04' })).lessons).toEqual([]);
    expect((await t.client.call('timetable.subs.day', { date: '2026-11-03' })).lessons.length).toBe(own(teacher, 1).length);
    // October: the week of 19–23 only (26–30 are holidays); November: 2–6 without Wednesday the 4th.
    const oct = await t.client.call('timetable.subs.ledger', { month: '2026-10' });
    expect(oct.rows.find((r) => r.staffId === teacher)?.missed).toBe(week);
    const nov = await t.client.call('timetable.subs.ledger', { month: '2026-11' });
    expect(nov.rows.find((r) => r.staffId === teacher)?.missed).toBe(week - hoursOn(2));
  });

  it('refuses bad absences: dates backwards, outside the year, overlapping', async () => {
    const e1 = await failure(t.client.call('timetable.subs.absence.create', { staffId: ill, dateFrom: '2026-09-20', dateTo: '2026-09-14', reason: 'sick', document: null }));
    expect(e1.message).toContain('дата «По» 14.09.2026 раньше даты «С» 20.09.2026');
    const e2 = await failure(t.client.call('timetable.subs.absence.create', { staffId: ill, dateFrom: '2026-05-20', dateTo: '2026-09-14', reason: 'sick', document: null }));
    expect(e2.message).toContain('в одном учебном году');
    const e3 = await failure(t.client.call('timetable.subs.absence.create', { staffId: ill, dateFrom: '2026-09-08', dateTo: '2026-09-10', reason: 'sick', document: null }));
    expect(e3.message).toContain('уже отмечено с 09.09.2026 по 09.09.2026');
    const e4 = await failure(t.client.call('timetable.subs.absence.create', { staffId: ill, dateFrom: '2026-02-30', dateTo: '2026-09-10', reason: 'sick', document: null }));
    expect(e4.code).toBe('VALIDATION');
  });

  it('merges the groups with the teacher of the other group and moves a lesson within the day, refusing what cannot be', async () => {
    const eng = s.staff.get('Англичанова')!;
    const partner = s.staff.get('Инглишева')!;
    await t.client.call('timetable.subs.absence.create', { staffId: eng, dateFrom: '2026-09-14', dateTo: '2026-09-18', reason: 'course', document: null });
    const week = await Promise.all([14, 15, 16, 17, 18].map((d) => t.client.call('timetable.subs.day', { date: `2026-09-${d}` })));
    const lessons = week.flatMap((d, dayIdx) => d.lessons.map((l) => ({ l, date: d.date, dayIdx })));
    const dmyOf = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

    const m = lessons.find((x) => x.l.mergeWith.some((w) => w.staffId === partner))!;
    expect(m, 'an English group lesson taught in parallel with the other group').toBeDefined();
    // Nobody else teaches another group of the class in that period.
    const e1 = await failure(t.client.call('timetable.subs.assign', { date: m.date, lessonId: m.l.lessonId, index: m.l.index, kind: 'merge', substituteId: s.staff.get('Русакова')!, version: 0 }));
    expect(e1.message).toContain(`Замена (${dmyOf(m.date)}, ${m.l.periodLabel} урок, ${m.l.classLabel}`);
    expect(e1.message).toContain('Русакова А. П. не ведёт в этот урок другую группу того же класса');
    const merged = await t.client.call('timetable.subs.assign', { date: m.date, lessonId: m.l.lessonId, index: m.l.index, kind: 'merge', substituteId: partner, paid: false, version: 0 });
    expect(merged).toMatchObject({ kind: 'merge', substituteId: partner, paid: false, version: 1 });

    // «Перенести»: onto the class's own lesson is refused naming it; outside the shift too; a free period with its candidate is saved.
    const x = lessons.find((y) => y.l.moveTo.some((o) => !o.classBusy && o.candidateId) && y.l.moveTo.some((o) => o.classBusy) && y !== m)!;
    expect(x, 'a lesson whose class has a free period that day').toBeDefined();
    const what = `Замена (${dmyOf(x.date)}, ${x.l.periodLabel} урок, ${x.l.classLabel}`;
    const onBusy = x.l.moveTo.find((o) => o.classBusy)!;
    const e2 = await failure(t.client.call('timetable.subs.assign', { date: x.date, lessonId: x.l.lessonId, index: x.l.index, kind: 'move', toPeriod: onBusy.period, substituteId: null, version: 0 }));
    expect(e2.message).toContain(what);
    expect(e2.message).toContain(`на ${onBusy.label} уроке уже стоит ${onBusy.classBusy}`);
    const cls = v.classes.find((c) => c.id === x.l.classIds[0])!;
    const e3 = await failure(t.client.call('timetable.subs.assign', { date: x.date, lessonId: x.l.lessonId, index: x.l.index, kind: 'move', toPeriod: cls.lastPeriod + 1, substituteId: null, version: 0 }));
    expect(e3.message).toContain(`урок вне уроков класса ${cls.name}`);
    const free = x.l.moveTo.find((o) => !o.classBusy && o.candidateId)!;
    // The absence covers the whole day: a move nobody would teach is refused (the screen offers no such period).
    const e4 = await failure(t.client.call('timetable.subs.assign', { date: x.date, lessonId: x.l.lessonId, index: x.l.index, kind: 'move', toPeriod: free.period, substituteId: null, version: 0 }));
    expect(e4.message).toContain(what);
    expect(e4.message).toContain('не выбран учитель, который проведёт перенесённый урок (Англичанова');
    expect(busyAt(free.candidateId!, x.dayIdx, free.period)).toBe(false);
    const moved = await t.client.call('timetable.subs.assign', { date: x.date, lessonId: x.l.lessonId, index: x.l.index, kind: 'move', toPeriod: free.period, substituteId: free.candidateId, version: 0 });
    expect(moved).toMatchObject({ kind: 'move', toPeriod: free.period, substituteId: free.candidateId, version: 1 });
    const after = await t.client.call('timetable.subs.day', { date: x.date });
    expect(after.lessons.find((y) => y.lessonId === x.l.lessonId && y.index === x.l.index)!.substitution).toMatchObject({ kind: 'move', toPeriod: free.period });
    // The teacher who took the moved lesson is busy in that period now for any other lesson of the day.
    for (const y of after.lessons.filter((z) => z.period === free.period)) expect(y.candidates.some((c) => c.staffId === free.candidateId)).toBe(false);
    // Nothing refused was written: one merge and one move.
    const decided = (await Promise.all([14, 15, 16, 17, 18].map((d) => t.client.call('timetable.subs.day', { date: `2026-09-${d}` })))).flatMap((d) => d.lessons.filter((l) => l.substitution).map((l) => l.substitution!.kind));
    expect(decided.sort()).toEqual(['merge', 'move']);
  });

  roomClosureCases(() => ({ t, s, v, kind }));
});
