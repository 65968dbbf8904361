import type { CmClass, CmCsg, ExportCm } from '../formats/exportCm';

/**
 * What ExportCM.nsxml says beyond its lists, derived once: which shift and which weekdays each class
 * studies (from the current week's lessons: `timeId` → the lesson time's shift, `wd` → the day),
 * which csg are one group shared by several classes (the same csg id under each class: an ИУП
 * group «…/10АБ»), and the number of every group inside its class and subject — by the portal's
 * group id, not by the order of the rows.
 */
export interface CmFacts {
  /** Portal class id → its shift by the majority of its lessons; absent when the file has no lessons for it. */
  shiftOf: Map<string, number>;
  /** Portal class id → ISO weekdays (1 = Monday … 7 = Sunday) it has lessons on. */
  daysOf: Map<string, Set<number>>;
  /** Shift → ISO weekdays any class of it has lessons on. */
  shiftDays: Map<number, Set<number>>;
  /** Csg id → portal class ids it is listed under (two or more: a joint group). */
  classesOfCsg: Map<string, string[]>;
  /** `${classId}|${csgId}` → group number in the class's subject: 0 = the whole class, 1…n = a subgroup. */
  groupNo: Map<string, number>;
  /** `${classId}|${sid}` → how many groups the class's subject is split into (1 = not split). */
  groupsOf: Map<string, number>;
  /** Csg a class lists twice for a subject without a group id (the second one cannot be placed). */
  duplicates: Set<string>;
  /** Lessons whose csg or time the file does not know. */
  strayLessons: number;
}

/** ISO weekday of the portal's `wd` (VBScript: 1 = Sunday, 2 = Monday … 7 = Saturday). */
export function isoWeekday(wd: number): number {
  return wd === 1 ? 7 : wd - 1;
}

/** Group ids as numbers when every one is a small distinct integer (1, 2…): they are the group numbers. */
function numbering(csgs: readonly CmCsg[]): Map<string, number> {
  const ids = [...new Set(csgs.map((g) => g.groupId ?? ''))];
  const small = ids.every((id) => /^[1-9]$/.test(id));
  const sorted = [...ids].sort((a, b) => (Number(a) - Number(b)) || a.localeCompare(b));
  return new Map(ids.map((id) => [id, small ? Number(id) : sorted.indexOf(id) + 1]));
}

export function cmFacts(cm: ExportCm): CmFacts {
  const facts: CmFacts = { shiftOf: new Map(), daysOf: new Map(), shiftDays: new Map(), classesOfCsg: new Map(), groupNo: new Map(), groupsOf: new Map(), duplicates: new Set(), strayLessons: 0 };
  for (const c of cm.classes) {
    for (const g of c.csgs) {
      const list = facts.classesOfCsg.get(g.id) ?? [];
      if (!list.includes(c.id)) list.push(c.id);
      facts.classesOfCsg.set(g.id, list);
    }
    numberGroups(facts, c);
  }
  // Shifts and days from the current week's lessons.
  const timeShift = new Map(cm.lessonTimes.map((t) => [t.id, t.shift]));
  const perClass = new Map<string, Map<number, number>>();
  for (const l of cm.lessons ?? []) {
    const shift = timeShift.get(l.timeId);
    const classes = facts.classesOfCsg.get(l.csgId);
    if (shift === undefined || !classes) {
      facts.strayLessons++;
      continue;
    }
    const day = isoWeekday(l.wd);
    for (const id of classes) {
      const counts = perClass.get(id) ?? new Map<number, number>();
      counts.set(shift, (counts.get(shift) ?? 0) + 1);
      perClass.set(id, counts);
      const days = facts.daysOf.get(id) ?? new Set<number>();
      days.add(day);
      facts.daysOf.set(id, days);
    }
  }
  for (const [id, counts] of perClass) {
    const shift = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    facts.shiftOf.set(id, shift);
  }
  for (const [id, days] of facts.daysOf) {
    const shift = facts.shiftOf.get(id)!;
    const all = facts.shiftDays.get(shift) ?? new Set<number>();
    for (const d of days) all.add(d);
    facts.shiftDays.set(shift, all);
  }
  return facts;
}

