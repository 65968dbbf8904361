import type { LoadGrid, LoadRowOut, TeacherCard, TeacherSummary } from '../../../src-shared/contract/curriculumLoad';
import { round2 } from '../../../src-shared/domain/curriculum/hours';
import { loadKey, orphanAssignments, teacherTotals, vacancies, vacanciesBySubject, type LoadRow, type TeacherTotal } from '../../../src-shared/domain/curriculum/loadRows';
import { describeLoad, loadStatus, ratesOf, type LoadSettings } from '../../../src-shared/domain/curriculum/rates';
import { compareRu } from '../../../src-shared/domain/names';
import { loadStaff, readLoadSettings, sortStaff, type LoadStaff } from './repo/loadStaff';
import { loadYearData, subjectNameOf, weeksOf, yearLoadRows, type YearData } from './repo/yearData';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';
import { notFound } from '../foundation/refusals';

/** The load of a year as the grid, the teacher cards, «Вакансии» and the Excel files show it. */
export interface LoadModel {
  data: YearData;
  settings: LoadSettings;
  rows: LoadRow[];
  staff: Map<string, LoadStaff>;
  totals: Map<string, TeacherTotal>;
}

export async function loadModel(db: Executor, yearId: string): Promise<LoadModel> {
  const data = await loadYearData(db, yearId);
  // Positions and dismissals as they stand within the year: on its first day for a year to come, on its last for a past one.
  const t = schoolToday();
  const on = t < data.year.startDate ? data.year.startDate : t > data.year.endDate ? data.year.endDate : t;
  const [settings, staff] = await Promise.all([readLoadSettings(db), loadStaff(db, on)]);
  const rows = yearLoadRows(data);
  return { data, settings, rows, staff, totals: teacherTotals(rows, data.assignments, data.jointSlots) };
}

export function rowOut(m: LoadModel, r: LoadRow): LoadRowOut {
  const weeks = weeksOf(m.data, r.grade).reduce((a, b) => a + b, 0);
  return { ...r, annualHours: round2(r.hours * weeks) };
}

export function summaryOf(m: LoadModel, s: LoadStaff): TeacherSummary {
  const t = m.totals.get(s.id);
  const hours = t?.hours ?? 0;
  return {
    id: s.id,
    fullName: s.fullName,
    shortName: s.shortName,
    position: s.position,
    qualifiedSubjectIds: s.qualifiedSubjectIds,
    ownRate: s.ownRate,
    classroomHours: t?.classroomHours ?? 0,
    extracurricularHours: t?.extracurricularHours ?? 0,
    hours,
    rates: ratesOf(hours, m.settings.hoursPerRate),
    status: loadStatus(hours, m.settings, s.ownRate),
    dismissed: s.dismissed,
  };
}

/** Teachers of the grid: everyone with hours, plus the pedagogical staff still working. */
export function gridTeachers(m: LoadModel): TeacherSummary[] {
  return sortStaff([...m.staff.values()].filter((s) => m.totals.has(s.id) || (s.teaches && !s.dismissed) || s.qualifiedSubjectIds.length > 0)).map((s) => summaryOf(m, s));
}

function orphansOf(m: LoadModel, staffId?: string) {
  const name = subjectNameOf(m.data);
  return orphanAssignments(m.rows, m.data.assignments)
    .filter((a) => !staffId || a.staffId === staffId)
    .map((a) => {
      const full = m.data.assignments.find((x) => loadKey(x) === loadKey(a));
      return {
        classId: a.classId,
        className: m.data.classes.find((c) => c.id === a.classId)?.name ?? '?',
        subjectId: a.subjectId,
        subjectName: name(a.subjectId),
        groupNo: a.groupNo,
        staffId: a.staffId,
        staffName: m.staff.get(a.staffId)?.shortName ?? '?',
        version: full?.version ?? 1,
      };
    });
}

export function vacancyList(m: LoadModel) {
  const list = vacancies(m.rows, m.data.assignments);
  return { rows: list.map((r) => rowOut(m, r)), bySubject: vacanciesBySubject(list), totalHours: round2(list.reduce((s, r) => s + r.hours, 0)) };
}

export function gridOf(m: LoadModel): LoadGrid {
  const byKey = new Map(m.data.assignments.map((a) => [loadKey(a), a]));
  const cells = new Map<string, LoadGrid['cells'][number]>();
  for (const r of m.rows) {
    const key = `${r.classId}|${r.subjectId}`;
    const cell = cells.get(key) ?? { classId: r.classId, subjectId: r.subjectId, groupCount: r.groupCount, hours: r.hours, groups: [] };
    const a = byKey.get(loadKey(r));
    cell.groups.push({ groupNo: r.groupNo, version: a?.version ?? 0, staffId: a?.staffId ?? null, staffName: a ? (m.staff.get(a.staffId)?.shortName ?? '?') : null });
    cells.set(key, cell);
  }
  const used = new Set(m.rows.map((r) => r.subjectId));
  const subjects = [...m.data.subjects.values()]
    .filter((s) => used.has(s.id))
    .sort((a, b) => a.sortOrder - b.sortOrder || compareRu(a.name, b.name))
    .map((s) => ({ id: s.id, name: s.name, shortName: s.shortName }));
  const teachers = gridTeachers(m);
  const vac = vacancyList(m);
  const total = round2(m.rows.reduce((s, r) => s + r.hours, 0));
  return {
    yearName: m.data.year.name,
    readOnly: m.data.readOnly,
    settings: m.settings,
    subjects,
    classes: m.data.classes.map((c) => ({ id: c.id, name: c.name, grade: c.grade })),
    cells: [...cells.values()],
    teachers,
    vacancies: vac,
    orphans: orphansOf(m),
    totals: { hours: total, assignedHours: round2(total - vac.totalHours), vacantHours: vac.totalHours, rates: round2(teachers.reduce((s, t) => s + t.rates, 0)) },
  };
}

export async function loadGrid(db: Executor, yearId: string): Promise<LoadGrid> {
  return gridOf(await loadModel(db, yearId));
}

export async function teacherCard(db: Executor, yearId: string, staffId: string): Promise<TeacherCard> {
  const m = await loadModel(db, yearId);
  const s = m.staff.get(staffId);
  if (!s) throw notFound('Сотрудник');
  const summary = summaryOf(m, s);
  const versions = new Map(m.data.assignments.map((a) => [loadKey(a), a.version]));
  const mine = (m.totals.get(staffId)?.rows ?? []).sort((a, b) => a.grade - b.grade || compareRu(a.className, b.className) || compareRu(a.subjectName, b.subjectName));
  const qualified = new Set(s.qualifiedSubjectIds);
  return {
    yearName: m.data.year.name,
    settings: m.settings,
    teacher: summary,
    description: describeLoad(summary.hours, m.settings, s.ownRate),
    rows: mine.map((r) => ({ ...rowOut(m, r), version: versions.get(loadKey(r)) ?? 0 })),
    orphans: orphansOf(m, staffId),
    suggestions: vacancies(m.rows, m.data.assignments)
      .filter((r) => qualified.has(r.subjectId))
      .map((r) => rowOut(m, r)),
  };
}

export async function vacanciesOf(db: Executor, yearId: string) {
  return vacancyList(await loadModel(db, yearId));
}
