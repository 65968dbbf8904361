import type { curriculumContract } from '../../../src-shared/contract/curriculum';
import type { curriculumLoadContract } from '../../../src-shared/contract/curriculumLoad';
import type { curriculumJointsContract } from '../../../src-shared/contract/curriculumJoints';
import { copyFromYear } from '../curriculum/index';
import { curriculumExcel } from '../curriculum/index';
import { tarificationExcel, vacanciesExcel } from '../curriculum/index';
import { assignTeachers, saveLoadSettings, saveQualifications } from '../curriculum/index';
import { loadGrid, loadModel, teacherCard, vacanciesOf } from '../curriculum/index';
import { deletePlan, savePlan } from '../curriculum/index';
import { overview, planDetail, yearProblems } from '../curriculum/index';
import { loadStarterPlans } from '../curriculum/index';
import { createSubgroupsFromPlan, subgroupStatusOf } from '../curriculum/index';
import { loadYearData } from '../curriculum/index';
import { deleteJoint, listJoints, saveJoint } from '../curriculum/index';
import type { Handlers } from './types';
import { schoolToday } from '../foundation/clock';
import { schoolShortName } from '../schoolSetup/index';


/** Curriculum, teaching load, vacancies and subgroups by the plan (issue 7). */
export const curriculumHandlers: Handlers<typeof curriculumContract & typeof curriculumLoadContract & typeof curriculumJointsContract> = {
  'curriculum.overview': async ({ yearId }, ctx) => overview(await loadYearData(ctx.core.db, yearId)),
  'curriculum.plan.get': async ({ yearId, grade, classId }, ctx) => planDetail(await loadYearData(ctx.core.db, yearId), grade, classId),
  'curriculum.plan.save': async (input, ctx) => savePlan(ctx, input),
  'curriculum.plan.delete': async ({ id, version }, ctx) => deletePlan(ctx, id, version),
  'curriculum.plan.loadStarter': async ({ yearId, grades, replace }, ctx) => loadStarterPlans(ctx, yearId, grades, replace),
  'curriculum.plan.copy': async ({ fromYearId, toYearId, includeLoad, replace }, ctx) => copyFromYear(ctx, fromYearId, toYearId, includeLoad, replace),
  'curriculum.checks': async ({ yearId }, ctx) => ({ problems: yearProblems(await loadYearData(ctx.core.db, yearId)) }),
  'curriculum.export': async ({ yearId, by }, ctx) => curriculumExcel(await loadYearData(ctx.core.db, yearId), await schoolShortName(ctx.core.db), by),
  'curriculum.joints.list': async (input, ctx) => listJoints(ctx, input.yearId),
  'curriculum.joints.save': async (input, ctx) => saveJoint(ctx, input),
  'curriculum.joints.delete': async (input, ctx) => deleteJoint(ctx, input),
  'load.grid': async ({ yearId }, ctx) => loadGrid(ctx.core.db, yearId),
  'load.assign': async ({ yearId, changes }, ctx) => assignTeachers(ctx, yearId, changes),
  'load.teacher': async ({ yearId, staffId }, ctx) => teacherCard(ctx.core.db, yearId, staffId),
  'load.qualifications.save': async ({ staffId, subjectIds }, ctx) => saveQualifications(ctx, staffId, subjectIds),
  'load.settings.save': async (settings, ctx) => saveLoadSettings(ctx, settings),
  'load.vacancies': async ({ yearId }, ctx) => vacanciesOf(ctx.core.db, yearId),
  'load.export.tarification': async ({ yearId }, ctx) => {
    const m = await loadModel(ctx.core.db, yearId);
    const file = await tarificationExcel(m, await schoolShortName(ctx.core.db));
    // Teachers' names and load leave the app: say which file, which year and how many rows (152-ФЗ).
    await ctx.audit.record(ctx.core.db, { entity: 'teachingAssignment', recordId: yearId, action: 'export', changes: { format: 'xlsx', file: file.fileName, year: m.data.year.name, rows: file.rows } });
    return file;
  },
  'load.export.vacancies': async ({ yearId }, ctx) => vacanciesExcel(await loadModel(ctx.core.db, yearId), await schoolShortName(ctx.core.db)),
  'curriculum.subgroups.status': async ({ yearId, date }, ctx) => {
    const on = date ?? schoolToday();
    return { date: on, items: await subgroupStatusOf(ctx, yearId, on) };
  },
  'curriculum.subgroups.create': async ({ yearId, classIds, date, distribute }, ctx) => createSubgroupsFromPlan(ctx, yearId, classIds, date, distribute),
};
