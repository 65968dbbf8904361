import { describe, expect, it } from 'vitest';
import { gradeFromClassName } from '../../../src-shared/domain/schoolSetup/classNames';
import { matchSanpinSubject, sanpinPointsOf } from '../../../src-shared/domain/schoolSetup/subjectDictionary';

describe('grade from a class name', () => {
  it.each([
    ['5А', 5], ['10 Б', 10], ['11-а', 11], ['1 класс', 1], ['5 «А»', 5], ['7А (профиль)', 7], ['9Б1', 9],
    ['3-й класс', 3], ['11 кл.', 11], ['Класс 4Б', 4], ['6 ВГ', 6], ['5A', 5], ['10B', 10], ['8 к', 8],
    ['V-Б', 5], ['XI А', 11], ['IX класс', 9], ['ІХ-А', 9], ['VIII «В»', 8], ['2 классы', 2],
  ])('%s → %i', (name, grade) => {
    expect(gradeFromClassName(name)).toBe(grade);
  });

  it.each(['8', '12А', '0А', 'ЛД101', 'ХИМ', 'VI', 'XI', '2008-2009', 'Α', 'Form 1', 'Year 7', '101', 'СД-11', ''])(
    '%s → not a grade',
    (name) => {
      expect(gradeFromClassName(name)).toBeNull();
    },
  );
});

describe('SanPiN row from a subject name', () => {
  it.each([
    ['Математика', 'math', true],
    ['Алгебра и начала математического анализа', 'algebra', true],
    ['Геометрия', 'geometry', true],
    ['Вероятность и статистика', 'probability', true],
    ['Рус. яз.', 'russian', true],
    ['Русский язык', 'russian', true],
    ['Литературное чтение', 'readingPrimary', true],
    ['Литературное чтение на родном (русском) языке', 'nativeLiterature', true],
    ['Иностранный язык (английский)', 'foreign', false],
    ['Английский язык гр.1', 'foreign', false],
    ['Немецкий язык', 'foreign', true],
    ['Окр. мир', 'worldAround', true],
    ['Информатика и ИКТ', 'informatics', true],
    ['История России. Всеобщая история', 'history', true],
    ['Обществознание', 'social', true],
    ['ФИЗИКА', 'physics', true],
    ['Физика (углублённая)', 'physics', false],
    ['Химия', 'chemistry', true],
    ['ИЗО', 'art', true],
    ['Музыка', 'music', true],
    ['Труд (технология)', 'technology', true],
    ['Технология (мальчики)', 'technology', false],
    ['Физ-ра', 'pe', true],
    ['Физкультура', 'pe', true],
    ['Физическая культура', 'pe', true],
    ['ОБЗР', 'safety', true],
    ['ОБЖ', 'safety', true],
    ['ОРКСЭ', 'orkse', true],
    ['ОДНКНР', 'odnknr', true],
    ['Основы духовно-нравственной культуры народов России', 'odnknr', true],
    ['Индивидуальный проект', 'project', true],
    ['Ёкология'.replace('Ё', 'Э'), 'ecology', true],
  ])('%s → %s', (name, key, exact) => {
    expect(matchSanpinSubject(name)).toMatchObject({ key, exact });
  });

  it.each(['Разговоры о важном', 'Россия — мои горизонты', 'Физическо възпитание', 'MATEMATICA', 'Классный час', 'Проектная деятельность', ''])(
    '%s → no row',
    (name) => {
      expect(matchSanpinSubject(name)).toBeNull();
    },
  );

  it('reads the points of the grade, with the primary-school history row in grade 4', () => {
    expect(sanpinPointsOf('math', 5)).toBe(10);
    expect(sanpinPointsOf('math', 8)).toBeNull();
    expect(sanpinPointsOf('history', 4)).toBe(4);
    expect(sanpinPointsOf('history', 9)).toBe(10);
    expect(sanpinPointsOf('physics', 9)).toBe(13);
  });
});
