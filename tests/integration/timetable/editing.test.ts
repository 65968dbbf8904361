import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EditTarget } from '../../../src-shared/contract/timetableEdit';
import type { VersionView } from '../../../src-shared/contract/timetableFields';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { hasTool, pdfText, squash, tempFile } from '../movement/readers';
import { failure, sorted, timetableSchool, waitJob, type TimetableSchool } from './timetableFixture';


/** Slots (day:period) where a teacher teaches, from the view, except one lesson's occurrences. */
function teacherSlots(v: VersionView, staffId: string, exceptLessonIds: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of v.placements) {
    const l = v.lessons.find((x) => x.id === p.lessonId)!;
    if (!l.teacherIds.includes(staffId) || exceptLessonIds.has(l.id)) continue;
    for (let q = 0; q < l.duration; q++) out.set(`${p.day}:${p.period + q}`, l.audiences.map((a) => a.label).join(', '));
  }
  return out;
}

/**
 * Hand editing (issue 16, parts 1–4) on a generated draft of the fixture school: every target of a
 * lesson carries the evaluator's verdict before the drop, and saving a target changes the full
 * evaluation by exactly the announced delta; undo restores exactly; locks, shifts, approved versions
 * and stale versions are refused; repair never moves a locked lesson and its diff is what is saved;
 * two versions compare and print as «Изменения в расписании с …».
 */
