import type { LessonOut, PlacementOut, SummaryFigures, TimetableOptions } from '../../../src-shared/contract/timetableFields';
import { timetableOptions } from '../../../src-shared/contract/timetableFields';
import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';
import { writableYear } from '../schoolSetup/index';
import type { BuiltSnapshot } from './buildSnapshot';
import { VIOLATION_LABELS, type TimetableInstance } from './engine';
import { toInstance } from './instance';
import { evaluateLoaded, summaryOfReport } from './evaluation';
import { findVersion, versionsOfYear, type VersionRow } from './repo/versions';
import { lessonsOf, placementsOf } from './repo/lessons';
import type { GridSnapshot, LabelSnapshot } from './snapshot';
import { insertDraft } from './versionService';
import { availabilityMap, labelAudiences, loadVersion, periodOf, prepareSnapshot, type LoadedVersion } from './versionStore';
import { visibleVersion } from './versionQueries';

/**
 * What the exchange with other programs (the portal, aSc Timetables, FET — issue 17) needs of the
 * timetable domain: the school's lessons as a new version would get them (to match a file's
 * lessons against), a new draft saved from a file inside the importer's own transaction (every id
 * checked to resolve), the version a file already became (so a second apply of the same file is a
 * no-op), and a version as an exporter reads it.
 */

export type ImportSource = 'portal' | 'asc' | 'fet';

export interface ImportBase {
  period: { studyPeriodId: string | null; name: string; start: string | null; end: string | null };
  options: TimetableOptions;
  built: BuiltSnapshot;
}

/** The plan and load of a year as lessons of a new draft (nothing placed), with its grid and names. */
export async function importBase(db: Executor, yearId: string, studyPeriodId: string | null, options?: TimetableOptions): Promise<ImportBase> {
  const period = await periodOf(db, yearId, studyPeriodId);
  const opts = options ?? timetableOptions.parse({});
  const { built } = await prepareSnapshot(db, yearId, period, opts);
  return { period, options: opts, built };
}

export interface ImportedDraft {
  yearId: string;
  name: string;
  period: ImportBase['period'];
  options: TimetableOptions;
  source: ImportSource;
  basedOnId: string | null;
  grid: GridSnapshot;
  labels: LabelSnapshot;
  lessons: LessonOut[];
  placements: PlacementOut[];
  /** Russian words for the audit row: the file it came from. */
  cause: string;
}

/**
 * Every placement names a lesson of the draft, an occurrence it has, a day and a position of the
 * grid; a lesson's audiences name classes of the grid. An importer that got this wrong would save a
 * version the screens cannot draw — refused as an internal mistake, with what is wrong.
 */
function checkResolves(d: ImportedDraft): void {
  const lessons = new Map(d.lessons.map((l) => [l.id, l]));
  if (lessons.size !== d.lessons.length) throw new AppError('INTERNAL', 'Импорт расписания: у двух уроков один идентификатор');
  const classes = new Set(d.grid.classes.map((c) => c.id));
  for (const l of d.lessons) {
    if (l.count < 1 || l.duration < 1) throw new AppError('INTERNAL', `Импорт расписания: у урока ${l.key} нет занятий`);
    for (const a of l.audiences) if (!classes.has(a.classId)) throw new AppError('INTERNAL', `Импорт расписания: урок ${l.key} для класса, которого нет в сетке`);
  }
  const seen = new Set<string>();
  for (const p of d.placements) {
    const l = lessons.get(p.lessonId);
    const k = `${p.lessonId}:${p.index}`;
    if (!l || p.index >= l.count || seen.has(k)) throw new AppError('INTERNAL', `Импорт расписания: размещение ${k} не относится ни к одному уроку`);
    seen.add(k);
    if (p.day < 0 || p.day >= d.grid.days.length || p.period < 0 || p.period + l.duration > d.grid.periods.length) throw new AppError('INTERNAL', `Импорт расписания: размещение ${k} вне сетки`);
  }
}

export interface SavedImport {
  id: string;
  summary: SummaryFigures;
  /** Clashes the file's timetable holds (kept, as real exports have them): who, where. */
  clashes: { kind: string; who: string; where: string }[];
}

const CLASHES = new Set(['teacherClash', 'studentClash', 'roomClash']);

