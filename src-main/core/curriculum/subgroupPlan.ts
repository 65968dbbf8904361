import type { SubgroupStatus } from '../../../src-shared/contract/curriculumLoad';
import { subjectGroups } from '../../../src-shared/domain/curriculum/checks';
import { activeRows } from '../../../src-shared/domain/curriculum/effectivePlan';
import { describeAttention, distributePupils, needsAttention, type AttentionPupil, type DistributeBy } from '../../../src-shared/domain/curriculum/subgroups';
import { fullName } from '../../../src-shared/domain/names';
import { visibleClassIds } from '../access/index';
import type { HandlerContext } from '../foundation/context';
import { subgroupMembersOn, writableYear } from '../schoolSetup/index';
import { classEffective, loadYearData, subjectNameOf, type YearClass, type YearData } from './repo/yearData';
import { addSubgroupMembers, insertSubgroup, rosterRows, subgroupsOfClasses, subgroupsOfSubject, yearOfClasses } from './repo/subgroups';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';
import { emitChanged } from '../foundation/events';

/**
 * The subgroups the plan asks for. Flags are computed from the dated class membership each time, so
 * a roster change made anywhere (the movement book, an import) shows up without anyone calling us:
 * a pupil who came into the class is «не распределён», one still listed after leaving is «выбыл».
 */
interface RosterRow extends AttentionPupil {
  sex: string;
}

async function rosterOf(db: Executor, classIds: string[], on: string): Promise<Map<string, RosterRow[]>> {
  const out = new Map<string, RosterRow[]>();
  for (const r of await rosterRows(db, classIds, on)) {
    const list = out.get(r.classId) ?? [];
    list.push({ pupilId: r.id, fullName: fullName(r), since: r.startDate, cause: r.cause, sex: r.sex });
    out.set(r.classId, list);
  }
  return out;
}

async function groupsOf(db: Executor, classIds: string[], on: string) {
  if (classIds.length === 0) return { groups: [], members: [] };
  const groups = await subgroupsOfClasses(db, classIds);
  const members = await subgroupMembersOn(
    db,
    groups.map((g) => g.id),
    on,
  );
  return { groups, members };
}

function splitSubjects(data: YearData, c: YearClass): Map<string, number> {
  return new Map([...subjectGroups(activeRows(classEffective(data, c)))].filter(([, n]) => n > 1));
}

export async function subgroupStatus(db: Executor, data: YearData, classes: YearClass[], on: string): Promise<SubgroupStatus[]> {
  const ids = classes.map((c) => c.id);
  const [roster, { groups, members }] = await Promise.all([rosterOf(db, ids, on), groupsOf(db, ids, on)]);
  const name = subjectNameOf(data);
  const out: SubgroupStatus[] = [];
  for (const c of classes) {
    const required = splitSubjects(data, c);
    const mine = groups.filter((g) => g.classId === c.id);
    const subjects = new Set([...required.keys(), ...mine.map((g) => g.subjectId)]);
    const pupils = roster.get(c.id) ?? [];
    const inClass = new Set(pupils.map((p) => p.pupilId));
    for (const subjectId of subjects) {
      const own = mine.filter((g) => g.subjectId === subjectId);
      const ownMembers = members.filter((m) => own.some((g) => g.id === m.subgroupId));
      const assigned = new Set(ownMembers.map((m) => m.id));
      const state = {
        required: required.get(subjectId) ?? 1,
        existing: own.length,
        unassigned: own.length ? pupils.filter((p) => !assigned.has(p.pupilId)).map(({ sex: _s, ...p }) => p) : [],
        strays: ownMembers.filter((m) => !inClass.has(m.id)).map((m) => ({ pupilId: m.id, fullName: fullName(m), since: m.startDate, cause: null })),
      };
      out.push({
        classId: c.id,
        className: c.name,
        subjectId,
        subjectName: name(subjectId),
        ...state,
        groups: own.map((g) => ({ id: g.id, name: g.name, ordinal: Number(g.ordinal), memberCount: ownMembers.filter((m) => m.subgroupId === g.id).length, version: Number(g.version) })),
        pupilCount: pupils.length,
        needsAttention: needsAttention(state),
        messages: describeAttention(c.name, name(subjectId), state),
      });
    }
  }
  return out;
}

