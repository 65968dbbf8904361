import { describe, expect, it } from 'vitest';
import { dateLong, itemSentence, originText, signatoryShort, withdrawalText } from '../../../src-main/core/movement/repo/orderDocData';
import { fileLetter } from '../../../src-main/core/movement/repo/register';
import type { OrderItem } from '../../../src-shared/contract/movementFields';
import { educationLevelGenitive, isGraduationGrade, ORDER_TYPES } from '../../../src-shared/domain/movement/orderTypes';
import { defaultNewClasses, defaultPlan } from '../../../src-renderer/features/movement/rollover/rolloverDefaults';

function item(extra: Partial<OrderItem> = {}): OrderItem {
  return {
    id: 'i1',
    ordinal: 1,
    pupilId: 'p1',
    pupilName: 'Соколова Любовь Андреевна',
    sex: 'Ж',
    birthDate: '2015-05-03',
    createdPupil: false,
    fromClassId: 'c5a',
    fromClassName: '5А',
    toClassId: 'c5b',
    toClassName: '5Б',
    effectiveDate: '2026-10-12',
    enrollKind: null,
    originSchool: null,
    originDocument: null,
    destinationKind: null,
    destinationSchool: null,
    reason: null,
    note: null,
    subgroupIds: [],
    nameGenitive: 'Соколовой Любови Андреевны',
    nameDative: 'Соколовой Любови Андреевне',
    nameAccusative: 'Соколову Любовь Андреевну',
    namesEdited: false,
    ...extra,
  };
}

describe('the sentence of each order item', () => {
  it('enrolment: the accusative name, the birth date if known, where the pupil came from and the document', () => {
    expect(itemSentence('enroll', item({ fromClassName: null }), null)).toBe('Зачислить Соколову Любовь Андреевну, 03.05.2015 г. р., в 5Б класс с 12.10.2026.');
    expect(itemSentence('enroll', item({ originSchool: 'МБОУ «СОШ № 12»', originDocument: 'личное дело' }), null)).toBe(
      'Зачислить Соколову Любовь Андреевну, 03.05.2015 г. р., в 5Б класс с 12.10.2026 (прибытие из: МБОУ «СОШ № 12»; документ: личное дело).',
    );
    // A card without a birth date prints no dangling «, г. р.,».
    expect(itemSentence('enroll', item({ birthDate: null }), null)).toBe('Зачислить Соколову Любовь Андреевну в 5Б класс с 12.10.2026.');
    expect(itemSentence('reinstate', item({ birthDate: null }), null)).toBe('Восстановить Соколову Любовь Андреевну в число обучающихся 5Б класса с 12.10.2026.');
  });

  it('transfers and the annual orders name both classes; the participle agrees with the sex', () => {
    expect(itemSentence('transfer', item({ reason: 'заявление родителей' }), 5)).toBe('Перевести Соколову Любовь Андреевну, обучающуюся 5А класса, в 5Б класс с 12.10.2026 (заявление родителей).');
    expect(itemSentence('transfer', item({ sex: 'М', nameAccusative: 'Иванова Ивана Ивановича' }), 5)).toContain('Иванова Ивана Ивановича, обучающегося 5А класса');
    expect(itemSentence('promote', item({ toClassName: '6А' }), 5)).toBe('Перевести Соколову Любовь Андреевну из 5А в 6А класс с 12.10.2026.');
    expect(itemSentence('conditionalPromote', item({ toClassName: '6А', reason: 'математика' }), 5)).toBe(
      'Перевести условно Соколову Любовь Андреевну из 5А в 6А класс с 12.10.2026; академическая задолженность: математика.',
    );
    expect(itemSentence('repeatYear', item({ toClassName: '5А' }), 5)).toBe('Оставить Соколову Любовь Андреевну, обучающуюся 5А класса, на повторное обучение в 5А классе с 12.10.2026.');
  });

  it('withdrawal uses the genitive, graduation the dative; the reason and a note are printed', () => {
    expect(itemSentence('withdraw', item({ destinationKind: 'abroad', reason: 'выезд семьи' }), 5)).toBe(
      'Отчислить Соколову Любовь Андреевну, обучающуюся 5А класса, с 12.10.2026 в связи с выездом за пределы Российской Федерации (выезд семьи). Выдать личное дело Соколовой Любови Андреевны родителям (законным представителям).',
    );
    expect(itemSentence('withdraw', item({ destinationKind: 'sameRegion', destinationSchool: 'МБОУ «Лицей № 2»' }), 5)).toContain('с 12.10.2026 в связи с переводом в МБОУ «Лицей № 2». Выдать');
    expect(
      (['sameRegion', 'otherRegion', 'abroad', 'college', 'familyEducation', 'other', null] as const).map((destinationKind) => withdrawalText({ destinationKind, destinationSchool: null })),
    ).toEqual([
      'в связи с переводом в другую образовательную организацию',
      'в связи с переводом в образовательную организацию другого субъекта Российской Федерации',
      'в связи с выездом за пределы Российской Федерации',
      'в связи с поступлением в профессиональную образовательную организацию',
      'в связи с переходом на семейное образование',
      'в связи с выбытием',
      'в связи с выбытием',
    ]);
    expect(withdrawalText({ destinationKind: 'college', destinationSchool: 'КГБПОУ «АПЭК»' })).toBe('в связи с поступлением в КГБПОУ «АПЭК»');
    expect(itemSentence('graduate', item({ fromClassName: '11А' }), 11)).toBe(
      'Отчислить Соколову Любовь Андреевну, обучающуюся 11А класса, в связи с получением среднего общего образования (завершением обучения) с 12.10.2026. Выдать Соколовой Любови Андреевне аттестат о среднем общем образовании.',
    );
    expect(itemSentence('graduate', item({ fromClassName: '9А' }), 9)).toContain('Выдать Соколовой Любови Андреевне аттестат об основном общем образовании.');
    expect(itemSentence('expel', item({ reason: 'по заявлению', note: 'Снять с питания.' }), 10)).toBe('Отчислить Соколову Любовь Андреевну, обучающуюся 5А класса, с 12.10.2026 (по заявлению). Снять с питания.');
    for (const type of ORDER_TYPES) expect(itemSentence(type, item(), 9), type).toMatch(/Соколову Любовь Андреевну/);
  });

  it('formats the date, the signatory and the origin', () => {
    expect(dateLong('2026-09-01')).toBe('1 сентября 2026 г.');
    expect(signatoryShort('Шарапова Елена Викторовна')).toBe('Е. В. Шарапова');
    expect(signatoryShort('Шарапова')).toBe('Шарапова');
    expect(signatoryShort(null)).toBe('');
    expect(originText({ originSchool: null, originDocument: 'справка' })).toBe('документ: справка');
    expect(originText({ originSchool: null, originDocument: null })).toBe('');
  });
});

