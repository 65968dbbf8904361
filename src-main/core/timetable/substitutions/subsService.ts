import { ABSENCE_REASON_LABEL, SUB_KIND_LABEL, type AbsenceOut } from '../../../../src-shared/contract/timetableSubs';
import { shortName } from '../../../../src-shared/domain/names';
import { newId } from '../../../../src-shared/domain/ids';
import type { HandlerContext } from '../../foundation/context';
import { nowIso } from '../../foundation/clock';
import { notFound, refusal, refusalOf, stale } from '../../foundation/refusals';
import { busyOf, loadDay, periodsOf } from './dayModel';
import { absenceOut, namesOf, substitutionOut } from './dayView';
import { classLessonAt, lessonLabel, mergePartners } from './options';
import { formatRuDate as dmy } from '../../../../src-shared/domain/ruDate';
import { yearOfRange } from './dateRange';
import { loadRoomContext, rankInput, roomBusyOf, roomRefusal } from './roomOptions';
import {
  absencesOfStaff,
  deleteAbsenceIf,
  deleteSubstitutionIf,
  findAbsence,
  findSubstitution,
  insertAbsence,
  insertSubstitution,
  staffById,
  substitutionOf,
} from './repo/subs';

/**
 * Writes of substitutions: absences and the decision for each affected lesson, each in one
 * transaction with its audit row. The approved timetable is never touched.
 */

export async function createAbsence(ctx: HandlerContext, input: { staffId: string; dateFrom: string; dateTo: string; reason: AbsenceOut['reason']; document: string | null }): Promise<AbsenceOut> {
  const db = ctx.core.db;
  return db.transaction().execute(async (trx) => {
    const staff = await staffById(trx, input.staffId);
    if (!staff) throw notFound('Сотрудник');
    const who = shortName(staff);
    const y1 = await yearOfRange(trx, `Отсутствие ${who}`, input.dateFrom, input.dateTo);
    const overlap = await absencesOfStaff(trx, input.staffId, input.dateFrom, input.dateTo);
    if (overlap.length) throw refusal(`Отсутствие ${who}: уже отмечено с ${dmy(overlap[0].dateFrom)} по ${dmy(overlap[0].dateTo)} — измените или удалите его`);
    const at = nowIso();
    const row = { id: newId(), academicYearId: y1.id, staffId: input.staffId, dateFrom: input.dateFrom, dateTo: input.dateTo, reason: input.reason, document: input.document, createdAt: at, createdBy: ctx.caller.user?.name ?? null, updatedAt: at, version: 1 };
    await insertAbsence(trx, row);
    await ctx.audit.record(trx, {
      entity: 'timetableAbsence',
      recordId: row.id,
      action: 'create',
      changes: { teacher: [null, who], dates: [null, `${dmy(input.dateFrom)} – ${dmy(input.dateTo)}`], reason: [null, ABSENCE_REASON_LABEL[input.reason]], document: [null, input.document] },
    });
    return absenceOut(row, new Map([[staff.id, who]]));
  });
}

export async function deleteAbsence(ctx: HandlerContext, input: { id: string; version: number }) {
  return ctx.core.db.transaction().execute(async (trx) => {
    const row = await findAbsence(trx, input.id);
    if (!row) throw notFound('Отсутствие учителя');
    const r = await deleteAbsenceIf(trx, input.id, input.version);
    if (!r.deleted) throw stale('Отсутствие учителя', Number(row.version));
    const names = await namesOf(trx, [row.staffId]);
    await ctx.audit.record(trx, {
      entity: 'timetableAbsence',
      recordId: row.id,
      action: 'delete',
      changes: { teacher: [names.get(row.staffId) ?? row.staffId, null], dates: [`${dmy(row.dateFrom)} – ${dmy(row.dateTo)}`, null], substitutions: [r.substitutions, 0] },
    });
    return r;
  });
}

type AssignInput = {
  date: string;
  lessonId: string;
  index: number;
  kind: 'substitute' | 'merge' | 'move' | 'cancel' | 'room';
  substituteId: string | null;
  toPeriod: number | null;
  toRoomId: string | null;
  paid: boolean;
  note: string | null;
  version: number;
};