export async function subgroupStatusOf(ctx: HandlerContext, yearId: string, on: string): Promise<SubgroupStatus[]> {
  const data = await loadYearData(ctx.core.db, yearId);
  const visible = await visibleClassIds(ctx);
  return subgroupStatus(ctx.core.db, data, data.classes.filter((c) => !visible || visible.has(c.id)), on);
}

/**
 * For the movement engineer and anyone else who changes rosters: the subgroups of these classes that
 * need attention on `on` (new pupils not in a subgroup, pupils listed after leaving), as Russian lines.
 */
export async function subgroupsNeedingAttention(db: Executor, classIds: string[], on: string): Promise<string[]> {
  const yearId = await yearOfClasses(db, classIds);
  if (!yearId) return [];
  const data = await loadYearData(db, yearId);
  const status = await subgroupStatus(db, data, data.classes.filter((c) => classIds.includes(c.id)), on);
  return status.filter((s) => s.needsAttention).flatMap((s) => s.messages);
}

const TECHNOLOGY = /труд|технолог/i;

export async function createSubgroupsFromPlan(
  ctx: HandlerContext,
  yearId: string,
  classIds: string[] | undefined,
  on: string,
  distribute: 'none' | 'list' | 'sexForTechnology',
): Promise<{ created: number; distributed: string[]; messages: string[] }> {
  const at = nowIso();
  const result = await ctx.core.db.transaction().execute(async (trx) => {
    await writableYear(trx, yearId);
    const data = await loadYearData(trx, yearId);
    const classes = data.classes.filter((c) => !classIds || classIds.includes(c.id));
    const name = subjectNameOf(data);
    let created = 0;
    const distributed: string[] = [];
    for (const c of classes) {
      const made: string[] = [];
      for (const [subjectId, count] of splitSubjects(data, c)) {
        const have = await subgroupsOfSubject(trx, c.id, subjectId);
        const names = new Set(have.map((h) => h.name));
        for (let n = 1; n <= count; n++) {
          if (names.has(`Группа ${n}`) || have.some((h) => Number(h.ordinal) === n)) continue;
          await insertSubgroup(trx, { classId: c.id, subjectId, name: `Группа ${n}`, ordinal: n }, at);
          made.push(`${name(subjectId)}: Группа ${n}`);
          created++;
        }
      }
      if (made.length) await ctx.audit.record(trx, { entity: 'subgroup', recordId: c.id, action: 'create', changes: { class: c.name, created: made }, cause: 'учебный план' });
    }
    if (distribute !== 'none') {
      for (const s of await subgroupStatus(trx, data, classes, on)) {
        // Only subjects nobody is in yet: an existing composition is the завуч's decision and stays.
        if (s.existing < 2 || s.unassigned.length !== s.pupilCount || s.pupilCount === 0) continue;
        const by: DistributeBy = distribute === 'sexForTechnology' && TECHNOLOGY.test(s.subjectName) ? 'sex' : 'list';
        const roster = (await rosterOf(trx, [s.classId], on)).get(s.classId) ?? [];
        const lists = distributePupils(
          roster.map((p) => ({ id: p.pupilId, fullName: p.fullName, sex: p.sex })),
          s.groups.length,
          by,
        );
        const ordered = [...s.groups].sort((a, b) => a.ordinal - b.ordinal);
        for (const [i, g] of ordered.entries()) {
          await addSubgroupMembers(trx, g, lists[i] ?? [], on, at);
        }
        const line = `${s.className}, «${s.subjectName}»: ${by === 'sex' ? 'по полу' : 'по списку'}`;
        distributed.push(line);
        await ctx.audit.record(trx, { entity: 'subgroup', recordId: s.classId, action: 'update', changes: { class: s.className, subject: s.subjectName, date: on, distributed: by === 'sex' ? 'по полу' : 'по списку' } });
      }
    }
    const after = await subgroupStatus(trx, data, classes, on);
    // One summary row for the call, also when there was nothing left to create.
    await ctx.audit.record(trx, { entity: 'subgroup', recordId: yearId, action: 'create', changes: { year: data.year.name, date: on, created, distributed: distributed.length }, cause: 'учебный план' });
    return { created, distributed, messages: after.filter((s) => s.needsAttention).flatMap((s) => s.messages) };
  });
  emitChanged(ctx, 'subgroup');
  return result;
}
