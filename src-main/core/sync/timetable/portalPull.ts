import type { ImportLine } from '../../../../src-shared/contract/timetableExchange';
import type { LessonOut, PlacementOut } from '../../../../src-shared/contract/timetableFields';
import type { HandlerContext } from '../../foundation/context';
import type { Executor } from '../../foundation/executor';
import { importBase } from '../../timetable/index';
import { parseExportCm, type CmLesson, type ExportCm } from '../formats/exportCm';
import type { ImportOutcome } from './importFlow';
import { portalIds } from './repo/portalRefs';
import { finishImport } from './importDraft';
import { fileRefused, readXmlFile } from './xmlText';

/**
 * The portal's current week (`ExportCM.nsxml`, `TimeTable/Week/Day[@wd]/Lesson[@timeId]/csg`) as a
 * draft «из портала» (issue 17, part 1). A `csg` is found through the ids the exchange pull kept
 * (`portal_ref`: csg → class|subject|group slots, room → room), `wd` 2 = Monday … 7 = Saturday,
 * `timeId` → the file's LessonTime (shift + number) → the axis position of that lesson of that
 * shift. Lessons that match nothing, extra lessons and clashes are listed, never dropped in silence.
 */

const WEEKDAY = ['', 'вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'];

export interface PortalFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The parsed file, or a refusal naming the file, the line and the element. */
export function readPortalTimetable(file: PortalFile): ExportCm & { lessons: CmLesson[] } {
  const text = readXmlFile(file.fileName, file.bytes);
  const { data, issues } = parseExportCm(text);
  const root = issues.find((i) => i.path === 'TimeTableExchange');
  if (root) throw fileRefused(file.fileName, null, root.message);
  const day = issues.find((i) => i.path.startsWith('Day'));
  if (day) throw fileRefused(file.fileName, null, `элемент ${day.path}: ${day.message}`);
  if (!data.lessons) throw fileRefused(file.fileName, null, 'в выгрузке нет раздела TimeTable (расписание текущей недели) — в портале расписание ещё не загружено, или выгружен файл для «Ректора»');
  const times = new Set(data.lessonTimes.map((t) => t.id));
  const bad = data.lessons.find((l) => !times.has(l.timeId));
  if (bad) throw fileRefused(file.fileName, null, `урок (Lesson timeId="${bad.timeId}", день wd=${bad.wd}) ссылается на время урока, которого нет в разделе LessonTimes`);
  return { ...data, lessons: data.lessons };
}

interface Ctx {
  yearId: string;
  studyPeriodId: string | null;
  file: PortalFile;
}

