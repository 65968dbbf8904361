import { describe, expect, it } from 'vitest';
import { destinationKindOf, enrollKindOf, orderTypeOf } from '../../../src-main/core/sync/pull/movebookKinds';

describe('the portal movement-book documents in our order kinds', () => {
  it('maps types with their subtypes, and leaves what it does not know unmapped', () => {
    const cases: [string, string | null, string | null][] = [
      ['Зачисление', 'Прибыл из другой ОО', 'enroll'],
      ['ЗАЧИСЛЕНИЕ', 'Восстановлен после отчисления', 'reinstate'],
      ['Выбытие', 'Выбыл в другую ОО региона', 'withdraw'],
      ['Выбытие', 'Окончил ОО (выпуск)', 'graduate'],
      ['Выбытие', 'Отчислен', 'expel'],
      ['Перевод', 'Перевод в другой класс', 'transfer'],
      ['Перевод', 'Перевод в другую ОО', 'withdraw'],
      ['Годовой', null, 'promote'],
      ['Годовой', 'Переведён в следующий класс', 'promote'],
      ['Годовой', 'Переведён условно', 'conditionalPromote'],
      ['Годовой', 'Оставлен на повторное обучение', 'repeatYear'],
      ['Годовой', 'Что-то новое', null],
      ['Смена ФИО', null, null],
      ['', null, null],
    ];
    expect(cases.map(([t, s]) => orderTypeOf(t, s))).toEqual(cases.map((c) => c[2]));
  });

  it('reads where a pupil came from and went to', () => {
    expect([enrollKindOf('Прибыл из другой ОО'), enrollKindOf('Зачисление в 1 класс'), enrollKindOf('С семейного обучения'), enrollKindOf(null)]).toEqual(['otherSchool', 'first', 'familyEducation', null]);
    expect([destinationKindOf('Выбыл в другую ОО региона'), destinationKindOf('Выбыл за пределы РФ'), destinationKindOf('Поступил в СПО'), destinationKindOf('В спортивную школу'), destinationKindOf('Смерть'), destinationKindOf('')]).toEqual([
      'sameRegion',
      'abroad',
      'college',
      // «спо» inside «спортивную» is no college.
      'other',
      'other',
      null,
    ]);
  });
});
