import type { TimetablePushResult } from '../../../../src-shared/contract/timetableExchange';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import { daysOffBetween } from '../../schoolSetup/index';
import { versionForExport, type LoadedVersion } from '../../timetable/index';
import { insertExchange } from '../repo/exchanges';
import { parseExportCm } from '../formats/exportCm';
import { lastPulledExportCm, refsByRecord } from './repo/portalRefs';
import { writeTimetableExchange, type PushLesson, type PushWeek } from './timetableExchangeFile';
import { readXmlFile } from './xmlText';
import { formatRuDate as dmy } from '../../../../src-shared/domain/ruDate';

/**
 * An approved version as the portal's timetable import file (issue 17, part 2). Every lesson is
 * mapped onto the ids of the last pulled ExportCM: its csg (kept by the pull in `portal_ref`, or on
 * the lesson when it came from the portal), the LessonTime of the class's shift and lesson number,
 * the room. Anything that does not map, and two lessons of one class or group at one time, refuse
 * the whole file with the lesson and the reason; holidays of the range are listed (the portal skips
 * them). The file is stored as a «ready» push exchange like the other files for the portal.
 */

export interface PushInput {
  versionId: string;
  from: string;
  to: string;
  pattern: 1 | 2;
  secondVersionId: string | null;
}

const WD_SHORT = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const STALE = 'сначала загрузите свежий ExportCM';

interface Maps {
  csgOfSlot: Map<string, string>;
  roomOf: Map<string, string>;
  timeId: Map<string, string>;
  csgInFile: Set<string>;
  roomInFile: Set<string>;
}