function clashesOf(d: ImportedDraft, e: ReturnType<typeof evaluateLoaded>): SavedImport['clashes'] {
  const inst = e.instance;
  const out: SavedImport['clashes'] = [];
  const where = (slots: { day: number; period: number }[]) =>
    [...new Set(slots.map((s) => `${d.grid.days[s.day]?.short ?? s.day + 1}, урок ${d.grid.periods[s.period]?.label ?? s.period + 1}`))].join(', ');
  for (const v of e.report.violations) {
    if (!CLASHES.has(v.kind)) continue;
    const x = v.entity;
    const who =
      x.type === 'teacher'
        ? `учитель ${d.labels.teachers.find((t) => t.id === inst.teachers[x.index]?.id)?.fullName ?? inst.teachers[x.index]?.name ?? ''}`
        : x.type === 'cell'
          ? `класс ${x.name}`
          : x.type === 'room'
            ? `кабинет ${inst.rooms[x.index]?.name ?? ''}`
            : '';
    out.push({ kind: VIOLATION_LABELS[v.kind] ?? v.kind, who, where: where(v.slots) });
  }
  return out;
}

/** Saves a new draft from a file inside the caller's transaction. */
export async function saveImportedDraft(ctx: HandlerContext, trx: Executor, d: ImportedDraft): Promise<SavedImport> {
  await writableYear(trx, d.yearId);
  checkResolves(d);
  labelAudiences(d.grid, d.lessons);
  const availability = await availabilityMap(trx, d.yearId);
  const loaded = { row: { id: '', name: d.name } as VersionRow, grid: d.grid, labels: d.labels, options: d.options, lessons: d.lessons, placements: d.placements };
  const e = evaluateLoaded(loaded as LoadedVersion, availability);
  const summary = summaryOfReport(loaded, e.report, nowIso());
  const id = await insertDraft(trx, ctx, { yearId: d.yearId, name: d.name, period: d.period, options: d.options, source: d.source, basedOnId: d.basedOnId }, { grid: d.grid, labels: d.labels }, d.lessons, d.placements, summary);
  await ctx.audit.record(trx, {
    entity: 'timetableVersion',
    recordId: id,
    action: 'create',
    changes: { name: [null, d.name], source: [null, d.source], lessons: [null, d.lessons.length], placements: [null, d.placements.length] },
    cause: d.cause,
  });
  return { id, summary, clashes: clashesOf(d, e) };
}

/**
 * A version's content independent of ids: every occurrence as subject, kind, audiences, teachers
 * and duration with its day, position and room (or «not placed»). Two versions with the same
 * fingerprint show the same timetable.
 */
export function contentFingerprint(lessons: readonly LessonOut[], placements: readonly PlacementOut[]): string {
  const at = new Map(placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
  const lines: string[] = [];
  for (const l of lessons) {
    const who = `${l.kind}|${l.subjectId}|${l.audiences.map((a) => `${a.classId}:${a.groupNo}`).sort().join(',')}|${[...l.teacherIds].sort().join(',')}|d${l.duration}`;
    const slots: string[] = [];
    for (let k = 0; k < l.count; k++) {
      const p = at.get(`${l.id}:${k}`);
      slots.push(p ? `${p.day}:${p.period}:${p.roomId ?? ''}` : '-');
    }
    slots.sort();
    for (const s of slots) lines.push(`${who}@${s}`);
  }
  return lines.sort().join('\n');
}

/** The version of the year a file already became: same source and the same timetable (a re-apply). */
export async function findSameImport(db: Executor, yearId: string, source: ImportSource, fingerprint: string): Promise<VersionRow | null> {
  for (const row of await versionsOfYear(db, yearId)) {
    if (row.source !== source) continue;
    const [lessons, placements] = await Promise.all([lessonsOf(db, row.id), placementsOf(db, row.id)]);
    if (contentFingerprint(lessons, placements) === fingerprint) return row;
  }
  return null;
}

/** A version as an exporter reads it (drafts only for the whole school's readers). */
export async function versionForExport(ctx: Pick<HandlerContext, 'core' | 'caller'>, versionId: string): Promise<LoadedVersion> {
  const row = await visibleVersion(ctx, versionId);
  return loadVersion(ctx.core.db, row.id, row);
}

/** A version read inside a transaction, for an import based on it (FET results). */
export async function versionById(db: Executor, versionId: string): Promise<LoadedVersion | null> {
  const row = await findVersion(db, versionId);
  return row ? loadVersion(db, row.id, row) : null;
}


/** A version as the engine's instance (with the teachers' time off), the same one its FET file is written from. */
export async function versionInstance(db: Executor, v: LoadedVersion): Promise<TimetableInstance> {
  const availability = await availabilityMap(db, v.row.academicYearId);
  return toInstance({ grid: v.grid, labels: v.labels, lessons: v.lessons, availability, name: v.row.name });
}