/** The importer (see importFlow): builds the draft inside `trx` and says what it wrote. */
export function portalTimetableRun(ctx: HandlerContext, input: Ctx) {
  return async (trx: Executor): Promise<ImportOutcome> => {
    const cm = readPortalTimetable(input.file);
    const base = await importBase(trx, input.yearId, input.studyPeriodId);
    const { grid } = base.built;
    const lessons: LessonOut[] = base.built.lessons.map((l) => ({ ...l, audiences: l.audiences.map((a) => ({ ...a })), portalRef: null }));
    const csgSlots = await portalIds(trx, 'csg');
    const roomIds = await portalIds(trx, 'room');
    const lessonTime = new Map(cm.lessonTimes.map((t) => [t.id, t]));
    const csgName = new Map(cm.classes.flatMap((c) => c.csgs.map((g) => [g.id, `${c.name}, ${g.name.split('/').pop() || g.name}`] as const)));
    const bySlot = new Map<string, LessonOut[]>();
    for (const l of lessons) for (const a of l.audiences) bySlot.set(`${a.classId}|${l.subjectId}|${a.groupNo}`, [...(bySlot.get(`${a.classId}|${l.subjectId}|${a.groupNo}`) ?? []), l]);
    const lines: ImportLine[] = [];
    const placements: PlacementOut[] = [];
    const used = new Map<string, number>();
    const at = new Map<string, PlacementOut>();
    let unmatched = 0;
    const sorted = [...cm.lessons].sort((a, b) => a.weekId.localeCompare(b.weekId) || a.wd - b.wd || Number(a.timeId) - Number(b.timeId));
    const weeks = [...new Set(sorted.map((l) => l.weekId))];
    const notImported: { part: string; count: number; reason: string }[] = [];
    const week = sorted.filter((l) => l.weekId === weeks[0]);
    if (weeks.length > 1) notImported.push({ part: 'TimeTable/Week', count: sorted.length - week.length, reason: `в файле ${weeks.length} недели; загружена первая (Week id="${weeks[0]}"), остальные не загружены` });
    const consumed = new Set<CmLesson>();
    for (const f of week) {
      if (consumed.has(f)) continue;
      const t = lessonTime.get(f.timeId)!;
      const label = `${csgName.get(f.csgId) ?? `csg ${f.csgId}`}, ${WEEKDAY[f.wd] ?? f.wd}, ${t.number}-й урок (${t.shift} смена)`;
      const miss = (message: string, level: ImportLine['level'] = 'error') => {
        unmatched++;
        lines.push({ level, what: 'Урок', label, message });
      };
      const slots = csgSlots.get(f.csgId);
      if (!slots?.length) {
        miss(`группа csg id="${f.csgId}" не сопоставлена с нагрузкой школы — загрузите этот ExportCM на вкладке «Загрузка из портала» и назначьте учителя`);
        continue;
      }
      const candidates = (bySlot.get(slots[0]) ?? []).filter((l) => slots.every((s) => l.audiences.some((a) => `${a.classId}|${l.subjectId}|${a.groupNo}` === s)));
      if (candidates.length === 0) {
        miss('в расписании школы нет такого урока: проверьте учебный план и нагрузку класса');
        continue;
      }
      const day = grid.days.findIndex((d) => d.weekday === f.wd - 1);
      if (day < 0) {
        miss(f.wd === 1 ? 'урок в воскресенье (wd=1)' : 'в сетке расписания нет этого дня недели: ни у одного класса нет шестидневки');
        continue;
      }
      const offset = grid.shiftOffsets[String(t.shift)];
      const period = offset === undefined ? -1 : offset + t.number - 1;
      if (period < 0 || period >= grid.periods.length) {
        miss(`в звонках школы нет ${t.number}-го урока ${t.shift} смены`);
        continue;
      }
      // A joint lesson listed once per class at the same time is one occurrence.
      const same = candidates.find((l) => [...at.values()].some((p) => p.lessonId === l.id && p.day === day && p.period === period));
      if (same) continue;
      const lesson = candidates.find((l) => (used.get(l.id) ?? 0) < l.count);
      if (!lesson) {
        miss(`лишний урок: в нагрузке ${candidates[0].count} ч. в неделю, в портале больше`, 'warning');
        continue;
      }
      if (lesson.duration > 1) {
        const next = week.find((g) => !consumed.has(g) && g !== f && g.csgId === f.csgId && g.wd === f.wd && lessonTime.get(g.timeId)?.shift === t.shift && lessonTime.get(g.timeId)?.number === t.number + 1);
        if (next) consumed.add(next);
        else lines.push({ level: 'warning', what: 'Урок', label, message: 'в школе этот урок сдвоенный, в портале он стоит одним уроком — поставлен сдвоенным' });
      }
      const index = used.get(lesson.id) ?? 0;
      used.set(lesson.id, index + 1);
      lesson.portalRef ??= f.csgId;
      let roomId: string | null = null;
      if (f.roomId) {
        roomId = roomIds.get(f.roomId)?.[0] ?? null;
        if (!roomId) lines.push({ level: 'warning', what: 'Кабинет', label, message: `кабинет roomid="${f.roomId}" не сопоставлен с кабинетами школы — урок без кабинета` });
      }
      const p: PlacementOut = { lessonId: lesson.id, index, day, period, roomId, locked: false };
      placements.push(p);
      at.set(`${lesson.id}:${index}`, p);
    }
    const name = `Из портала: ${input.file.fileName}`.slice(0, 200);
    return finishImport(ctx, trx, { format: 'portal', source: 'portal', fileName: input.file.fileName, yearId: input.yearId, name, cause: `Расписание из портала, файл «${input.file.fileName}»`, basedOnId: null, base, lessons, placements, lines, notImported, inFile: week.length, unmatched });
  };
}
