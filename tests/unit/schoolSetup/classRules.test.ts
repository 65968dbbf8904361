import { describe, expect, it } from 'vitest';
import { className, classRegimeWarnings, levelOf, parseLetters, programmeTitle } from '../../../src-shared/domain/schoolSetup/classRules';
import { describeGradeScope, decodeGradeScope, encodeGradeScope, formatGradeList } from '../../../src-shared/domain/schoolSetup/gradeScope';

describe('classes', () => {
  it('names a class by grade and letter and finds its level', () => {
    expect(className(5, ' а ')).toBe('5А');
    expect([1, 4, 5, 9, 10, 11].map(levelOf)).toEqual(['НОО', 'НОО', 'ООО', 'ООО', 'СОО', 'СОО']);
    expect(programmeTitle('ООП', 7, null)).toBe('ООП ООО');
    expect(programmeTitle('АООП', 3, 'вариант 7.2 (ЗПР)')).toBe('АООП НОО, вариант 7.2 (ЗПР)');
  });

  it('reads letters typed together or with commas', () => {
    expect(parseLetters('абв')).toEqual(['А', 'Б', 'В']);
    expect(parseLetters('А, Б')).toEqual(['А', 'Б']);
  });

  it('warns about the SanPiN shifts and the five-day week of grade 1', () => {
    expect(classRegimeWarnings({ name: '1А', grade: 1, shift: 2, weekLength: 6, programme: 'ООП' })).toEqual([
      'класс 1А: в 1 классе учебная неделя только пятидневная (СП 2.4.3648-20)',
      'класс 1А: 1 классы учатся только в первую смену (СП 2.4.3648-20)',
    ]);
    expect(classRegimeWarnings({ name: '3В', grade: 3, shift: 2, weekLength: 5, programme: 'АООП' })).toEqual([
      'класс 3В: классы для обучающихся с ОВЗ учатся только в первую смену (СП 2.4.3648-20)',
    ]);
    expect(classRegimeWarnings({ name: '6Б', grade: 6, shift: 2, weekLength: 6, programme: 'ООП' })).toEqual([]);
  });
});

describe('grade scope', () => {
  it('stores all grades as null and a list as sorted text', () => {
    expect(encodeGradeScope('all')).toBeNull();
    expect(encodeGradeScope([11, 10, 10])).toBe('10,11');
    expect(decodeGradeScope('1')).toEqual([1]);
    expect(decodeGradeScope(null)).toBe('all');
    expect(formatGradeList([1, 2, 3, 4, 9, 11, 10])).toBe('1–4, 9–11');
    expect(formatGradeList([5, 6])).toBe('5, 6');
    expect(describeGradeScope([1])).toBe('1 кл.');
  });
});
