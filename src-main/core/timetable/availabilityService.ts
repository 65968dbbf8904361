import type { AvailabilitySlot } from '../../../src-shared/contract/timetableFields';
import { newId } from '../../../src-shared/domain/ids';
import { compareRu, fullName } from '../../../src-shared/domain/names';
import { diffFields } from '../foundation/auditLog';
import type { HandlerContext } from '../foundation/context';
import { findYear, writableYear } from '../schoolSetup/index';
import { notFound, refusal, stale } from '../foundation/refusals';
import { nowIso } from '../foundation/clock';
import { parseWeekLengthByGrade } from '../schoolSetup/index';
import { slotsOf } from './snapshot';
import { availabilityOf, availabilityOfYear, bellShifts, insertAvailability, staffNames, teachersOfYear, updateAvailabilityIf } from './repo/setup';

/**
 * Teachers' time off (методический день, part-time days): hard «never» or soft «rather not» slots
 * by weekday and lessons of a shift. The instance builder turns them into unavailable periods.
 */

export async function listAvailability(ctx: Pick<HandlerContext, 'core'>, yearId: string) {
  const db = ctx.core.db;
  const year = await findYear(db, yearId);
  if (!year) throw notFound('Учебный год');
  const [teachers, rows, bells] = await Promise.all([teachersOfYear(db, yearId), availabilityOfYear(db, yearId), bellShifts(db, yearId)]);
  const byStaff = new Map(rows.map((r) => [r.staffId, r]));
  const shifts = new Map<number, number>();
  for (const b of bells) shifts.set(Number(b.shift), Math.max(shifts.get(Number(b.shift)) ?? 0, Number(b.lessonNumber)));
  const six = Number(year.weekLength) === 6 || Object.values(parseWeekLengthByGrade(year.weekLengthByGrade)).includes(6);
  return {
    teachers: teachers
      .sort((a, b) => compareRu(fullName(a), fullName(b)))
      .map((t) => {
        const row = byStaff.get(t.id);
        return { staffId: t.id, fullName: fullName(t), slots: slotsOf(row?.slots), note: row?.note ?? null, version: row ? Number(row.version) : 0 };
      }),
    shifts: [...shifts].sort((a, b) => a[0] - b[0]).map(([shift, lessons]) => ({ shift, lessons })),
    weekdays: six ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5],
  };
}

const WEEKDAY = ['', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

export function describeSlot(s: AvailabilitySlot): string {
  const when = s.shift === null ? `${WEEKDAY[s.weekday]}, весь день` : `${WEEKDAY[s.weekday]}, ${s.shift} смена, уроки ${s.from}–${s.to}`;
  return s.kind === 'undesired' ? `${when} (по возможности)` : when;
}

export async function saveAvailability(
  ctx: HandlerContext,
  input: { yearId: string; staffId: string; version: number; slots: AvailabilitySlot[]; note: string | null },
) {
  const db = ctx.core.db;
  const at = nowIso();
  const result = await db.transaction().execute(async (trx) => {
    await writableYear(trx, input.yearId);
    const person = (await staffNames(trx, [input.staffId]))[0];
    if (!person) throw notFound('Сотрудник');
    const seen = new Set<string>();
    for (const s of input.slots) {
      const key = JSON.stringify(s);
      if (seen.has(key)) throw refusal(`Недоступность учителя ${fullName(person)}: время «${describeSlot(s)}» указано дважды`);
      seen.add(key);
    }
    const slots = JSON.stringify(input.slots);
    const row = await availabilityOf(trx, input.yearId, input.staffId);
    const before = row ? { slots: slotsOf(row.slots).map(describeSlot), note: row.note } : null;
    let version: number;
    let id: string;
    if (!row) {
      if (input.version !== 0) throw stale(`Недоступность учителя ${fullName(person)}`, 0);
      id = newId();
      await insertAvailability(trx, { id, academicYearId: input.yearId, staffId: input.staffId, slots, note: input.note, updatedAt: at });
      version = 1;
    } else {
      id = row.id;
      if (!(await updateAvailabilityIf(trx, row.id, input.version, { slots, note: input.note, updatedAt: at }))) throw stale(`Недоступность учителя ${fullName(person)}`, Number(row.version));
      version = input.version + 1;
    }
    const changes = diffFields(before, { slots: input.slots.map(describeSlot), note: input.note });
    await ctx.audit.record(trx, { entity: 'teacherAvailability', recordId: id, action: row ? 'update' : 'create', changes: { teacher: fullName(person), ...changes } });
    return { staffId: input.staffId, fullName: fullName(person), slots: input.slots, note: input.note, version };
  });
  return result;
}