export async function assignSubstitution(ctx: HandlerContext, input: AssignInput) {
  return ctx.core.db.transaction().execute(async (trx) => {
    const day = await loadDay(trx, input.date);
    const v = day.version;
    if (!v) throw refusal(`Замена на ${dmy(input.date)}: на эту дату нет утверждённого расписания`);
    const a = day.affected.find((x) => x.lesson.id === input.lessonId && x.placement.index === input.index);
    if (!a) throw refusal(`Замена на ${dmy(input.date)}: этот урок в тот день не ведёт отсутствующий учитель и его кабинет не закрыт — замена не нужна`);
    const existing = await substitutionOf(trx, input.date, input.lessonId, input.index);
    if ((existing ? Number(existing.version) : 0) !== input.version) throw stale('Замена урока', existing ? Number(existing.version) : 0);
    // A closed room's lesson keeps its teacher: a move is taught by her, at the new period.
    const own = a.cause === 'room';
    const substituteId = own && input.kind === 'move' && !input.substituteId ? a.absentId : input.substituteId;
    const names = await namesOf(trx, [a.absentId, ...(substituteId ? [substituteId] : [])]);
    const subject = v.labels.subjects.find((s) => s.id === a.lesson.subjectId)?.name ?? 'урок';
    const what = `${dmy(input.date)}, ${lessonLabel(v, a.lesson.audiences[0]?.classId, a.placement.period)} урок, ${a.lesson.audiences.map((x) => x.label).join(', ')}, ${subject}`;
    const problems: string[] = [];
    const needsTeacher = input.kind === 'substitute' || input.kind === 'merge';
    if (own && needsTeacher) problems.push(`${names.get(a.absentId) ?? 'учитель урока'} на месте, закрыт только кабинет — выберите другой кабинет, перенос или снятие урока`);
    else if (needsTeacher && !input.substituteId) problems.push('не выбран заменяющий учитель');
    if (own && input.kind === 'move' && substituteId !== a.absentId) problems.push('перенесённый урок закрытого кабинета ведёт свой учитель');
    if (input.kind === 'room' && !own) problems.push(`${names.get(a.absentId) ?? 'учитель урока'} отсутствует — нужен заменяющий учитель, а не другой кабинет`);
    if (input.kind === 'room' && input.substituteId) problems.push('при переносе в другой кабинет урок ведёт свой учитель');
    if (input.kind === 'room' && !input.toRoomId) problems.push('не выбран кабинет, в который переносится урок');
    if ((input.kind === 'cancel' || input.kind === 'merge') && input.toRoomId) problems.push('кабинет указывают только для замены, переноса или переноса в другой кабинет');
    const roomNo = (id: string | null) => (id ? (v.labels.rooms.find((r) => r.id === id)?.number ?? id) : '');
    if (a.closure && (input.kind === 'substitute' || input.kind === 'move') && !input.toRoomId) problems.push(`кабинет ${roomNo(a.placement.roomId)} в этот день закрыт — выберите другой кабинет`);
    if (input.kind === 'cancel' && input.substituteId) problems.push('у снятого урока не бывает заменяющего учителя');
    if (input.kind === 'move' && input.toPeriod === null) problems.push('не указан урок, на который переносится занятие');
    if (input.kind !== 'move' && input.toPeriod !== null) problems.push('урок для переноса указывают только при переносе');
    const start = input.kind === 'move' && input.toPeriod !== null ? input.toPeriod : a.placement.period;
    const periods = periodsOf(start, a.lesson.duration);
    const { busy } = busyOf(day, existing?.id);
    if (input.toRoomId && input.kind !== 'cancel' && input.kind !== 'merge') {
      const why = roomRefusal(rankInput(await loadRoomContext(trx, day), day, a, periods, roomBusyOf(day, existing?.id)), input.toRoomId);
      if (why) problems.push(why);
    }
    if (substituteId && !(own && input.kind !== 'move')) {
      const sub = substituteId;
      const who = names.get(sub) ?? 'учитель';
      if (!v.labels.teachers.some((t) => t.id === sub) && !(await staffById(trx, sub))) problems.push('заменяющий учитель не найден');
      else if (day.absentIds.has(sub)) problems.push(`${who} в этот день отсутствует`);
      // Her own lesson moved: the periods it leaves are hers anyway.
      else if (own) {
        if (periods.some((p) => busy.get(sub)?.has(p) && !a.periods.includes(p))) problems.push(`${who} в этот урок ведёт другой урок`);
      } else if (input.kind === 'merge') {
        if (!mergePartners(v, day, a).includes(sub)) problems.push(`${who} не ведёт в этот урок другую группу того же класса — объединять не с кем`);
      } else if (periods.some((p) => busy.get(sub)?.has(p))) problems.push(`${who} в этот урок уже занята (свой урок или другая замена)`);
    }
    if (input.kind === 'move' && input.toPeriod !== null) {
      const label = lessonLabel(v, a.lesson.audiences[0]?.classId, input.toPeriod);
      for (const au of a.lesson.audiences) {
        const cls = v.grid.classes.find((c) => c.id === au.classId);
        if (cls && periods.some((p) => p < cls.firstPeriod || p > cls.lastPeriod)) problems.push(`${label} урок вне уроков класса ${cls.name}`);
      }
      const clash = classLessonAt(v, day, a, periods);
      if (clash) problems.push(`у класса ${a.lesson.audiences.map((x) => x.label).join(', ')} на ${label} уроке уже стоит ${v.labels.subjects.find((x) => x.id === clash.subjectId)?.name ?? 'урок'}`);
    }
    // An absence covers whole days: the lesson's own teacher cannot take it at another period of
    // that day either, so a move without someone to teach it would leave the class alone. Said only
    // when the period itself is possible — else the class's own lesson there is the reason to read.
    if (!own && input.kind === 'move' && !input.substituteId && !problems.length) problems.push(`не выбран учитель, который проведёт перенесённый урок (${names.get(a.absentId) ?? 'учитель урока'} в этот день отсутствует)`);
    if (problems.length) throw refusalOf(`Замена (${what})`, problems);
    if (existing && !(await deleteSubstitutionIf(trx, existing.id, input.version))) throw stale('Замена урока', Number(existing.version));
    const row = {
      id: newId(),
      absenceId: a.absenceId,
      closureId: own ? a.closure!.id : null,
      date: input.date,
      versionId: v.row.id,
      lessonId: a.lesson.id,
      occurrence: a.placement.index,
      period: a.placement.period,
      hours: a.lesson.duration,
      absentStaffId: a.absentId,
      kind: input.kind,
      substituteId: input.kind === 'room' ? null : substituteId,
      subjectId: a.lesson.subjectId,
      toPeriod: input.kind === 'move' ? input.toPeriod : null,
      roomId: a.placement.roomId,
      toRoomId: input.kind === 'cancel' || input.kind === 'merge' ? null : input.toRoomId,
      // A closed room's decision is nobody's substitution: nothing to pay.
      paid: input.kind === 'cancel' || own ? 0 : input.paid ? 1 : 0,
      note: input.note,
      createdAt: nowIso(),
      createdBy: ctx.caller.user?.name ?? null,
      version: input.version + 1,
    };
    await insertSubstitution(trx, row);
    const text = (s: { kind: string; substituteId: string | null; toPeriod: number | null; toRoomId?: string | null } | undefined) =>
      s
        ? `${SUB_KIND_LABEL[s.kind as keyof typeof SUB_KIND_LABEL] ?? s.kind}${s.substituteId ? `: ${names.get(s.substituteId) ?? s.substituteId}` : ''}${s.toPeriod !== null ? ` на ${Number(s.toPeriod) + 1} урок` : ''}${s.toRoomId ? `, кабинет ${roomNo(s.toRoomId)}` : ''}`
        : null;
    await ctx.audit.record(trx, {
      entity: 'timetableSubstitution',
      recordId: row.id,
      action: existing ? 'update' : 'create',
      changes: { [what]: [text(existing), text(row)], absent: names.get(a.absentId) ?? a.absentId, paid: row.paid === 1 },
    });
    return substitutionOut(row, names, new Map(v.labels.rooms.map((r) => [r.id, r.number])));
  });
}

export async function removeSubstitution(ctx: HandlerContext, input: { id: string; version: number }) {
  return ctx.core.db.transaction().execute(async (trx) => {
    const row = await findSubstitution(trx, input.id);
    if (!row) throw notFound('Замена урока');
    if (!(await deleteSubstitutionIf(trx, input.id, input.version))) throw stale('Замена урока', Number(row.version));
    await ctx.audit.record(trx, { entity: 'timetableSubstitution', recordId: row.id, action: 'delete', changes: { date: [row.date, null], kind: [row.kind, null], substituteId: [row.substituteId, null] } });
    return { deleted: true };
  });
}