/** The lessons of one version as the portal's ids, with what does not map. */
function mapVersion(v: LoadedVersion, m: Maps, issues: TimetablePushResult['issues'], warnings: string[]): PushLesson[] {
  const { grid, labels } = v;
  const subject = new Map(labels.subjects.map((s) => [s.id, s.name]));
  const cls = new Map(grid.classes.map((c) => [c.id, c]));
  const byLesson = new Map(v.lessons.map((l) => [l.id, l]));
  const out: PushLesson[] = [];
  const csgsOf = new Map<string, string[] | null>();
  // Only lessons the version places go to the portal: a plan row with no placement needs no csg.
  const placedIds = new Set(v.placements.map((p) => p.lessonId));
  for (const l of v.lessons) {
    if (!placedIds.has(l.id)) continue;
    const ids: string[] = [];
    let ok = true;
    for (const a of l.audiences) {
      const id = m.csgOfSlot.get(`${a.classId}|${l.subjectId}|${a.groupNo}`) ?? (l.audiences.length === 1 ? l.portalRef : null);
      if (!id || !m.csgInFile.has(id)) {
        ok = false;
        const group = a.groupNo ? `группы ${a.groupNo} ` : '';
        issues.push({ lesson: `${a.label}, ${subject.get(l.subjectId) ?? 'предмет'}`, reason: `нет ${group}«${subject.get(l.subjectId) ?? ''}» ${cls.get(a.classId)?.name ?? ''} в выгрузке портала${id ? ` (группа csg ${id} из прошлой выгрузки в последней не найдена)` : ''} — ${STALE}` });
      } else if (!ids.includes(id)) ids.push(id);
    }
    csgsOf.set(l.id, ok ? ids : null);
  }
  let unplaced = 0;
  const placedCount = new Map<string, number>();
  for (const p of v.placements) placedCount.set(p.lessonId, (placedCount.get(p.lessonId) ?? 0) + 1);
  for (const l of v.lessons) unplaced += l.count - (placedCount.get(l.id) ?? 0);
  if (unplaced > 0) warnings.push(`${unplaced} урок(ов) версии «${v.row.name}» не расставлено — в файл они не попадут`);
  for (const p of v.placements) {
    const l = byLesson.get(p.lessonId);
    const ids = l ? csgsOf.get(l.id) : null;
    if (!l || !ids) continue;
    const day = grid.days[p.day];
    const where = `${day?.short ?? p.day + 1}, урок ${grid.periods[p.period]?.label ?? p.period + 1}`;
    const label = `${l.audiences.map((a) => a.label).join(', ')}, ${subject.get(l.subjectId) ?? ''}, ${where}`;
    if (!day || day.weekday > 6) {
      issues.push({ lesson: label, reason: 'портал принимает уроки с понедельника по субботу' });
      continue;
    }
    const shift = cls.get(l.audiences[0]?.classId ?? '')?.shift ?? 1;
    const offset = grid.shiftOffsets[String(shift)] ?? 0;
    let roomId: string | null = null;
    if (p.roomId) {
      roomId = m.roomOf.get(p.roomId) ?? null;
      if (!roomId || !m.roomInFile.has(roomId)) {
        const name = labels.rooms.find((r) => r.id === p.roomId)?.name ?? '';
        issues.push({ lesson: label, reason: `кабинета «${name}» нет в выгрузке портала — ${STALE} или добавьте кабинет в портал` });
        continue;
      }
    }
    for (let k = 0; k < l.duration; k++) {
      const number = p.period + k - offset + 1;
      const timeId = m.timeId.get(`${shift}|${number}`);
      if (!timeId) {
        issues.push({ lesson: label, reason: `в звонках портала нет ${number}-го урока ${shift} смены — ${STALE} или добавьте звонок в портале` });
        continue;
      }
      for (const csgId of ids) out.push({ wd: day.weekday + 1, timeId, csgId, roomId });
    }
  }
  // No two lessons of one class or group at one time (the portal stores what it is given).
  const seen = new Map<string, string>();
  for (const x of out) {
    const k = `${x.csgId}|${x.wd}|${x.timeId}`;
    if (seen.has(k)) issues.push({ lesson: `csg ${x.csgId}, ${WD_SHORT[x.wd - 2]}, время ${x.timeId}`, reason: 'два урока одной группы в одно время' });
    seen.set(k, k);
  }
  const groups = new Map<string, number[]>();
  for (const p of v.placements) {
    const l = byLesson.get(p.lessonId);
    if (!l || !csgsOf.get(l.id)) continue;
    for (let k = 0; k < l.duration; k++) {
      for (const a of l.audiences) {
        const key = `${a.classId}|${p.day}|${p.period + k}`;
        const list = groups.get(key) ?? [];
        if (list.includes(a.groupNo) || (a.groupNo === 0 && list.length > 0) || list.includes(0)) {
          issues.push({ lesson: `${a.label}, ${grid.days[p.day]?.short ?? ''}, урок ${grid.periods[p.period + k]?.label ?? ''}`, reason: 'в это время у класса (группы) уже есть урок — накладку надо убрать в версии' });
        }
        list.push(a.groupNo);
        groups.set(key, list);
      }
    }
  }
  return out;
}

