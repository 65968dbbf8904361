import { describe, expect, it } from 'vitest';
import { ageOn, checkBirthDate, checkName, checkParentChildAges, normaliseName } from '../../../src-shared/domain/personRules';
import { personCardIssues } from '../../../src-shared/domain/personCardRules';
import { STAFF_SCHEMAS } from '../../../src-shared/contract/peopleStaffCard';

const TODAY = '2026-11-29';

describe('names', () => {
  it('accepts Cyrillic names with ё, hyphens and patronymic particles', () => {
    for (const n of ['Ёлкина', 'Салтыков-Щедрин', 'Анна-Мария', 'Ахмед оглы', "Д'Артаньян"]) expect(checkName(n), n).toBeNull();
  });
  it('normalises spaces, Caps Lock, case and Latin look-alikes typed in a Russian name', () => {
    expect(normaliseName('  иванов  ')).toBe('Иванов');
    expect(normaliseName('ИВАНОВА')).toBe('Иванова');
    expect(normaliseName('салтыков - щедрин')).toBe('Салтыков-Щедрин');
    expect(normaliseName('Иванoв')).toBe('Иванов'); // Latin o
    expect(normaliseName('Ахмед Оглы')).toBe('Ахмед оглы');
  });
  it('refuses Latin names, digits and stray characters with a Russian message', () => {
    expect(checkName('Ivanov')).toMatch(/латинские/);
    expect(checkName('Иванов2')).toMatch(/цифры/);
    expect(checkName('Иванов!')).toMatch(/русские буквы/);
    expect(checkName('')).toMatch(/обязательное/);
  });
});

describe('plausible ages', () => {
  it('counts full years', () => {
    expect(ageOn('2014-11-30', TODAY)).toBe(11);
    expect(ageOn('2014-11-29', TODAY)).toBe(12);
  });
  it('keeps pupils between 5 and 20 and staff between 16 and 90', () => {
    expect(checkBirthDate('pupil', '2014-03-12', TODAY)).toBeNull();
    expect(checkBirthDate('pupil', '2023-03-12', TODAY)).toMatch(/от 5 до 20 лет, а получается 3/);
    expect(checkBirthDate('pupil', '1990-03-12', TODAY)).toMatch(/от 5 до 20/);
    expect(checkBirthDate('staff', '1990-03-12', TODAY)).toBeNull();
    expect(checkBirthDate('staff', '2012-03-12', TODAY)).toMatch(/от 16 до 90/);
    expect(checkBirthDate('staff', '2027-01-01', TODAY)).toMatch(/в будущем/);
  });
  it('wants a parent at least 14 years older than the child', () => {
    expect(checkParentChildAges('1990-01-01', '2014-01-01')).toBeNull();
    expect(checkParentChildAges('2000-06-01', '2014-06-01')).toBeNull();
    expect(checkParentChildAges('2000-06-02', '2014-06-01')).toMatch(/не меньше чем на 14 лет/);
    expect(checkParentChildAges(null, '2014-06-01')).toBeNull();
  });
});

describe('card rules', () => {
  const pupil = { birthDate: '2014-03-12', documents: [] };
  it('judges only what changed: an old card whose pupil grew older stays editable', () => {
    const grown = { birthDate: '2004-03-12', documents: [] };
    expect(personCardIssues('pupil', grown, new Set(['phoneMobile']), TODAY)).toEqual([]);
    expect(personCardIssues('pupil', grown, new Set(['birthDate']), TODAY)[0].path).toBe('birthDate');
  });
  it('requires a birth date on a new pupil card', () => {
    expect(personCardIssues('pupil', { birthDate: null, documents: [] }, 'all', TODAY)).toEqual([{ path: 'birthDate', message: 'обязательное поле' }]);
    expect(personCardIssues('parent', { birthDate: null, documents: [] }, 'all', TODAY)).toEqual([]);
  });
  it('refuses a passport for a pupil under 14', () => {
    const issues = personCardIssues('pupil', { ...pupil, documents: [{ type: 'passport', series: '0123', number: '123456', issueDate: null, issuer: null, issuerCode: null }] }, 'all', TODAY);
    expect(issues).toEqual([{ path: 'documents.0.type', message: expect.stringMatching(/с 14 лет/) }]);
  });
  it('refuses two main positions at once and a dismissal before hiring', () => {
    const card = STAFF_SCHEMAS.patch.parse({
      positions: [
        { position: 'Учитель', kind: 'main', rate: 1, startDate: '2020-09-01', endDate: null, orderNumber: null },
        { position: 'Заместитель директора по учебно-воспитательной работе', kind: 'main', rate: 1, startDate: '2024-09-01', endDate: null, orderNumber: null },
      ],
    });
    const issues = personCardIssues('staff', { birthDate: '1980-01-01', documents: [], positions: card.positions, hireDate: '2020-09-01', dismissalDate: '2019-01-01' }, 'all', TODAY);
    expect(issues.map((i) => i.path)).toEqual(['dismissalDate', 'positions.1.kind']);
  });
});
