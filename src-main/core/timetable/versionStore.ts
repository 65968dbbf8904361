import type { AvailabilitySlot, LessonOut, PlacementOut, PrecheckOut, TimetableOptions } from '../../../src-shared/contract/timetableFields';
import type { Executor } from '../foundation/executor';
import { notFound } from '../foundation/refusals';
import { slotsOf } from './snapshot';
import { buildSnapshot, type BuildPeriod, type BuiltSnapshot } from './buildSnapshot';
import { lessonsOf, placementsOf } from './repo/lessons';
import { runPrecheck } from './precheck';
import { loadSchoolData, type SchoolData } from './repo/schoolData';
import { availabilityOfYear, studyPeriodById } from './repo/setup';
import { EMPTY_GRID, EMPTY_LABELS, parseJson, type GridSnapshot, type LabelSnapshot } from './snapshot';
import { optionsOf } from './versionMeta';
import { findVersion, type VersionRow } from './repo/versions';

/** A version as the services work with it: row, snapshots, lessons and placements, read once. */
export interface LoadedVersion {
  row: VersionRow;
  grid: GridSnapshot;
  labels: LabelSnapshot;
  options: TimetableOptions;
  lessons: LessonOut[];
  placements: PlacementOut[];
}

/** «7Б», «7Б гр. 2»: audience labels from the grid's class names. */
export function labelAudiences(grid: GridSnapshot, lessons: LessonOut[]): LessonOut[] {
  const names = new Map(grid.classes.map((c) => [c.id, c.name]));
  for (const l of lessons) for (const a of l.audiences) a.label = `${names.get(a.classId) ?? '—'}${a.groupNo ? ` гр. ${a.groupNo}` : ''}`;
  return lessons;
}

export async function loadVersion(db: Executor, id: string, row?: VersionRow): Promise<LoadedVersion> {
  const r = row ?? (await findVersion(db, id));
  if (!r) throw notFound('Версия расписания');
  const grid = parseJson<GridSnapshot>(r.grid, EMPTY_GRID);
  const [lessons, placements] = await Promise.all([lessonsOf(db, r.id), placementsOf(db, r.id)]);
  return { row: r, grid, labels: parseJson<LabelSnapshot>(r.labels, EMPTY_LABELS), options: optionsOf(r), lessons: labelAudiences(grid, lessons), placements };
}

export async function availabilityMap(db: Executor, yearId: string): Promise<Map<string, AvailabilitySlot[]>> {
  return new Map((await availabilityOfYear(db, yearId)).map((a) => [a.staffId, slotsOf(a.slots)]));
}

/** The study period a version is for, as the builder needs it. */
export async function periodOf(db: Executor, yearId: string, studyPeriodId: string | null): Promise<BuildPeriod> {
  if (studyPeriodId === null) return { studyPeriodId: null, name: 'Учебный год', start: null, end: null };
  const p = await studyPeriodById(db, studyPeriodId);
  if (!p || p.academicYearId !== yearId) throw notFound('Учебный период');
  return { studyPeriodId: p.id, name: p.name, start: p.startDate, end: p.endDate };
}

export interface PreparedSnapshot {
  data: SchoolData;
  built: BuiltSnapshot;
  precheck: PrecheckOut;
}

/** Reads the school, builds the lessons and runs the pre-check. */
export async function prepareSnapshot(db: Executor, yearId: string, period: BuildPeriod, options: TimetableOptions): Promise<PreparedSnapshot> {
  const data = await loadSchoolData(db, yearId, period.start);
  const built = buildSnapshot(data, options, period);
  labelAudiences(built.grid, built.lessons);
  const precheck = runPrecheck({ yearId, grid: built.grid, labels: built.labels, lessons: built.lessons, availability: data.availability }, built.items);
  return { data, built, precheck };
}
