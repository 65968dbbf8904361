import { expect, it } from 'vitest';
import type { AppError } from '../../../src-shared/errors';
import type { VersionView } from '../../../src-shared/contract/timetableFields';
import type { TestCore } from '../../helpers/testDb';
import { hasTool } from '../movement/readers';
import { sheets } from './officeSheets';
import type { TimetableSchool } from './timetableFixture';

async function failure(p: Promise<unknown>): Promise<AppError> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: AppError) => e,
  );
}

/** Monday and Tuesday of a week no other case touches (day indexes 0 and 1 of the grid). */
const MON = '2026-12-07';
const TUE = '2026-12-08';

/**
 * «Кабинет закрыт» (issue 16, part 5) over the approved version the substitutions suite made: a room
 * closed for two days, its lessons listed with free rooms ranked, a room change, a move and the
 * refusals; the sheet, the week marks and the ledger agree; a room change is no missed or
 * substituted hour. Runs inside `substitutions.test.ts` so the timetable is generated once.
 */
export function roomClosureCases(get: () => { t: TestCore; s: TimetableSchool; v: VersionView; kind: string }) {
  const lessonOf = (v: VersionView, id: string) => v.lessons.find((l) => l.id === id)!;
  /** Rooms taken on a day index in a period by the approved timetable. */
  const roomsAt = (v: VersionView, day: number, period: number) =>
    new Set(v.placements.filter((p) => p.day === day && p.roomId && p.period <= period && period < p.period + lessonOf(v, p.lessonId).duration).map((p) => p.roomId!));

  it('closes a room for two days: its lessons listed with free rooms ranked, overlapping closures refused', async () => {
    const { t, s, v } = get();
    const r101 = s.rooms.get('101')!;
    const c = await t.client.call('timetable.subs.closure.create', { roomId: r101, dateFrom: MON, dateTo: TUE, reason: 'repair', note: 'покраска' });
    expect(c).toMatchObject({ roomNumber: '101', dateFrom: MON, dateTo: TUE, reason: 'repair', note: 'покраска', version: 1 });
    const e1 = await failure(t.client.call('timetable.subs.closure.create', { roomId: r101, dateFrom: TUE, dateTo: '2026-12-10', reason: 'inspection', note: null }));
    expect(e1.code).toBe('VALIDATION');
    expect(e1.message).toContain('Кабинет 101: уже закрыт с 07.12.2026 по 08.12.2026');
    const e2 = await failure(t.client.call('timetable.subs.closure.create', { roomId: r101, dateFrom: '2026-12-20', dateTo: '2026-12-14', reason: 'repair', note: null }));
    expect(e2.message).toContain('Кабинет 101: дата «По» 14.12.2026 раньше даты «С» 20.12.2026');
    // A second room closed on Monday only: never offered, never accepted.
    await t.client.call('timetable.subs.closure.create', { roomId: s.rooms.get('105')!, dateFrom: MON, dateTo: MON, reason: 'inspection', note: null });

    const d = await t.client.call('timetable.subs.day', { date: MON });
    expect(d.closures.map((x) => x.roomNumber).sort()).toEqual(['101', '105']);
    const expected = v.placements.filter((p) => p.day === 0 && (p.roomId === r101 || p.roomId === s.rooms.get('105'))).map((p) => `${p.lessonId}:${p.index}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(d.lessons.map((l) => `${l.lessonId}:${l.index}`).sort()).toEqual(expected.sort());
    for (const l of d.lessons) {
      expect(l).toMatchObject({ cause: 'room', roomClosed: true, candidates: [], mergeWith: [] });
      expect(l.absentId).toBe(lessonOf(v, l.lessonId).teacherIds[0]);
      const taken = roomsAt(v, 0, l.period);
      for (const o of l.roomOptions) {
        expect(['101', '105']).not.toContain(o.number);
        expect(taken.has(o.roomId)).toBe(false);
      }
      // Ranked: the closed room's floor and type, the class's home room, fewest walks.
      const key = (o: (typeof l.roomOptions)[number]) => [o.sameFloorType ? 0 : 1, o.homeRoom ? 0 : 1, o.moves];
      for (let i = 1; i < l.roomOptions.length; i++) {
        const [x, y] = [key(l.roomOptions[i - 1]), key(l.roomOptions[i])];
        const k = x.findIndex((n, j) => n !== y[j]);
        if (k >= 0) expect(x[k]).toBeLessThan(y[k]);
      }
    }
    // An ordinary lesson in 101 is offered the free ordinary rooms of the first floor first.
    const plain = d.lessons.find((l) => l.roomNumber === '101' && l.roomOptions.length > 0)!;
    expect(plain.roomOptions[0].sameFloorType).toBe(true);
  });

  it('saves a room change and a move, and refuses a closed, occupied or wrong room and a substitute', async () => {
    const { t, s, v } = get();
    const d = await t.client.call('timetable.subs.day', { date: MON });
    const l = d.lessons.find((x) => x.roomNumber === '101' && x.roomOptions.length > 0)!;
    const base = { date: MON, lessonId: l.lessonId, index: l.index, version: 0 };
    const what = `Замена (07.12.2026, ${l.periodLabel} урок, ${l.classLabel}`;
    const e1 = await failure(t.client.call('timetable.subs.assign', { ...base, kind: 'room', toRoomId: s.rooms.get('105')! }));
    expect(e1.message).toContain(what);
    expect(e1.message).toContain('кабинет 105 в этот день закрыт');
    const busy = [...roomsAt(v, 0, l.period)].find((id) => id !== s.rooms.get('101') && id !== s.rooms.get('105'));
    expect(busy, 'another room is taken in that period').toBeDefined();
    const busyNo = [...s.rooms].find(([, id]) => id === busy)![0];
    const e2 = await failure(t.client.call('timetable.subs.assign', { ...base, kind: 'room', toRoomId: busy! }));
    expect(e2.message).toContain(`кабинет ${busyNo} в этот урок занят`);
    const e3 = await failure(t.client.call('timetable.subs.assign', { ...base, kind: 'substitute', substituteId: s.staff.get('Спортивный')! }));
    expect(e3.message).toContain('на месте, закрыт только кабинет');
    const e4 = await failure(t.client.call('timetable.subs.assign', { ...base, kind: 'room' }));
    expect(e4.message).toContain('не выбран кабинет');
    const best = l.roomOptions[0];
    const saved = await t.client.call('timetable.subs.assign', { ...base, kind: 'room', toRoomId: best.roomId });
    expect(saved).toMatchObject({ kind: 'room', toRoomId: best.roomId, toRoomNumber: best.number, substituteId: null, paid: false, version: 1 });

    // The room taken is no longer offered to another closed lesson of that period, and a room change into it is refused.
    const after = await t.client.call('timetable.subs.day', { date: MON });
    for (const x of after.lessons.filter((y) => y.period === l.period && y !== l && !(y.lessonId === l.lessonId && y.index === l.index))) {
      expect(x.roomOptions.some((o) => o.roomId === best.roomId)).toBe(false);
      const e5 = await failure(t.client.call('timetable.subs.assign', { date: MON, lessonId: x.lessonId, index: x.index, kind: 'room', toRoomId: best.roomId, version: 0 }));
      expect(e5.message).toContain(`кабинет ${best.number} в этот урок занят`);
    }

    // «Перенести»: to a free period of the class, with its own teacher and the best free room there;
    // the solver may leave the class no free period that day, then a move onto its own lesson is refused.
    const m = after.lessons.find((x) => !x.substitution && x.moveTo.some((o) => !o.classBusy && o.candidateId && o.roomId));
    if (m) {
      const o = m.moveTo.find((x) => !x.classBusy && x.candidateId && x.roomId)!;
      expect(o.candidateId).toBe(m.absentId);
      const e6 = await failure(t.client.call('timetable.subs.assign', { date: MON, lessonId: m.lessonId, index: m.index, kind: 'move', toPeriod: o.period, version: 0 }));
      expect(e6.message).toContain('в этот день закрыт — выберите другой кабинет');
      const mv = await t.client.call('timetable.subs.assign', { date: MON, lessonId: m.lessonId, index: m.index, kind: 'move', toPeriod: o.period, toRoomId: o.roomId, version: 0 });
      expect(mv).toMatchObject({ kind: 'move', toPeriod: o.period, substituteId: m.absentId, toRoomId: o.roomId });
    } else {
      const x = after.lessons.find((y) => !y.substitution && y.moveTo.some((o) => o.classBusy))!;
      const o = x.moveTo.find((y) => y.classBusy)!;
      const e6 = await failure(t.client.call('timetable.subs.assign', { date: MON, lessonId: x.lessonId, index: x.index, kind: 'move', toPeriod: o.period, toRoomId: x.roomOptions[0]?.roomId ?? null, version: 0 }));
      expect(e6.message).toContain(`уже стоит ${o.classBusy}`);
    }
    // The rest of Monday's closed lessons are cancelled.
    for (const x of (await t.client.call('timetable.subs.day', { date: MON })).lessons.filter((y) => !y.substitution)) {
      await t.client.call('timetable.subs.assign', { date: MON, lessonId: x.lessonId, index: x.index, kind: 'cancel', version: 0 });
    }
  });

  it('an absent teacher in a closed room needs another room; the ledger counts only the teacher', async () => {
    const { t, s, v } = get();
    const r101 = s.rooms.get('101')!;
    const inRoom = v.placements.find((p) => p.day === 1 && p.roomId === r101)!;
    const teacher = lessonOf(v, inRoom.lessonId).teacherIds[0];
    await t.client.call('timetable.subs.absence.create', { staffId: teacher, dateFrom: TUE, dateTo: TUE, reason: 'sick', document: null });
    const d = await t.client.call('timetable.subs.day', { date: TUE });
    const l = d.lessons.find((x) => x.lessonId === inRoom.lessonId && x.index === inRoom.index)!;
    expect(l).toMatchObject({ cause: 'teacher', roomClosed: true });
    expect(l.candidates.length).toBeGreaterThan(0);
    const base = { date: TUE, lessonId: l.lessonId, index: l.index, kind: 'substitute' as const, substituteId: l.candidates[0].staffId, version: 0 };
    const e = await failure(t.client.call('timetable.subs.assign', base));
    expect(e.message).toContain('кабинет 101 в этот день закрыт — выберите другой кабинет');
    const room = l.roomOptions[0];
    await t.client.call('timetable.subs.assign', { ...base, toRoomId: room.roomId });
    // Tuesday's lessons of 101 that the teacher does not teach: room changes.
    for (const x of d.lessons.filter((y) => y.cause === 'room' && y.roomOptions.length)) {
      await t.client.call('timetable.subs.assign', { date: TUE, lessonId: x.lessonId, index: x.index, kind: 'room', toRoomId: x.roomOptions[0].roomId, version: 0 });
    }
    const tue = await t.client.call('timetable.subs.day', { date: TUE });
    const ownHours = tue.lessons.filter((x) => x.cause === 'teacher').reduce((n, x) => n + x.hours, 0);
    const { rows } = await t.client.call('timetable.subs.ledger', { month: '2026-12' });
    // Only the absent teacher misses hours and only her substitute teaches for others: no room change counts.
    expect(rows.find((r) => r.staffId === teacher)?.missed).toBe(ownHours);
    expect(rows.reduce((n, r) => n + r.missed, 0)).toBe(ownHours);
    expect(rows.reduce((n, r) => n + r.substituted, 0)).toBe(l.hours);
    expect(rows.find((r) => r.staffId === l.candidates[0].staffId)?.substituted).toBe(l.hours);
  });

  it('the week marks and the day sheet say where each lesson went; deleting the closure takes back its decisions', async () => {
    const { t, v, kind } = get();
    const mon = await t.client.call('timetable.subs.day', { date: MON });
    const w = await t.client.call('timetable.subs.week', { versionId: v.meta.id, date: MON });
    for (const l of mon.lessons) {
      const m = w.marks.find((x) => x.date === MON && x.lessonId === l.lessonId && x.index === l.index)!;
      expect(m.cause).toBe('room');
      const sub = l.substitution!;
      if (sub.kind === 'room') expect(m).toMatchObject({ kind: 'room', text: `перенос в кабинет ${sub.toRoomNumber}`, toRoomId: sub.toRoomId });
      if (sub.kind === 'cancel') expect(m.text).toBe('урок снят');
      if (sub.kind === 'move') expect(m.text).toMatch(new RegExp(`^перенос на \\S+ урок, кабинет ${sub.toRoomNumber}$`));
    }
    // The sheet is built from the day read asserted above on both databases: one LibreOffice read-back is enough.
    if (hasTool('soffice') && kind === 'sqlite') {
      const file = await t.client.call('timetable.subs.export', { kind: 'day', date: MON });
      const rows = [...sheets(Buffer.from(file.contentBase64, 'base64')).values()][0];
      const changed = mon.lessons.find((l) => l.substitution?.kind === 'room')!;
      const row = rows.find((r) => r[0] === changed.periodLabel && r[2] === changed.classLabel)!;
      expect(row[4]).toBe(`перенос в кабинет ${changed.substitution!.toRoomNumber}`);
      expect(row[5]).toBe(`${changed.roomNumber} → ${changed.substitution!.toRoomNumber}`);
      expect(row[6]).toContain('кабинет закрыт: ремонт (покраска)');
    }
    const c = mon.closures.find((x) => x.roomNumber === '101')!;
    const tue = await t.client.call('timetable.subs.day', { date: TUE });
    const roomDecisions = [...mon.lessons.filter((l) => l.roomNumber === '101'), ...tue.lessons.filter((l) => l.cause === 'room')].filter((l) => l.substitution).length;
    const r = await t.client.call('timetable.subs.closure.delete', { id: c.id, version: c.version });
    expect(r).toEqual({ deleted: true, substitutions: roomDecisions });
    const audit = await t.core.db.selectFrom('auditLog').select(['action']).where('entity', '=', 'timetableRoomClosure').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'delete']);
    // The absent teacher's substitution (in another room) stays; the 101 lessons of Monday are gone from the list.
    expect((await t.client.call('timetable.subs.day', { date: MON })).lessons.every((l) => l.roomNumber !== '101')).toBe(true);
    const left = (await t.client.call('timetable.subs.day', { date: TUE })).lessons;
    expect(left.every((l) => l.cause === 'teacher' && !l.roomClosed)).toBe(true);
    expect(left.filter((l) => l.substitution?.toRoomId)).toHaveLength(1);
  });
}
