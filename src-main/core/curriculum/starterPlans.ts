import { z } from 'zod';
import starterFile from '../../../assets/curriculum-starter.json';
import type { ClassRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { PART_KEYS } from '../../../src-shared/domain/curriculum/parts';
import { searchKey } from '../../../src-shared/domain/names';
import type { HandlerContext } from '../foundation/context';
import { addStarterSubjects } from '../schoolSetup/index';
import { writableYear } from '../schoolSetup/index';
import { findPlan, insertPlan, subjectIdsByName, updatePlanHeader, writeRows } from './repo/plans';
import type { Executor } from '../foundation/executor';
import { nowIso } from '../foundation/clock';
import { emitChanged } from '../foundation/events';

/**
 * The shipped starter plans (`assets/curriculum-starter.json`, ФОП НОО/ООО/СОО): editable data the
 * завуч loads into a year and then changes. Subjects are matched by name (ё = е, any case); the
 * standard subject list is added first, so every starter subject exists.
 */
const starterSchema = z.object({
  plans: z.array(
    z.object({
      grade: z.number().int().min(1).max(11),
      weeksPerYear: z.number().int(),
      programme: z.string(),
      rows: z.array(
        z.object({
          subject: z.string().min(1),
          part: z.enum(PART_KEYS),
          hours: z.number().min(0),
          groups: z.number().int().min(1).max(4).optional(),
          doubles: z.number().int().min(-1).max(5).optional(),
          assessment: z.string().optional(),
          verify: z.string().optional(),
        }),
      ),
    }),
  ),
});

export type StarterPlans = z.output<typeof starterSchema>;

export function starterPlans(): StarterPlans {
  return starterSchema.parse(starterFile);
}

/** The starter rows of a grade with the school's subject ids (matched by name). */
export function starterRows(grade: number, subjectIdOf: (name: string) => string | undefined): ClassRow[] {
  const plan = starterPlans().plans.find((p) => p.grade === grade);
  if (!plan) return [];
  return plan.rows.map((r) => {
    const subjectId = subjectIdOf(r.subject);
    // The starter file names only subjects of the standard list, which is added first: a miss is a bug in the file.
    if (!subjectId) throw new Error(`curriculum-starter.json: no subject «${r.subject}» for grade ${grade}`);
    return { subjectId, part: r.part, hours: [r.hours], groups: r.groups ?? 1, doubles: r.doubles ?? 0, assessment: r.assessment ?? null, excluded: false };
  });
}

/** Subject ids by normalised name, after adding the standard subjects that are missing. */
export async function starterSubjectIds(db: Executor, at: string): Promise<{ idOf: (name: string) => string | undefined; added: string[] }> {
  const added = (await addStarterSubjects(db, at)).added;
  const subjects = await subjectIdsByName(db, searchKey);
  return { idOf: (name) => subjects.get(searchKey(name)), added };
}

export interface StarterResult {
  created: number[];
  replaced: number[];
  skipped: number[];
  subjectsAdded: string[];
}

export async function loadStarterPlans(ctx: HandlerContext, yearId: string, grades: number[], replace: boolean): Promise<StarterResult> {
  const starter = starterPlans();
  const at = nowIso();
  const result = await ctx.core.db.transaction().execute(async (trx) => {
    const year = await writableYear(trx, yearId);
    const { idOf, added: subjectsAdded } = await starterSubjectIds(trx, at);
    const out: StarterResult = { created: [], replaced: [], skipped: [], subjectsAdded };
    for (const grade of grades) {
      const plan = starter.plans.find((p) => p.grade === grade);
      if (!plan) continue;
      const rows = starterRows(grade, idOf);
      const existing = await findPlan(trx, yearId, grade, null);
      if (existing && !replace) {
        out.skipped.push(grade);
        continue;
      }
      if (existing) {
        await updatePlanHeader(trx, existing, { weeksPerYear: plan.weeksPerYear, note: plan.programme }, at);
        await writeRows(trx, existing.id, rows);
        out.replaced.push(grade);
      } else {
        const id = await insertPlan(trx, { yearId, grade, classId: null, weeksPerYear: plan.weeksPerYear, note: plan.programme }, at);
        await writeRows(trx, id, rows);
        out.created.push(grade);
      }
    }
    await ctx.audit.record(trx, { recordId: yearId, action: 'create', changes: { year: year.name, created: out.created, replaced: out.replaced, skipped: out.skipped, subjectsAdded }, cause: 'стартовые учебные планы по ФОП' });
    return out;
  });
  emitChanged(ctx, 'curriculumPlan');
  return result;
}
