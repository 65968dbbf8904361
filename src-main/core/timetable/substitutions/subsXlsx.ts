import { ABSENCE_REASON_LABEL, CLOSURE_REASON_LABEL, monthName, SUB_KIND_LABEL, type SubsDay } from '../../../../src-shared/contract/timetableSubs';
import type { ExportedFile } from '../../../../src-shared/contract/files';
import type { Executor } from '../../foundation/executor';
import { addBodyRow, addHeader, addTitle, newWorkbook, ru, toFile } from '../../foundation/xlsxSheet';
import { loadVersion, type LoadedVersion } from '../versionStore';
import type { Ledger } from './ledger';
import { lessonLabel } from './options';
import { absencesBetween } from './repo/subs';

/** The day's лист замен and the month's ledger as print-ready Excel (domain/substitutions.md §2, §6). */


export function decisionText(l: SubsDay['lessons'][number]): string {
  const s = l.substitution;
  if (!s) return 'не назначена';
  const inRoom = s.toRoomNumber ? `, кабинет ${s.toRoomNumber}` : '';
  if (s.kind === 'cancel') return SUB_KIND_LABEL.cancel;
  if (s.kind === 'room') return `${SUB_KIND_LABEL.room} ${s.toRoomNumber ?? ''}`;
  // A closed room's lesson moves with its own teacher: her name is already in «По расписанию».
  const by = s.substituteName && l.cause === 'teacher' ? `, ${s.substituteName}` : '';
  if (s.kind === 'move') return `перенос на ${l.moveTo.find((o) => o.period === s.toPeriod)?.label ?? (s.toPeriod ?? 0) + 1} урок${by}${inRoom}`;
  if (s.kind === 'merge') return `${SUB_KIND_LABEL.merge}: ${s.substituteName ?? ''}`;
  return `${s.substituteName ?? ''}${inRoom}`;
}

/** The room column of the sheet: «12 → 14» when the lesson goes to another room. */
export function roomText(l: SubsDay['lessons'][number]): string {
  const to = l.substitution?.toRoomNumber;
  return to ? `${l.roomNumber ?? ''} → ${to}` : (l.roomNumber ?? '');
}

export async function daySheet(day: SubsDay, school: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Замены');
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  addTitle(ws, [`Замены уроков на ${ru(day.date)}${day.dayName ? `, ${day.dayName.toLowerCase()}` : ''}`, `${school}${day.versionName ? ` · расписание «${day.versionName}»` : ''}`], 7);
  addHeader(ws, ['№ урока', 'Время', 'Класс', 'По расписанию', 'Замена', 'Кабинет', 'Примечание'], [9, 13, 12, 34, 34, 12, 26]);
  const reason = new Map(day.absences.map((a) => [a.staffId, ABSENCE_REASON_LABEL[a.reason]]));
  const closed = new Map(day.closures.map((c) => [c.roomNumber, `кабинет закрыт: ${CLOSURE_REASON_LABEL[c.reason]}${c.note ? ` (${c.note})` : ''}`]));
  for (const l of day.lessons) {
    const why = [l.cause === 'teacher' ? reason.get(l.absentId) : undefined, l.roomClosed && l.roomNumber ? closed.get(l.roomNumber) : undefined, l.substitution?.note];
    addBodyRow(ws, [l.periodLabel, l.time, l.classLabel, `${l.subjectName}, ${l.absentName}`, decisionText(l), roomText(l), why.filter(Boolean).join('; ')]);
  }
  if (day.lessons.length === 0) addBodyRow(ws, ['', '', '', 'Замен нет', '', '', '']);
  return toFile(wb, `Замены ${ru(day.date)}.xlsx`, day.lessons.length);
}

export async function ledgerWorkbook(db: Executor, ledger: Ledger, school: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Итоги');
  addTitle(ws, [`Учёт замещённых и пропущенных уроков за ${monthName(ledger.month)}`, school], 6);
  addHeader(ws, ['Учитель', 'Замещено часов', 'из них оплачиваемых', 'из них неоплачиваемых', 'Пропущено часов'], [34, 16, 18, 20, 16]);
  for (const r of ledger.rows) addBodyRow(ws, [r.name, r.substituted, r.paid, r.unpaid, r.missed]);
  const sum = (k: 'substituted' | 'paid' | 'unpaid' | 'missed') => ledger.rows.reduce((n, r) => n + r[k], 0);
  addBodyRow(ws, ['Итого', sum('substituted'), sum('paid'), sum('unpaid'), sum('missed')], true);

  const js = wb.addWorksheet('Журнал');
  addTitle(js, [`Журнал замен за ${monthName(ledger.month)}`], 10);
  addHeader(js, ['Дата', '№ урока', 'Класс', 'Предмет', 'Отсутствующий', 'Причина', 'Заменяющий', 'Вид замены', 'Часов', 'Оплата'], [12, 9, 12, 26, 22, 14, 22, 18, 8, 16]);
  const versions = new Map<string, LoadedVersion>();
  const absences = await absencesBetween(db, `${ledger.month}-01`, `${ledger.month}-31`);
  for (const s of ledger.subs) {
    let v = versions.get(s.versionId);
    if (!v) {
      v = await loadVersion(db, s.versionId);
      versions.set(s.versionId, v);
    }
    const lesson = v.lessons.find((l) => l.id === s.lessonId);
    const a = absences.find((x) => x.id === s.absenceId);
    addBodyRow(js, [
      ru(s.date),
      lessonLabel(v, lesson?.audiences[0]?.classId, Number(s.period)),
      lesson?.audiences.map((x) => x.label).join(', ') ?? '',
      v.labels.subjects.find((x) => x.id === s.subjectId)?.name ?? '',
      ledger.names.get(s.absentStaffId) ?? '',
      a ? (ABSENCE_REASON_LABEL[a.reason as keyof typeof ABSENCE_REASON_LABEL] ?? a.reason) : '',
      s.substituteId ? (ledger.names.get(s.substituteId) ?? '') : '',
      SUB_KIND_LABEL[s.kind as keyof typeof SUB_KIND_LABEL] ?? s.kind,
      Number(s.hours),
      Number(s.paid) === 1 ? 'оплатить' : 'не оплачивается',
    ]);
  }
  return toFile(wb, `Учёт замен ${monthName(ledger.month)}.xlsx`, ledger.rows.length + ledger.subs.length);
}
