import type { VersionView } from '../../../src-shared/contract/timetableFields';
import { fullName, shortName } from '../../../src-shared/domain/names';
import type { HandlerContext } from '../foundation/context';
import { availabilityMap, loadVersion, type LoadedVersion } from './versionStore';
import { evaluateLoaded, figuresOf } from './evaluation';
import { seesLesson, timetableScope, type TimetableScope } from './scope';
import { metaOf, visibleVersion } from './versionQueries';
import { classNames, staffNames } from './repo/setup';

/**
 * The one call behind every view (class, teacher, room, master): the version's days, period axis,
 * bells, labels, lessons and placements — for a class teacher or a teacher only their class and
 * their own lessons. Current names win over the snapshot where the record still exists.
 */

type Ctx = Pick<HandlerContext, 'core' | 'caller'>;

async function currentNames(ctx: Ctx, v: LoadedVersion) {
  const db = ctx.core.db;
  const teacherIds = v.labels.teachers.map((t) => t.id);
  const classIds = v.grid.classes.map((c) => c.id);
  const [staff, classes] = await Promise.all([staffNames(db, teacherIds), classNames(db, classIds)]);
  return { staff: new Map(staff.map((s) => [s.id, s])), classes: new Map(classes.map((c) => [c.id, c.name])) };
}

export function scopeLessons(v: LoadedVersion, scope: TimetableScope) {
  if (scope.all) return { lessons: v.lessons, placements: v.placements };
  const lessons = v.lessons.filter((l) => seesLesson(scope, l.audiences.map((a) => a.classId), l.teacherIds));
  const ids = new Set(lessons.map((l) => l.id));
  return { lessons, placements: v.placements.filter((p) => ids.has(p.lessonId)) };
}

export async function getVersionView(ctx: Ctx, id: string): Promise<VersionView> {
  const row = await visibleVersion(ctx, id);
  const v = await loadVersion(ctx.core.db, id, row);
  const scope = await timetableScope(ctx);
  const names = await currentNames(ctx, v);
  const { lessons, placements } = scopeLessons(v, scope);
  const teacherIds = new Set(lessons.flatMap((l) => l.teacherIds));
  const roomIds = new Set([...lessons.flatMap((l) => l.roomIds), ...placements.map((p) => p.roomId).filter((r): r is string => Boolean(r))]);
  const subjectIds = new Set(lessons.map((l) => l.subjectId));
  return {
    meta: await metaOf(ctx, row),
    days: v.grid.days,
    periods: v.grid.periods,
    bells: v.grid.bells,
    classes: v.grid.classes
      // Without the whole school: the classes whose timetable the caller may open (their own).
      .filter((c) => scope.all || scope.classIds.has(c.id))
      .map(({ closed: _c, ...c }) => ({ ...c, name: names.classes.get(c.id) ?? c.name })),
    teachers: v.labels.teachers
      .filter((t) => scope.all || teacherIds.has(t.id))
      .map((t) => {
        const s = names.staff.get(t.id);
        return s ? { id: t.id, fullName: fullName(s), shortName: shortName(s) } : t;
      }),
    rooms: v.labels.rooms.filter((r) => scope.all || roomIds.has(r.id)).map(({ typeId: _t, active: _a, ...r }) => r),
    subjects: v.labels.subjects.filter((s) => scope.all || subjectIds.has(s.id)),
    lessons: lessons.map((l) => ({ ...l, audiences: l.audiences.map((a) => ({ ...a, label: `${names.classes.get(a.classId) ?? a.label.split(' гр.')[0]}${a.groupNo ? ` гр. ${a.groupNo}` : ''}` })) })),
    placements,
    scope: { all: scope.all, classIds: [...scope.classIds], staffId: scope.staffId },
  };
}

export async function getVersionFigures(ctx: Ctx, id: string) {
  const row = await visibleVersion(ctx, id);
  const v = await loadVersion(ctx.core.db, id, row);
  const scope = await timetableScope(ctx);
  return figuresOf(v, evaluateLoaded(v, await availabilityMap(ctx.core.db, row.academicYearId)), scope);
}
