import type { PlanDetail, PlanRowInput } from '../../../src-shared/contract/curriculum';
import type { TestCore } from '../../helpers/testDb';
import { createYear } from '../schoolSetup/setupHelpers';

/** A year with half-years for grades 5–9, classes 5А–5В and the ФОП starter plan of grade 5, made through the API. */
export const HALF_YEARS = [
  { name: 'I полугодие', startDate: '2026-09-01', endDate: '2026-12-28' },
  { name: 'II полугодие', startDate: '2027-01-11', endDate: '2027-05-26' },
];

export async function yearWithGrade5(t: TestCore, letters = ['А', 'Б', 'В']) {
  const year = await createYear(t, undefined, {});
  await t.client.call('setup.periods.save', { yearId: year.id, id: null, version: 0, scheme: { name: 'Полугодия', kind: 'halfYears', grades: [5, 6, 7, 8, 9], periods: HALF_YEARS } });
  await t.client.call('setup.classes.createMany', { yearId: year.id, grades: [5], letters });
  const { classes } = await t.client.call('setup.classes.list', { yearId: year.id });
  await t.client.call('curriculum.plan.loadStarter', { yearId: year.id, grades: [5] });
  const subjects = new Map((await t.client.call('setup.subjects.list')).subjects.map((s) => [s.name, s.id]));
  return { year, classes: new Map(classes.map((c) => [c.name, c])), subjects };
}

export function inputRows(plan: PlanDetail): PlanRowInput[] {
  return plan.rows
    .filter((r) => r.origin !== 'removed')
    .map((r) => ({ subjectId: r.subjectId, part: r.part, hours: r.hours, groups: r.groups, doubles: r.doubles, assessment: r.assessment }));
}

export async function savePlan(t: TestCore, plan: PlanDetail, rows: PlanRowInput[]) {
  return t.client.call('curriculum.plan.save', { yearId: plan.yearId, grade: plan.grade, classId: plan.classId, version: plan.plan.version, weeksPerYear: null, note: plan.plan.note, rows });
}

export function classroomTotal(plan: PlanDetail): number {
  return plan.rows.filter((r) => r.origin !== 'removed' && r.part !== 'extracurricular').reduce((s, r) => s + r.hours[0], 0);
}