describeEachDb('timetable hand editing', (kind) => {
  let t: TestCore;
  let s: TimetableSchool;
  let draftId: string;
  beforeAll(async () => {
    t = await createTestCore(kind);
    s = await timetableSchool(t);
    const started = await t.client.call('timetable.generate.start', { target: 'new', yearId: s.yearId, studyPeriodId: s.periodId, name: 'Для правки', budget: { seconds: 600, seed: 7, maxIterations: 20_000 } });
    draftId = (await waitJob(t, started.jobId)).versionId!;
  });
  afterAll(async () => t?.cleanup());

  it('reports the hard conflict of every target cell before the drop, and the save agrees with the verdict', async () => {
    const v = await t.client.call('timetable.version.get', { versionId: draftId });
    const class5A = s.classes.get('5А')!;
    const rus = s.staff.get('Русакова')!;
    // A single (not parallel, not pinned) lesson of 5А taught by Русакова.
    const lesson = v.lessons.find((l) => l.kind === 'classroom' && !l.parallelKey && l.duration === 1 && l.teacherIds.includes(rus) && l.audiences.some((a) => a.classId === class5A))!;
    expect(lesson).toBeDefined();
    const r = await t.client.call('timetable.edit.targets', { versionId: draftId, lessonId: lesson.id, index: 0 });
    expect(r.refused).toBeNull();
    const cls = v.classes.find((c) => c.id === class5A)!;
    const busy = teacherSlots(v, rus, new Set([lesson.id]));
    const teacher = v.teachers.find((x) => x.id === rus)!;
    let teacherChecked = 0;
    for (const target of r.targets) {
      const k = `${target.day}:${target.period}`;
      if (target.period < cls.firstPeriod || target.period > cls.lastPeriod) {
        // Outside the class's shift: refused, with the reason.
        expect(target.verdict, k).toBe('refused');
        expect(target.reasons.join(' ')).toContain('вне уроков класса 5А');
        continue;
      }
      if (busy.has(k) && target.action === 'move') {
        expect(target.verdict, k).toBe('hard');
        expect(target.reasons, k).toContain(`учитель ${teacher.fullName} занята в ${busy.get(k)}`);
        teacherChecked++;
      }
    }
    expect(teacherChecked).toBeGreaterThan(0);
    // The daily maximum: a day of 5А at its SanPiN maximum and a period after its last lesson.
    const dayCounts = new Map<number, number[]>();
    for (const p of v.placements) {
      const l = v.lessons.find((x) => x.id === p.lessonId)!;
      if (l.kind === 'ministry' || !l.audiences.some((a) => a.classId === class5A)) continue;
      dayCounts.set(p.day, [...(dayCounts.get(p.day) ?? []), p.period]);
    }
    const full = [...dayCounts].find(([d, ps]) => new Set(ps).size >= cls.maxPerDay && d !== v.placements.find((p) => p.lessonId === lesson.id && p.index === 0)!.day);
    if (full) {
      const after = Math.max(...full[1]) + 1;
      const target = r.targets.find((x) => x.day === full[0] && x.period === after);
      if (target && after <= cls.lastPeriod) expect(target.reasons.join(' ')).toContain('превышен дневной максимум 5А по СанПиН');
    }
    // Every kind the evaluator can name is named before the drop; saving a hard target changes the
    // full evaluation by exactly the announced delta.
    const before = await t.client.call('timetable.version.figures', { versionId: draftId });
    const hardTarget = r.targets.find((x) => x.verdict === 'hard' && x.action === 'move')!;
    const saved = await t.client.call('timetable.placements.update', { versionId: draftId, version: r.versionNumber, changes: hardTarget.moves });
    const after = await t.client.call('timetable.version.figures', { versionId: draftId });
    expect(after.hard - before.hard).toBe(hardTarget.hardDelta);
    expect(Math.round((after.soft - before.soft) * 100) / 100).toBeCloseTo(hardTarget.softDelta, 1);

    // Undo: the inverse change restores the placements and the figures exactly.
    const original = v.placements.filter((p) => hardTarget.moves.some((m) => m.lessonId === p.lessonId && m.index === p.index));
    await t.client.call('timetable.placements.update', { versionId: draftId, version: saved.version, changes: original.map((p) => ({ ...p })) });
    const restored = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(sorted(restored.placements)).toEqual(sorted(v.placements));
    const again = await t.client.call('timetable.version.figures', { versionId: draftId });
    expect(again.hard).toBe(before.hard);
    expect(again.soft).toBeCloseTo(before.soft, 6);
  });

  it('offers a swap with the lesson standing in the target cell, and taking a lesson off the grid and back', async () => {
    const v = await t.client.call('timetable.version.get', { versionId: draftId });
    const class5B = s.classes.get('5Б')!;
    const lesson = v.lessons.find((l) => l.kind === 'classroom' && !l.parallelKey && l.duration === 1 && l.audiences.some((a) => a.classId === class5B))!;
    const r = await t.client.call('timetable.edit.targets', { versionId: draftId, lessonId: lesson.id, index: 0 });
    const swap = r.targets.find((x) => x.action === 'swap')!;
    expect(swap.moves).toHaveLength(2);
    expect(swap.moves[1].day).toBe(v.placements.find((p) => p.lessonId === lesson.id && p.index === 0)!.day);
    expect(r.offGrid.verdict).toBe('hard');
    expect(r.offGrid.reasons.join(' ')).toMatch(/урок не поставлен|окно|не с первого урока/);
    const off = await t.client.call('timetable.placements.update', { versionId: draftId, version: r.versionNumber, changes: r.offGrid.moves });
    const unplaced = await t.client.call('timetable.edit.targets', { versionId: draftId, lessonId: lesson.id, index: 0 });
    expect(unplaced.targets.every((x) => x.action !== 'stay')).toBe(true);
    const home = v.placements.find((p) => p.lessonId === lesson.id && p.index === 0)!;
    const back = unplaced.targets.find((x) => x.day === home.day && x.period === home.period)!;
    expect(back.hardDelta).toBeLessThan(0);
    await t.client.call('timetable.placements.update', { versionId: draftId, version: off.version, changes: [{ ...home }] });
    const restored = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(sorted(restored.placements)).toEqual(sorted(v.placements));
  });

  it('refuses moving a locked lesson, a move onto a locked lesson and a stale save (CONFLICT, nothing lost)', async () => {
    let v = await t.client.call('timetable.version.get', { versionId: draftId });
    const class10A = s.classes.get('10А')!;
    const mine = v.lessons.filter((l) => l.kind === 'classroom' && !l.parallelKey && l.duration === 1 && l.audiences.length === 1 && l.audiences[0].classId === class10A);
    const [a, b] = [mine[0], mine[1]];
    const pa = v.placements.find((p) => p.lessonId === a.id && p.index === 0)!;
    const pb = v.placements.find((p) => p.lessonId === b.id && p.index === 0)!;
    const lockedRes = await t.client.call('timetable.placements.lock', { versionId: draftId, version: v.meta.version, items: [{ lessonId: a.id, index: 0 }], locked: true });
    const moveLocked = await failure(t.client.call('timetable.placements.update', { versionId: draftId, version: lockedRes.version, changes: [{ ...pa, day: pb.day, period: pb.period, locked: true }] }));
    expect(moveLocked.message).toContain('закреплён');
    const onto = await failure(t.client.call('timetable.placements.update', { versionId: draftId, version: lockedRes.version, changes: [{ ...pb, day: pa.day, period: pa.period }] }));
    expect(onto.message).toContain('здесь закреплённый урок');
    const targets = await t.client.call('timetable.edit.targets', { versionId: draftId, lessonId: b.id, index: 0 });
    const cell = targets.targets.find((x) => x.day === pa.day && x.period === pa.period)!;
    expect(cell.verdict).toBe('refused');
    expect(cell.reasons.join(' ')).toContain('здесь закреплённый урок');
    const lockedTargets = await t.client.call('timetable.edit.targets', { versionId: draftId, lessonId: a.id, index: 0 });
    expect(lockedTargets.refused).toContain('закреплён');

    // Two завучи: the second save with the version they read gets CONFLICT and nothing changes.
    const first = targets.targets.find((x) => x.verdict !== 'refused' && x.action === 'move')!;
    const ok = await t.client.call('timetable.placements.update', { versionId: draftId, version: lockedRes.version, changes: first.moves });
    const stale = await failure(t.client.call('timetable.placements.update', { versionId: draftId, version: lockedRes.version, changes: [{ ...pb, day: 4, period: 0 }] }));
    expect(stale.code).toBe('CONFLICT');
    v = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(v.meta.version).toBe(ok.version);
    await t.client.call('timetable.placements.update', { versionId: draftId, version: ok.version, changes: [{ ...pb }] });
    v = await t.client.call('timetable.version.get', { versionId: draftId });
    await t.client.call('timetable.placements.lock', { versionId: draftId, version: v.meta.version, items: [{ lessonId: a.id, index: 0 }], locked: false });
  });

  it('repairs around a hand move without touching locked lessons, and the accepted diff is what is saved', async () => {
    let v = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(v.meta.summary.hard).toBe(0);
    // Lock the Monday and Tuesday of 10Б and of 5Б: repair must work around them.
    const lockedClasses = new Set([s.classes.get('10Б')!, s.classes.get('5Б')!]);
    const toLock = v.placements.filter((p) => p.day <= 1 && v.lessons.find((l) => l.id === p.lessonId)!.audiences.some((a) => lockedClasses.has(a.classId)));
    const lockedKeys = new Set(toLock.map((p) => `${p.lessonId}:${p.index}`));
    expect(toLock.length).toBeGreaterThan(10);
    const lk = await t.client.call('timetable.placements.lock', { versionId: draftId, version: v.meta.version, items: toLock.map((p) => ({ lessonId: p.lessonId, index: p.index })), locked: true });
    v = await t.client.call('timetable.version.get', { versionId: draftId });
    // A lesson of 5А or 5Б with a swap (or move) that only puts a teacher in two classes at once: the kind of move «Исправить» is for.
    const teacherOnly = (x: EditTarget) => x.verdict === 'hard' && x.reasons.length > 0 && x.reasons.every((r) => r.startsWith('учитель'));
    const fifth = new Set([s.classes.get('5А')!, s.classes.get('5Б')!]);
    let lesson = v.lessons[0];
    let hard: EditTarget | undefined;
    for (const l of v.lessons.filter((x) => x.kind === 'classroom' && !x.parallelKey && x.duration === 1 && x.audiences.some((a) => fifth.has(a.classId)))) {
      if (toLock.some((p) => p.lessonId === l.id && p.index === 0)) continue;
      const targets = await t.client.call('timetable.edit.targets', { versionId: draftId, lessonId: l.id, index: 0 });
      hard = targets.targets.find((x) => teacherOnly(x) && x.action === 'swap') ?? targets.targets.find((x) => teacherOnly(x));
      if (hard) {
        lesson = l;
        break;
      }
    }
    expect(hard).toBeDefined();
    if (!hard) return;
    const moved = await t.client.call('timetable.placements.update', { versionId: draftId, version: lk.version, changes: hard.moves });
    const broken = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(broken.meta.summary.hard).toBeGreaterThan(0);

    const proposal = await t.client.call('timetable.edit.repair', { versionId: draftId, version: moved.version, lessonId: lesson.id, index: 0 });
    expect(proposal.hardBefore).toBe(broken.meta.summary.hard);
    expect(proposal.hardAfter).toBe(0);
    expect(proposal.changes.length).toBeGreaterThan(0);
    // A tight four-class school with two classes half locked: a handful of lessons move, never the week.
    expect(proposal.changes.length).toBeLessThanOrEqual(20);
    for (const c of proposal.changes) expect(lockedKeys.has(`${c.lessonId}:${c.index}`), c.lesson).toBe(false);
    expect(proposal.changes.some((c) => c.lessonId === lesson.id)).toBe(false);
    expect(proposal.changes[0].fromText).toMatch(/^(Пн|Вт|Ср|Чт|Пт|Сб), \d+ урок/);

    const accepted = await t.client.call('timetable.placements.update', { versionId: draftId, version: moved.version, changes: proposal.moves });
    expect(accepted.summary.hard).toBe(proposal.hardAfter);
    const after = await t.client.call('timetable.version.get', { versionId: draftId });
    const changedKeys = new Set(proposal.changes.map((c) => `${c.lessonId}:${c.index}`));
    for (const c of proposal.changes) {
      const p = after.placements.find((x) => x.lessonId === c.lessonId && x.index === c.index) ?? null;
      expect(p && { day: p.day, period: p.period, roomId: p.roomId }).toEqual(c.to);
    }
    // Nothing else moved: every other placement is as it was before «Исправить».
    const others = (list: typeof after.placements) => sorted(list.filter((p) => !changedKeys.has(`${p.lessonId}:${p.index}`)));
    expect(others(after.placements)).toEqual(others(broken.placements));
    // A draft without violations has nothing to repair.
    const none = await failure(t.client.call('timetable.edit.repair', { versionId: draftId, version: accepted.version, lessonId: lesson.id, index: 0 }));
    expect(none.message).toContain('Нарушений нет');
  });

  it('compares two versions (what moved, for whom) and prints «Изменения в расписании с …»', async () => {
    const copy = await t.client.call('timetable.version.copy', { versionId: draftId, name: 'Правка с 6 октября' });
    const v = await t.client.call('timetable.version.get', { versionId: copy.id });
    // An unlocked lesson of 5Б (the repair test above locked its Monday and Tuesday).
    const free = (id: string) => v.placements.some((p) => p.lessonId === id && p.index === 0 && !p.locked);
    const lesson = v.lessons.find((l) => l.kind === 'classroom' && !l.parallelKey && l.duration === 1 && free(l.id) && l.audiences.some((a) => a.classId === s.classes.get('5Б')))!;
    const targets = await t.client.call('timetable.edit.targets', { versionId: copy.id, lessonId: lesson.id, index: 0 });
    const usable = targets.targets.filter((x) => x.verdict !== 'refused' && x.action !== 'stay');
    const swap = usable.find((x) => x.action === 'swap') ?? usable[0];
    await t.client.call('timetable.placements.update', { versionId: copy.id, version: copy.version, changes: swap.moves });
    const cmp = await t.client.call('timetable.versions.compare', { fromId: draftId, toId: copy.id });
    expect(cmp.changes).toHaveLength(swap.moves.length);
    expect(cmp.changes.every((c) => c.kind === 'moved' && c.classIds.includes(s.classes.get('5Б')!))).toBe(true);
    const subject = v.subjects.find((x) => x.id === lesson.subjectId)!.name;
    const mine = cmp.changes.find((c) => c.subject === subject)!;
    const day = v.days[swap.day].short;
    expect(mine.toText.startsWith(`${day}, `)).toBe(true);
    const same = await failure(t.client.call('timetable.versions.compare', { fromId: draftId, toId: draftId }));
    expect(same.message).toContain('две разные версии');
    if (hasTool('pdftotext')) {
      const file = await t.client.call('timetable.versions.changesSheet', { fromId: draftId, toId: copy.id, from: '2026-10-06', format: 'pdf' });
      const text = squash(pdfText(tempFile('changes.pdf', Buffer.from(file.contentBase64, 'base64')).file));
      expect(text).toContain('Изменения в расписании с 06.10.2026');
      expect(text).toContain('5Б');
      expect(text).toContain(subject);
      expect(text).toContain('перенос');
      expect(file.rows).toBe(swap.moves.length);
    }
  });
  // Last in the file: it makes a teacher unavailable, which no later test expects.
  it('cancels a running «Исправить»: the call ends CANCELLED, the status says «Отменено», nothing is saved', async () => {
    const v = await t.client.call('timetable.version.get', { versionId: draftId });
    const class5A = s.classes.get('5А')!;
    const lesson = v.lessons.find((l) => l.kind === 'classroom' && !l.parallelKey && l.duration === 1 && l.audiences.some((a) => a.classId === class5A) && v.placements.some((p) => p.lessonId === l.id && p.index === 0 && !p.locked))!;
    const at = v.placements.find((p) => p.lessonId === lesson.id && p.index === 0)!;
    // Its teacher away that whole day: the lesson stays where it is (repair keeps it), so no attempt
    // can clear the violation and «Исправить» would run every attempt — a case worth cancelling.
    await t.client.call('timetable.availability.save', { yearId: s.yearId, staffId: lesson.teacherIds[0], version: 0, slots: [{ weekday: at.day + 1, shift: null, from: null, to: null, kind: 'unavailable' }], note: null });
    // (The version's stored summary is from its last save; the repair evaluates with today's availability.)
    const broken = await t.client.call('timetable.version.get', { versionId: draftId });
    const jobId = `repair-cancel-${kind}`;
    const seen: { message?: string; finished?: boolean }[] = [];
    let cancel: Promise<{ cancelled: boolean }> | null = null;
    const stop = t.core.events.subscribe((e) => {
      if (e.type !== 'progress' || e.jobId !== jobId) return;
      seen.push({ message: e.message, finished: e.finished });
      // Pressed as soon as the status bar shows the first attempt.
      cancel ??= t.client.call('timetable.edit.repair.cancel', { jobId });
    });
    try {
      const err = await failure(t.client.call('timetable.edit.repair', { versionId: draftId, version: broken.meta.version, lessonId: lesson.id, index: 0, jobId }));
      expect(err.code).toBe('CANCELLED');
      expect(await cancel).toEqual({ cancelled: true });
    } finally {
      stop();
    }
    expect(seen[0].message).toMatch(/^Попытка 1 из \d+/);
    expect(seen.at(-1)).toEqual({ message: 'Отменено', finished: true });
    expect(seen.filter((e) => e.finished)).toHaveLength(1);
    // Nothing saved: the same version, the same placements.
    const after = await t.client.call('timetable.version.get', { versionId: draftId });
    expect(after.meta.version).toBe(broken.meta.version);
    expect(sorted(after.placements)).toEqual(sorted(broken.placements));
    // A job that is not running (any more) is not cancelled.
    expect(await t.client.call('timetable.edit.repair.cancel', { jobId })).toEqual({ cancelled: false });
  });
});
