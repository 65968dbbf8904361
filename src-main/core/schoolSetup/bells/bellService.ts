import type { BellScheduleView } from '../../../../src-shared/contract/bells';
import { newId } from '../../../../src-shared/domain/ids';
import { WEEKDAY_DATIVE_PLURAL, checkBellSchedule, type BellLesson } from '../../../../src-shared/domain/schoolSetup/bellSchedule';
import { diffFields } from '../../foundation/auditLog';
import type { HandlerContext } from '../../foundation/context';
import { writableYear } from '../repo/years';
import { nowIso } from '../../foundation/clock';
import { isUniqueViolation } from '../../foundation/dbErrors';
import { expectVersion, notFound, refusal, refusalOf } from '../../foundation/refusals';
import { emitChanged } from '../../foundation/events';
import { deleteBellScheduleRows, findBellSchedule, insertBellSchedule, listBellSchedules, updateBellSchedule, writeBellLessons } from '../repo/bells';

const RECORD = 'Расписание звонков';

type ParsedSchedule = { name: string; shift: 1 | 2; weekdays: number[]; lessons: BellLesson[] };

export async function saveBellSchedule(
  ctx: HandlerContext,
  yearId: string,
  id: string | null,
  input: ParsedSchedule,
  version: number,
): Promise<{ schedule: BellScheduleView; warnings: string[] }> {
  const s: ParsedSchedule = { name: input.name, shift: input.shift, weekdays: input.weekdays, lessons: [...input.lessons].sort((a, b) => a.number - b.number) };
  const check = checkBellSchedule(s.lessons);
  const at = nowIso();
  const savedId = await ctx.core.db
    .transaction()
    .execute(async (trx) => {
      const year = await writableYear(trx, yearId);
      if (check.errors.length) throw refusalOf(`${RECORD} «${s.name}»`, check.errors);
      const others = (await listBellSchedules(trx, yearId)).filter((o) => o.id !== id);
      for (const o of others) {
        if (o.name === s.name) throw refusal(`${RECORD} «${s.name}» уже есть в ${year.name}`);
        if (o.shift !== s.shift) continue;
        const shared = o.weekdays.filter((d) => s.weekdays.includes(d));
        if (shared.length) {
          throw refusal(
            `${RECORD} «${s.name}»: для ${s.shift} смены по ${shared.map((d) => WEEKDAY_DATIVE_PLURAL[d - 1]).join(', ')} уже действует расписание «${o.name}»`,
          );
        }
      }
      const values = { name: s.name, shift: s.shift, weekdays: s.weekdays.join(','), updatedAt: at };
      let scheduleId = id;
      let before: BellScheduleView | undefined;
      if (id === null) {
        if (version !== 0) throw refusal(`${RECORD}: новая запись сохраняется с версией 0`);
        scheduleId = newId();
        await insertBellSchedule(trx, scheduleId, yearId, values);
      } else {
        const row = await findBellSchedule(trx, id);
        if (!row || row.academicYearId !== yearId) throw notFound(RECORD);
        expectVersion(row, version, `${RECORD} «${row.name}»`);
        before = (await listBellSchedules(trx, yearId)).find((o) => o.id === id);
        await updateBellSchedule(trx, id, values, row.version);
      }
      const sid = scheduleId as string;
      await writeBellLessons(trx, sid, s.lessons);
      const plain = (x: ParsedSchedule | BellScheduleView | undefined) =>
        x ? { name: x.name, shift: x.shift, weekdays: x.weekdays, lessons: x.lessons.map((l) => `${l.number}: ${l.start}–${l.end}`) } : null;
      await ctx.audit.record(trx, { recordId: sid, action: id ? 'update' : 'create', changes: diffFields(plain(before), plain(s)) });
      return sid;
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw refusal(`${RECORD} «${s.name}» уже есть в этом учебном году`);
      throw err;
    });
  emitChanged(ctx, 'bellSchedule', savedId);
  const schedule = (await listBellSchedules(ctx.core.db, yearId)).find((o) => o.id === savedId) as BellScheduleView;
  return { schedule, warnings: check.warnings };
}

export async function deleteBellSchedule(ctx: HandlerContext, id: string, version: number): Promise<{ deleted: boolean }> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const row = await findBellSchedule(trx, id);
    if (!row) throw notFound(RECORD);
    await writableYear(trx, row.academicYearId);
    expectVersion(row, version, `${RECORD} «${row.name}»`);
    await deleteBellScheduleRows(trx, id);
    await ctx.audit.record(trx, { recordId: id, action: 'delete', changes: { name: [row.name, null] } });
  });
  emitChanged(ctx, 'bellSchedule', id);
  return { deleted: true };
}