describe('graduation grades and personal files', () => {
  it('graduates after 9 and 11 (12 in evening schools), never after 10', () => {
    expect([1, 8, 9, 10, 11, 12].map(isGraduationGrade)).toEqual([false, false, true, false, true, true]);
    expect(educationLevelGenitive(9)).toBe('основного общего');
    expect(educationLevelGenitive(11)).toBe('среднего общего');
  });

  it('files a pupil under the first letter of the surname, Ё with Е', () => {
    expect(fileLetter('Соколова')).toBe('С');
    expect(fileLetter(' ёлкина')).toBe('Е');
    expect(fileLetter('')).toBe('?');
  });
});

describe('the rollover wizard’s starting plan', () => {
  const year = { id: 'y1', name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31', isCurrent: true, isClosed: false, version: 1 };

  it('targets the next year with orders at the end of this one', () => {
    const plan = defaultPlan(year as Parameters<typeof defaultPlan>[0], 'Шарапова Елена Викторовна');
    expect(plan.targetYear).toEqual({ name: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31' });
    expect([plan.promotionOrderDate, plan.graduationOrderDate, plan.graduationDate]).toEqual(['2027-05-29', '2027-06-25', '2027-06-26']);
    expect(plan.signatoryName).toBe('Шарапова Елена Викторовна');
  });

  it('opens this year’s first-grade letters again and a 10th grade when there are 9th grades', () => {
    const source = (names: string[]) => ({ sourceClasses: names.map((name) => ({ id: name, name, grade: Number(/^\d+/.exec(name)![0]), pupils: 20, successorName: null, classTeacherId: null })) });
    expect(defaultNewClasses(source(['1А', '1Б', '9А', '11А']) as Parameters<typeof defaultNewClasses>[0])).toEqual([
      { grade: 1, letter: 'А' },
      { grade: 1, letter: 'Б' },
      { grade: 10, letter: 'А' },
    ]);
    expect(defaultNewClasses(source(['2А', '5А']) as Parameters<typeof defaultNewClasses>[0])).toEqual([{ grade: 1, letter: 'А' }]);
  });
});
