import { compile } from '../compile';
import type { Limits, SlotRef, TimetableInstance } from '../model';
import { block, el } from './xml';

export interface FetExportOptions {
  /** Weight of the "hard subjects not on the first/last lesson" approximation; 0 disables it. */
  hardSubjectsWeight?: number;
  /** Weight of MinDaysBetweenActivities for a lesson's occurrences (FET GUI default 95). */
  minDaysWeight?: number;
}

export interface FetExport {
  xml: string;
  /** Russian notes on what FET cannot express and how it was approximated. */
  notes: string[];
  /** FET activity id of each unit, in unit order (lesson order, occurrence order). */
  activityIds: number[];
}

export const HARD_TAG = 'Трудный';

/** Unique display names: FET references everything by name. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return k ? `${n} (${k + 1})` : n;
  });
}

export function exportFet(inst: TimetableInstance, opts: FetExportOptions = {}): FetExport {
  const c = compile(inst);
  const notes: string[] = [];
  const dayN = uniqueNames(inst.days);
  const hourN = uniqueNames(inst.periods);
  const subjN = uniqueNames(inst.subjects.map((s) => s.name));
  const teachN = uniqueNames(inst.teachers.map((t) => t.name));
  const roomN = uniqueNames(inst.rooms.map((r) => r.name));
  const classN = uniqueNames(inst.classes.map((k) => k.name));
  const subjIdx = new Map(inst.subjects.map((s, i) => [s.id, i] as const));
  const slot = (s: SlotRef): string => block('X', [el('Day', dayN[s.day]), el('Hour', hourN[s.period])]);
  const times = (tag: string, refs: SlotRef[]): string[] =>
    refs.map((r) => slot(r).replace(/^<X>/, `<${tag}>`).replace(/<\/X>$/, `</${tag}>`));

  // Students: Year = class, Group = each division's group, Subgroup = combinations (cells).
  const groupName: string[][][] = [];
  const years = inst.classes.map((k, ki) => {
    const divs = k.divisions ?? [];
    const plain = divs.flatMap((d) => d.groups);
    const clash = new Set(plain).size !== plain.length;
    groupName.push(divs.map((d) => d.groups.map((g) => `${classN[ki]} ${clash ? `${d.name} ` : ''}${g}`)));
    const cells = c.classCells[ki];
    const groups: string[] = [];
    divs.forEach((d, di) => {
      let stride = 1;
      for (let i = divs.length - 1; i > di; i--) stride *= divs[i].groups.length;
      d.groups.forEach((_, gi) => {
        const subs: string[] = [];
        if (divs.length > 1) {
          for (let local = 0; local < cells.length; local++) {
            if (Math.floor(local / stride) % d.groups.length !== gi) continue;
            subs.push(block('Subgroup', [el('Name', c.cellName[cells[local]]), el('Number_of_Students', 0), el('Comments', '')]));
          }
        }
        groups.push(block('Group', [el('Name', groupName[ki][di][gi]), el('Number_of_Students', 0), el('Comments', ''), ...subs]));
      });
    });
    return block('Year', [el('Name', classN[ki]), el('Number_of_Students', k.size ?? 0), el('Comments', ''), ...groups]);
  });
  const audienceNames = (lessonIdx: number): string[] => {
    const out: string[] = [];
    for (const a of inst.lessons[lessonIdx].students) {
      const ki = c.classIdx.get(a.classId) ?? 0;
      if (a.division === undefined) out.push(classN[ki]);
      else for (const g of a.groups ?? []) out.push(groupName[ki][a.division][g]);
    }
    return out;
  };

  const activityIds: number[] = [];
  const activities: string[] = [];
  const time: string[] = [block('ConstraintBasicCompulsoryTime', [el('Weight_Percentage', 100), el('Active', true), el('Comments', '')])];
  const space: string[] = [block('ConstraintBasicCompulsorySpace', [el('Weight_Percentage', 100), el('Active', true), el('Comments', '')])];
  const con = (list: string[], name: string, body: string[]): void => {
    list.push(block(name, [...body, el('Active', true), el('Comments', '')]));
  };
  const hardW = opts.hardSubjectsWeight ?? 50;
  const minDaysW = opts.minDaysWeight ?? 95;
  let anyHard = false;
  inst.lessons.forEach((l, li) => {
    const first = c.lessonFirstUnit[li];
    const students = audienceNames(li);
    for (let k = 0; k < l.count; k++) {
      const u = first + k;
      const id = u + 1;
      activityIds.push(id);
      const tags = [...(l.tags ?? [])];
      if (c.unitPoints[u] >= c.hardThreshold) {
        tags.push(HARD_TAG);
        anyHard = true;
      }
      activities.push(
        block('Activity', [
          ...l.teacherIds.map((t) => el('Teacher', teachN[c.teacherIdx.get(t) ?? 0])),
          el('Subject', subjN[subjIdx.get(l.subjectId) ?? 0]),
          ...tags.map((t) => el('Activity_Tag', t)),
          ...students.map((s) => el('Students', s)),
          el('Duration', l.duration),
          el('Total_Duration', l.duration * l.count),
          el('Id', id),
          el('Activity_Group_Id', l.count > 1 ? first + 1 : 0),
          el('Active', true),
          el('Comments', l.id),
        ]),
      );
      const lock = l.locked?.[k];
      if (lock) {
        con(time, 'ConstraintActivityPreferredStartingTime', [
          el('Weight_Percentage', 100), el('Activity_Id', id), el('Preferred_Day', dayN[lock.day]),
          el('Preferred_Hour', hourN[lock.period]), el('Permanently_Locked', true),
        ]);
        if (lock.roomId)
          con(space, 'ConstraintActivityPreferredRoom', [
            el('Weight_Percentage', 100), el('Activity_Id', id),
            el('Room', roomN[c.roomIdx.get(lock.roomId) ?? 0]), el('Permanently_Locked', true),
          ]);
      }
      const starts = (refs: SlotRef[], w: number): void =>
        con(time, 'ConstraintActivityPreferredStartingTimes', [
          el('Weight_Percentage', w), el('Activity_Id', id), el('Number_of_Preferred_Starting_Times', refs.length),
          ...refs.map((r) => block('Preferred_Starting_Time', [el('Preferred_Starting_Day', dayN[r.day]), el('Preferred_Starting_Hour', hourN[r.period])])),
        ]);
      if (l.allowedStarts) starts(l.allowedStarts, 100);
      if (l.preferredStarts) starts(l.preferredStarts.slots, l.preferredStarts.weight);
      if (l.endsStudentsDay) con(time, 'ConstraintActivityEndsStudentsDay', [el('Weight_Percentage', l.endsStudentsDay.weight), el('Activity_Id', id)]);
      const rooms = (l.roomIds ?? []).map((r) => roomN[c.roomIdx.get(r) ?? 0]);
      if (rooms.length === 1)
        con(space, 'ConstraintActivityPreferredRoom', [el('Weight_Percentage', 100), el('Activity_Id', id), el('Room', rooms[0]), el('Permanently_Locked', false)]);
      else if (rooms.length > 1)
        con(space, 'ConstraintActivityPreferredRooms', [
          el('Weight_Percentage', 100), el('Activity_Id', id), el('Number_of_Preferred_Rooms', rooms.length),
          ...rooms.map((r) => el('Preferred_Room', r)),
        ]);
    }
    if (l.count > 1 && minDaysW > 0)
      con(time, 'ConstraintMinDaysBetweenActivities', [
        el('Weight_Percentage', minDaysW), el('Consecutive_If_Same_Day', true), el('Number_of_Activities', l.count),
        ...Array.from({ length: l.count }, (_, k) => el('Activity_Id', first + k + 1)), el('MinDays', 1),
      ]);
  });
  const unitId = (lessonId: string, index: number): number => (c.lessonFirstUnit[c.lessonIdx.get(lessonId) ?? 0] ?? 0) + index + 1;
  for (let b = 0; b < c.nB; b++) {
    const units = c.blockUnits[b];
    if (units.length < 2) continue;
    con(time, 'ConstraintActivitiesSameStartingTime', [
      el('Weight_Percentage', 100), el('Number_of_Activities', units.length), ...Array.from(units, (u) => el('Activity_Id', u + 1)),
    ]);
  }
  for (const r of inst.sameStartRules ?? [])
    if (r.weight < 100)
      con(time, 'ConstraintActivitiesSameStartingTime', [
        el('Weight_Percentage', r.weight), el('Number_of_Activities', r.units.length), ...r.units.map((x) => el('Activity_Id', unitId(x.lessonId, x.index))),
      ]);
  for (const r of inst.minDaysRules ?? [])
    con(time, 'ConstraintMinDaysBetweenActivities', [
      el('Weight_Percentage', r.weight), el('Consecutive_If_Same_Day', r.consecutiveIfSameDay ?? false), el('Number_of_Activities', r.units.length),
      ...r.units.map((x) => el('Activity_Id', unitId(x.lessonId, x.index))), el('MinDays', r.minDays),
    ]);
  if (inst.breaks?.length)
    con(time, 'ConstraintBreakTimes', [el('Weight_Percentage', 100), el('Number_of_Break_Times', inst.breaks.length), ...times('Break_Time', inst.breaks)]);

  inst.teachers.forEach((t, ti) => {
    if (t.unavailable?.length)
      con(time, 'ConstraintTeacherNotAvailableTimes', [
        el('Weight_Percentage', 100), el('Teacher', teachN[ti]), el('Number_of_Not_Available_Times', t.unavailable.length), ...times('Not_Available_Time', t.unavailable),
      ]);
    for (const L of t.limits ?? []) exportLimits(time, L, 'Teacher', el('Teacher_Name', teachN[ti]), notes, t.name);
    if (t.undesired?.length) notes.push(`Пожелания учителя ${t.name} (нежелательные уроки) в FET не переданы: там запрет только жёсткий.`);
  });
  inst.classes.forEach((k, ki) => {
    const un: SlotRef[] = [...(k.unavailable ?? [])];
    if (k.periods)
      for (let d = 0; d < c.D; d++)
        for (let p = 0; p < c.P; p++) if (p < k.periods.first || p > k.periods.last) un.push({ day: d, period: p });
    if (un.length)
      con(time, 'ConstraintStudentsSetNotAvailableTimes', [
        el('Weight_Percentage', 100), el('Students', classN[ki]), el('Number_of_Not_Available_Times', un.length), ...times('Not_Available_Time', un),
      ]);
    for (const L of k.limits ?? []) exportLimits(time, L, 'StudentsSet', el('Students', classN[ki]), notes, k.name);
  });
  if (inst.studentSetRules?.length) notes.push('Правила для отдельных групп экспортированы только как запреты времени классов.');
  inst.rooms.forEach((r, ri) => {
    if (r.unavailable?.length)
      con(space, 'ConstraintRoomNotAvailableTimes', [
        el('Weight_Percentage', 100), el('Room', roomN[ri]), el('Number_of_Not_Available_Times', r.unavailable.length), ...times('Not_Available_Time', r.unavailable),
      ]);
  });
  if (anyHard && hardW > 0) {
    // Approximation of "hard subjects not first, not last": exclude each shift's first and last period.
    const firsts = new Set<number>();
    const lasts = new Set<number>();
    for (const k of inst.classes) {
      firsts.add(k.periods?.first ?? 0);
      lasts.add(k.periods?.last ?? c.P - 1);
    }
    const ok: SlotRef[] = [];
    for (let d = 0; d < c.D; d++) for (let p = 0; p < c.P; p++) if (!firsts.has(p) && !lasts.has(p)) ok.push({ day: d, period: p });
    con(time, 'ConstraintActivitiesPreferredTimeSlots', [
      el('Weight_Percentage', hardW), el('Teacher_Name', ''), el('Students_Name', ''), el('Subject_Name', ''), el('Activity_Tag_Name', HARD_TAG),
      el('Duration', ''), el('Number_of_Preferred_Time_Slots', ok.length), ...times('Preferred_Time_Slot', ok).map((x) =>
        x.replace(/<Day>/, '<Preferred_Day>').replace(/<\/Day>/, '</Preferred_Day>').replace(/<Hour>/, '<Preferred_Hour>').replace(/<\/Hour>/, '</Preferred_Hour>')),
    ]);
    notes.push(`«Трудные предметы не первым и не последним уроком» приближено тегом «${HARD_TAG}» и предпочтительными уроками (вес ${hardW} %).`);
  }
  notes.push('Пик трудности по шкале СанПиН во вторник/среду в FET не выражается.');
  if (inst.classes.some((k) => k.limits?.some((L) => L.maxPerDay?.onceAWeek !== undefined)))
    notes.push('«Один день в неделю на урок больше» (1–4 классы) в FET не выражается: передан больший предел.');

  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<fet version="6.8.5">',
    el('Mode', 'Official'),
    el('Institution_Name', inst.name),
    el('Comments', 'Экспорт из «Школьного офиса»'),
    block('Days_List', [el('Number_of_Days', c.D), ...dayN.map((d) => block('Day', [el('Name', d)]))]),
    block('Hours_List', [el('Number_of_Hours', c.P), ...hourN.map((h) => block('Hour', [el('Name', h)]))]),
    block('Subjects_List', subjN.map((s) => block('Subject', [el('Name', s), el('Comments', '')]))),
    block('Activity_Tags_List', [HARD_TAG, ...new Set(inst.lessons.flatMap((l) => l.tags ?? []))].map((t) => block('Activity_Tag', [el('Name', t), el('Printable', true), el('Comments', '')]))),
    block('Teachers_List', teachN.map((t, ti) => {
      const load = c.unitTeachers.reduce((a, ts, u) => a + (ts.includes(ti) ? c.unitDur[u] : 0), 0);
      return block('Teacher', [el('Name', t), el('Target_Number_of_Hours', load), '<Qualified_Subjects></Qualified_Subjects>', el('Comments', '')]);
    })),
    block('Students_List', years),
    block('Activities_List', activities),
    '<Buildings_List>\n</Buildings_List>',
    block('Rooms_List', inst.rooms.map((r, ri) =>
      block('Room', [el('Name', roomN[ri]), el('Building', ''), el('Capacity', r.capacity ?? 30), el('Virtual', false), el('Comments', r.type ?? '')]))),
    block('Time_Constraints_List', time),
    block('Space_Constraints_List', space),
    '</fet>',
    '',
  ].join('\n');
  return { xml, notes, activityIds };
}

function exportLimits(out: string[], L: Limits, who: 'Teacher' | 'StudentsSet', nameEl: string, notes: string[], name: string): void {
  const con = (type: string, w: number | undefined, body: string[]): void => {
    out.push(block(`Constraint${who}${type}`, [el('Weight_Percentage', w ?? 100), ...(who === 'Teacher' ? [nameEl] : []), ...body, ...(who === 'StudentsSet' ? [nameEl] : []), el('Active', true), el('Comments', '')]));
  };
  if (L.maxPerDay) con('MaxHoursDaily', L.maxPerDay.weight, [el('Maximum_Hours_Daily', L.maxPerDay.onceAWeek ?? L.maxPerDay.value)]);
  if (L.minPerDay) con('MinHoursDaily', L.minPerDay.weight, [el('Minimum_Hours_Daily', L.minPerDay.value), el('Allow_Empty_Days', L.minPerDay.allowEmptyDays ?? true)]);
  if (L.maxGapsPerWeek) con('MaxGapsPerWeek', L.maxGapsPerWeek.weight, [el('Max_Gaps', L.maxGapsPerWeek.value)]);
  if (L.maxGapsPerDay) con('MaxGapsPerDay', L.maxGapsPerDay.weight, [el('Max_Gaps', L.maxGapsPerDay.value)]);
  if (L.maxContinuous) con('MaxHoursContinuously', L.maxContinuous.weight, [el('Maximum_Hours_Continuously', L.maxContinuous.value)]);
  if (who === 'Teacher') {
    if (L.maxDays) con('MaxDaysPerWeek', L.maxDays.weight, [el('Max_Days_Per_Week', L.maxDays.value)]);
    if (L.minDays) con('MinDaysPerWeek', L.minDays.weight, [el('Minimum_Days_Per_Week', L.minDays.value)]);
  } else {
    if (L.maxSecondPeriodStarts) con('EarlyMaxBeginningsAtSecondHour', L.maxSecondPeriodStarts.weight, [el('Max_Beginnings_At_Second_Hour', L.maxSecondPeriodStarts.value)]);
    if (L.maxDays || L.minDays) notes.push(`Ограничение дней в неделю для ${name} в FET не передано.`);
  }
}
