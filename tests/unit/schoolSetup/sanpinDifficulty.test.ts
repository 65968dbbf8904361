import { describe, expect, it } from 'vitest';
import { GRADES, SANPIN_DIFFICULTY, sanpinGradePoints, sanpinPoints } from '../../../src-shared/domain/schoolSetup/sanpinDifficulty';
import { starterSet } from '../../../src-main/core/schoolSetup/subjects/starterSubjects';

describe('SanPiN difficulty table', () => {
  it('is one table: a unique key per row, 11 grades, points between 1 and 13', () => {
    const keys = SANPIN_DIFFICULTY.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of SANPIN_DIFFICULTY) {
      expect(row.points, row.key).toHaveLength(11);
      for (const p of row.points) if (p !== null) expect(p, row.key).toBeGreaterThanOrEqual(1);
      for (const p of row.points) if (p !== null) expect(p, row.key).toBeLessThanOrEqual(13);
      if (row.basis !== 'table') expect(row.note, `${row.key} needs a note on where its values come from`).toBeTruthy();
    }
  });

  it('holds the verified values of grades 1–4 and 5–9 (sanpin.md §3)', () => {
    expect(GRADES.slice(0, 4).map((g) => sanpinPoints('math', g))).toEqual([8, 8, 8, 8]);
    expect(sanpinPoints('russian', 3)).toBe(7);
    expect(sanpinPoints('foreign', 2)).toBe(7);
    expect(sanpinPoints('worldAround', 4)).toBe(6);
    expect(sanpinPoints('pe', 1)).toBe(1);
    expect([5, 6, 7, 8, 9].map((g) => sanpinPoints('chemistry', g))).toEqual([null, null, 13, 10, 12]);
    expect([5, 6, 7, 8, 9].map((g) => sanpinPoints('physics', g))).toEqual([null, null, 8, 9, 13]);
    expect([5, 6, 7, 8, 9].map((g) => sanpinPoints('russian', g))).toEqual([8, 12, 11, 7, 6]);
    expect([5, 6, 7, 8, 9].map((g) => sanpinPoints('technology', g))).toEqual([4, 3, 2, 1, 4]);
    expect(sanpinPoints('math', 7)).toBeNull(); // algebra and geometry from grade 7
    expect(sanpinPoints('physics', 11)).toBe(12);
    expect(sanpinPoints('nothing', 5)).toBeNull();
    expect(sanpinPoints('math', 12)).toBeNull();
  });

  it('gives a starter subject the points of its row for every grade that has one', () => {
    expect(sanpinGradePoints('algebra')).toEqual([
      { grade: 7, points: 10 },
      { grade: 8, points: 9 },
      { grade: 9, points: 7 },
      { grade: 10, points: 10 },
      { grade: 11, points: 10 },
    ]);
  });

  it('ships a starter set whose SanPiN keys and areas all exist', () => {
    const set = starterSet();
    expect(set.subjects.length).toBeGreaterThanOrEqual(28);
    const names = set.subjects.map((s) => s.name);
    for (const n of ['Русский язык', 'Математика', 'Алгебра', 'Вероятность и статистика', 'Информатика', 'Труд (технология)', 'Основы безопасности и защиты Родины']) {
      expect(names).toContain(n);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(set.subjects.filter((s) => s.split).map((s) => s.name)).toEqual(
      expect.arrayContaining(['Иностранный язык (английский)', 'Информатика', 'Труд (технология)']),
    );
    expect(set.subjects.find((s) => s.name === 'Физическая культура')?.roomTypes).toEqual(['gym']);
  });
});
