import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/core/timetable/engine/compile';
import { evaluate } from '../../../src-main/core/timetable/engine/evaluator';
import { exportFet } from '../../../src-main/core/timetable/engine/fet/export';
import { importFet } from '../../../src-main/core/timetable/engine/fet/import';
import { generateSchool } from '../../../src-main/core/timetable/engine/generator/generator';
import type { TimetableInstance } from '../../../src-main/core/timetable/engine/model';
import { solve } from '../../../src-main/core/timetable/engine/solver';
import { SANPIN_NAMES } from '../../../src-shared/domain/schoolSetup/subjectDictionary';

const LOM = '/usr/share/doc/fet-data/examples/FET-5-official/Bulgaria/Lom_high_school_2007-2008.fet';

/** Everything a hard rule can depend on: the instance without grades and difficulty points. */
function hardPart(inst: TimetableInstance): unknown {
  return {
    ...inst,
    classes: inst.classes.map(({ grade: _g, ...k }) => k),
    subjects: inst.subjects.map(({ difficulty: _d, ...s }) => s),
  };
}

describe('SanPiN data for an imported .fet school', () => {
  const school = generateSchool({ size: 'S', seed: 3 });
  const xml = exportFet(school).xml;

  it('infers every grade from the class names and the points from the subject names', () => {
    const imp = importFet(xml, 'S', { names: SANPIN_NAMES });
    const byName = new Map(school.classes.map((k) => [k.name, k.grade]));
    for (const k of imp.instance.classes) expect(k.grade, k.name).toBe(byName.get(k.name));
    expect(imp.report.sanpin.classes.every((k) => k.source === 'name')).toBe(true);
    const maths = imp.report.sanpin.subjects.find((s) => s.name === 'Математика');
    expect(maths).toMatchObject({ source: 'dictionary', match: { key: 'math', exact: true }, points: { '5': 10, '6': 13 }, missingGrades: [] });
    const english = imp.report.sanpin.subjects.find((s) => s.name === 'Иностранный язык (английский)');
    expect(english).toMatchObject({ source: 'dictionary', match: { key: 'foreign', exact: false } });
    const talk = imp.report.sanpin.subjects.find((s) => s.name === 'Разговоры о важном');
    expect(talk?.source).toBe('none');
    expect(imp.report.notes.some((n) => n.startsWith('СанПиН: параллель определена у 12 из 12 классов.'))).toBe(true);
    expect(imp.report.notes.some((n) => n.includes('«Разговоры о важном»'))).toBe(true);
    expect(imp.report.notes.some((n) => n.includes('«Иностранный язык (английский)» → «иностранный язык»'))).toBe(true);
  });

  it('changes no hard rule: the same instance apart from grades and points', () => {
    const inferred = importFet(xml, 'S', { names: SANPIN_NAMES });
    const plain = importFet(xml, 'S');
    // Without the app's name rules the engine infers nothing (it imports nothing of the app).
    expect(plain.report.sanpin.classes.every((k) => k.source === 'none')).toBe(true);
    expect(importFet(xml, 'S', { names: SANPIN_NAMES, infer: false }).instance.classes.every((k) => k.grade === 0)).toBe(true);
    expect(plain.instance.classes.every((k) => k.grade === 0)).toBe(true);
    expect(hardPart(inferred.instance)).toEqual(hardPart(plain.instance));
    const a = compile(inferred.instance);
    const b = compile(plain.instance);
    expect(a.blockDomain).toEqual(b.blockDomain);
    expect(a.cellLimits).toEqual(b.cellLimits);
  });

  it('gives the imported school a difficulty profile that the solver optimises', () => {
    const inferred = importFet(xml, 'S', { names: SANPIN_NAMES }).instance;
    const plain = solve(importFet(xml, 'S').instance, { seed: 1, maxIterations: 60_000 });
    expect(plain.evaluation.figures.profiledClasses).toBe(0);
    // The same search without SanPiN data, scored with it: what the profile is worth.
    const blind = evaluate(inferred, plain.timetable).figures;
    const res = solve(inferred, { seed: 1, maxIterations: 60_000 });
    expect(res.evaluation.valid).toBe(true);
    const f = res.evaluation.figures;
    expect(f.profiledClasses).toBe(12);
    expect(f.hardLessons).toBeGreaterThan(50);
    expect(f.peakTueWedShare).toBeGreaterThan(blind.peakTueWedShare);
    expect(f.hardFirstLastShare).toBeLessThan(blind.hardFirstLastShare / 2);
  });

  it('lets the caller correct grades and points, and prefers the school\'s own subjects', () => {
    const imp = importFet(xml, 'S', {
      names: SANPIN_NAMES,
      grades: { '5А': 6, '11А': 0 },
      subjectPoints: { Математика: { '6': 3 }, Химия: null },
      schoolSubjects: [{ name: 'Русский язык', shortName: 'Рус', points: { '5': 1, '6': 2, '7': 3, '8': 4, '9': 5, '10': 6, '11': 7 } }],
    });
    const k5a = imp.instance.classes.find((k) => k.name === '5А');
    expect(k5a?.grade).toBe(6);
    expect(imp.report.sanpin.classes.find((k) => k.name === '5А')).toEqual({ name: '5А', grade: 6, source: 'caller' });
    expect(imp.report.sanpin.classes.find((k) => k.name === '11А')).toEqual({ name: '11А', grade: null, source: 'caller' });
    expect(imp.instance.classes.find((k) => k.name === '11А')?.grade).toBe(0);
    const maths = imp.report.sanpin.subjects.find((s) => s.name === 'Математика');
    expect(maths).toMatchObject({ source: 'caller', points: { '6': 3 }, missingGrades: [5] });
    expect(imp.report.sanpin.subjects.find((s) => s.name === 'Химия')).toMatchObject({ source: 'caller', points: {} });
    expect(imp.report.sanpin.subjects.find((s) => s.name === 'Русский язык')).toMatchObject({ source: 'school', points: { '5': 1, '6': 2 } });
    expect(imp.instance.subjects.find((s) => s.name === 'Русский язык')?.difficulty?.['9']).toBe(5);
  });

  it.skipIf(!existsQuietly(LOM))('asks instead of guessing when a class name is a bare number (Lom: years 8–12)', () => {
    const imp = importFet(readFileSync(LOM, 'utf8'), 'Lom', { names: SANPIN_NAMES });
    expect(imp.report.sanpin.classes.map((k) => k.grade)).toEqual([null, null, null, null, null]);
    expect(imp.instance.classes.every((k) => k.grade === 0)).toBe(true);
    expect(imp.report.notes.some((n) => n.includes('не определена у «8», «9», «10», «11», «12»'))).toBe(true);
  });
});

function existsQuietly(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