export async function pushTimetable(ctx: HandlerContext, input: PushInput): Promise<TimetablePushResult> {
  const db = ctx.core.db;
  const v1 = await versionForExport(ctx, input.versionId);
  const v2 = input.pattern === 2 && input.secondVersionId && input.secondVersionId !== input.versionId ? await versionForExport(ctx, input.secondVersionId) : v1;
  for (const v of [v1, v2]) {
    if (v.row.status !== 'approved') throw new AppError('VALIDATION', `Версия «${v.row.name}» не утверждена: в портал выгружается только утверждённое расписание. Ничего не записано.`);
  }
  if (v2.row.academicYearId !== v1.row.academicYearId) throw new AppError('VALIDATION', 'Недели двухнедельного шаблона — версии разных учебных лет. Ничего не записано.');
  const pulled = await lastPulledExportCm(db);
  if (!pulled) throw new AppError('VALIDATION', 'Файл расписания для портала строится по кодам портала: сначала загрузите ExportCM.nsxml («Экспорт в Хронограф, AVTOR») на вкладке «Обмен с порталом» → «Загрузка из портала». Ничего не записано.');
  const cm = parseExportCm(readXmlFile(pulled.fileName, pulled.bytes)).data;
  const m: Maps = {
    csgOfSlot: await refsByRecord(db, 'csg'),
    roomOf: await refsByRecord(db, 'room'),
    timeId: new Map(cm.lessonTimes.map((t) => [`${t.shift}|${t.number}`, t.id])),
    csgInFile: new Set(cm.classes.flatMap((c) => c.csgs.map((g) => g.id))),
    roomInFile: new Set(cm.rooms.map((r) => r.id)),
  };
  const issues: TimetablePushResult['issues'] = [];
  // formats/netschool.md §2.1: the import side is read from the legacy portal's code, not checked on a 5.x server.
  const warnings: string[] = ['Файл построен по описанию импорта старой версии портала; на портале 5.x он не проверялся — после импорта сверьте в портале расписание одной недели.'];
  const weeks: PushWeek[] = [{ id: '1', name: input.pattern === 2 ? '1-я неделя' : 'Неделя', lessons: mapVersion(v1, m, issues, warnings) }];
  if (input.pattern === 2) weeks.push({ id: '2', name: '2-я неделя', lessons: v2 === v1 ? weeks[0].lessons : mapVersion(v2, m, issues, warnings) });
  const weekLength = Math.max(...[v1, v2].map((v) => v.grid.days.length));
  const grades = [...new Set([v1, v2].flatMap((v) => v.grid.classes.map((c) => c.grade)))];
  const holidays = await daysOffBetween(db, v1.row.academicYearId, grades, input.from, input.to, weekLength);
  const days = Math.round((Date.parse(input.to) - Date.parse(input.from)) / 86_400_000) + 1;
  const lessons = weeks.reduce((s, w) => s + w.lessons.length, 0);
  const form = { from: input.from, to: input.to, pattern: input.pattern, weeks: Math.ceil(days / 7), lessons };
  if (v1.row.effectiveFrom && input.from < v1.row.effectiveFrom) warnings.push(`Версия действует с ${dmy(v1.row.effectiveFrom)}, а период начинается ${dmy(input.from)}`);
  if (issues.length) return { exchangeId: null, file: null, issues: dedupe(issues), holidays, warnings, form };
  if (lessons === 0) throw new AppError('VALIDATION', `В версии «${v1.row.name}» нет расставленных уроков — файл для портала пуст. Ничего не записано.`);
  const bytes = writeTimetableExchange(cm.lessonTimes, weeks);
  const fileName = `Расписание ${dmy(input.from)}-${dmy(input.to)}.xml`;
  const exchangeId = await db.transaction().execute(async (trx) => {
    const title = `Расписание «${v1.row.name}» с ${dmy(input.from)} по ${dmy(input.to)}${input.pattern === 2 ? ', двухнедельный шаблон' : ''}`;
    const { id } = await insertExchange(
      trx,
      { direction: 'push', status: 'ready', title, summary: { kind: 'timetable', versionId: v1.row.id, secondVersionId: v2.row.id, from: input.from, to: input.to, pattern: input.pattern, lessons, basedOn: pulled.exchangeId }, createdBy: ctx.caller.user?.name ?? null },
      [{ fileName, formatId: 'timetableExchange', bytes, rows: lessons }],
    );
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: id, action: 'export', changes: { fileName, kind: 'timetable', versionId: v1.row.id, from: input.from, to: input.to, pattern: input.pattern, lessons } });
    return id;
  });
  return { exchangeId, file: { fileName, mimeType: 'application/xml; charset=windows-1251', contentBase64: bytes.toString('base64'), rows: lessons }, issues: [], holidays, warnings, form };
}

function dedupe(issues: TimetablePushResult['issues']): TimetablePushResult['issues'] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.lesson}|${i.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
