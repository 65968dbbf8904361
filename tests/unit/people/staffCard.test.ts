import { describe, expect, it } from 'vitest';
import { PUPIL_SCHEMAS } from '../../../src-shared/contract/peoplePupilCard';
import { STAFF_SCHEMAS, type PositionInput } from '../../../src-shared/contract/peopleStaffCard';
import { personCardIssues } from '../../../src-shared/domain/personCardRules';
import { closePositionsOn, mainPositionOn } from '../../../src-main/core/people/repo/staffChildren';

const TODAY = '2026-11-29';

const position = (p: Partial<PositionInput>): PositionInput => ({ id: null, position: 'Учитель', kind: 'main', rate: 1, startDate: '2010-09-01', endDate: null, orderNumber: null, ...p });

describe('a dismissal ends the positions in force', () => {
  it('closes open and later-ending records on the dismissal day, leaves finished and future ones', () => {
    const before = [
      position({ startDate: '2003-08-25', endDate: '2010-08-31', position: 'Воспитатель' }),
      position({ startDate: '2010-09-01' }),
      position({ kind: 'additional', position: 'Педагог дополнительного образования', startDate: '2022-09-01', endDate: '2027-05-31' }),
      position({ kind: 'additional', position: 'Тьютор', startDate: '2027-01-01' }),
    ];
    const after = closePositionsOn(before, '2026-06-30');
    expect(after.map((p) => p.endDate)).toEqual(['2010-08-31', '2026-06-30', '2026-06-30', null]);
    expect(mainPositionOn(after, TODAY)).toBeNull();
    expect(mainPositionOn(after, '2026-06-30')).toBe('Учитель');
  });

  it('refuses a position that starts after the dismissal', () => {
    const card = { birthDate: '1980-01-01', documents: [], dismissalDate: '2026-06-30', positions: [position({ startDate: '2026-09-01' })] };
    expect(personCardIssues('staff', card, new Set(['dismissalDate']), TODAY)).toEqual([{ path: 'positions.0.startDate', message: 'должность начинается после даты увольнения' }]);
  });
});

describe('staff family and list dates', () => {
  it('parses relatives with normalised names and refuses a Latin name with its path', () => {
    const ok = STAFF_SCHEMAS.patch.safeParse({ familyMembers: [{ relation: 'сын', lastName: 'лебедев', firstName: 'ИВАН', middleName: null, birthDate: '2012-05-05' }] });
    expect(ok.success && ok.data.familyMembers).toEqual([{ id: null, relation: 'сын', lastName: 'Лебедев', firstName: 'Иван', middleName: null, birthDate: '2012-05-05' }]);
    const bad = STAFF_SCHEMAS.patch.safeParse({ familyMembers: [{ relation: 'дочь', lastName: 'Lebedeva', firstName: 'Анна', middleName: null, birthDate: null }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['familyMembers', 0, 'lastName']);
  });

  it('refuses a diploma or a relative born in the future', () => {
    const card = {
      birthDate: '1980-01-01',
      documents: [],
      educations: [{ level: 'высшее — специалитет', institution: 'АлтГПУ', diplomaDate: '2027-06-30' }],
      familyMembers: [{ relation: 'сын', lastName: 'Лебедев', firstName: 'Иван', birthDate: '2026-12-01' }],
    };
    expect(personCardIssues('staff', card, 'all', TODAY)).toEqual([
      { path: 'educations.0.diplomaDate', message: 'дата диплома не может быть в будущем' },
      { path: 'familyMembers.0.birthDate', message: 'дата рождения не может быть в будущем' },
    ]);
  });
});

describe('multi-value pupil fields', () => {
  it('keep a list for «Состав семьи» and accept the portal’s «a|b» text, dropping repeats', () => {
    const list = PUPIL_SCHEMAS.patch.parse({ familyComposition: ['неполная семья (мать)', 'многодетная семья', 'многодетная семья'] });
    expect(list.familyComposition).toEqual(['неполная семья (мать)', 'многодетная семья']);
    const text = PUPIL_SCHEMAS.patch.parse({ familyComposition: 'полная семья | многодетная семья', socialStatus: 'малоимущая семья' });
    expect(text.familyComposition).toEqual(['полная семья', 'многодетная семья']);
    expect(text.socialStatus).toEqual(['малоимущая семья']);
    expect(PUPIL_SCHEMAS.patch.safeParse({ familyComposition: [''] }).success).toBe(false);
  });
});