/**
 * Numbers of the groups of each subject of a class. A subject the class lists once is taught to
 * the whole class (0), a group or not — a single ИУП group is the class's subject, not a division
 * of it. Several csg are subgroups numbered by the portal's group id.
 */
function numberGroups(facts: CmFacts, c: CmClass): void {
  const bySubject = new Map<string, CmCsg[]>();
  for (const g of c.csgs) bySubject.set(g.sid, [...(bySubject.get(g.sid) ?? []), g]);
  for (const [sid, csgs] of bySubject) {
    const key = `${c.id}|${sid}`;
    if (csgs.length === 1) {
      facts.groupNo.set(`${c.id}|${csgs[0].id}`, 0);
      facts.groupsOf.set(key, 1);
      continue;
    }
    const groups = csgs.filter((g) => g.groupId);
    const whole = csgs.filter((g) => !g.groupId);
    // A whole-class csg next to groups of the same subject, or twice: only the first can be placed.
    whole.forEach((g, i) => {
      if (groups.length > 0 || i > 0) facts.duplicates.add(`${c.id}|${g.id}`);
      else facts.groupNo.set(`${c.id}|${g.id}`, 0);
    });
    if (groups.length === 0) {
      facts.groupsOf.set(key, 1);
      continue;
    }
    const no = numbering(groups);
    const seen = new Set<number>();
    for (const g of groups) {
      const n = no.get(g.groupId ?? '')!;
      if (seen.has(n)) {
        facts.duplicates.add(`${c.id}|${g.id}`);
        continue;
      }
      seen.add(n);
      facts.groupNo.set(`${c.id}|${g.id}`, n);
    }
    facts.groupsOf.set(key, Math.max(...seen));
  }
}

export interface NotImported {
  part: string;
  count: number;
  reason: string;
}

/** Parts of ExportCM the program has no place for, each with its count: the preview lists them. */
export function cmNotImported(cm: ExportCm, facts: CmFacts): NotImported[] {
  const out: NotImported[] = [];
  const lessons = cm.lessons ?? [];
  if (lessons.length > 0) {
    const days = new Set(lessons.map((l) => l.wd)).size;
    out.push({
      part: 'Расписание текущей недели (раздел TimeTable)',
      count: lessons.length,
      reason: `уроков: ${lessons.length}, учебных дней: ${days}. Само расписание загружается в разделе «Расписание»; отсюда взяты только смены классов и их учебные дни`,
    });
  } else {
    out.push({ part: 'Расписание текущей недели (раздел TimeTable)', count: 0, reason: 'в файле его нет: смены классов и учебные дни не известны — классы записаны в 1 смену, звонки — на пн–пт' });
  }
  if (facts.strayLessons > 0) out.push({ part: 'Уроки с неизвестной группой или временем', count: facts.strayLessons, reason: 'csg или timeId урока нет в разделах Plan и LessonTimes — такие уроки не учтены при определении смен и дней' });
  const withSex = cm.classes.filter((c) => c.boys !== null || c.girls !== null).length;
  if (withSex > 0) out.push({ part: 'Число мальчиков и девочек в классах', count: withSex, reason: 'в программе оно считается по карточкам обучающихся' });
  const withCount = cm.classes.filter((c) => c.studcnt !== null).length;
  if (withCount > 0) out.push({ part: 'Число обучающихся в классах (studcnt)', count: withCount, reason: 'не записывается: классы наполняются из списка учащихся; расхождения показывает «Сверка»' });
  const groupSizes = cm.classes.reduce((n, c) => n + c.csgs.filter((g) => g.groupId && g.studcnt !== null).length, 0);
  if (groupSizes > 0) out.push({ part: 'Число обучающихся в группах (studcnt у csg)', count: groupSizes, reason: 'состав групп в файле не указан: подгруппы создаются пустыми, их состав задаётся в программе' });
  const foreign = cm.subjects.filter((s) => s.foreign).length;
  if (foreign > 0) out.push({ part: 'Признак «иностранный язык» у предметов (foreign)', count: foreign, reason: 'в карточке предмета такого признака нет' });
  for (const [name, count] of Object.entries(cm.unknown ?? {})) out.push({ part: `Раздел <${name}>`, count, reason: 'программе не известен' });
  return out;
}
