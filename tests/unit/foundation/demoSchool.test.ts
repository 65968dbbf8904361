import { expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';

it('generates a small school with one class per grade (no parallel class to transfer pupils to)', () => {
  const school = generateSchool({ classesPerGrade: 1, classSize: 12 });
  expect(school.classes.map((c) => c.name)).toEqual(['1А', '2А', '3А', '4А', '5А', '6А', '7А', '8А', '9А', '10А', '11А']);
  const classIds = new Set(school.classes.map((c) => c.id));
  expect(school.pupils.length).toBeGreaterThan(100);
  for (const p of school.pupils) expect(classIds.has(p.classId)).toBe(true);
});
