import { describe, expect, it } from 'vitest';
import { declineAll, declineName, pupilWord } from '../../../src-shared/domain/movement/declension';

describe('ФИО declined for orders (petrovich with the card’s sex)', () => {
  it('declines the names of the issue’s examples', () => {
    expect(declineName({ lastName: 'Соколова', firstName: 'Любовь', middleName: 'Андреевна', sex: 'Ж' }, 'accusative')).toBe('Соколову Любовь Андреевну');
    expect(declineName({ lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', sex: 'М' }, 'accusative')).toBe('Иванова Ивана Ивановича');
    expect(declineAll({ lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', sex: 'М' })).toEqual({
      nominative: 'Иванов Иван Иванович',
      genitive: 'Иванова Ивана Ивановича',
      dative: 'Иванову Ивану Ивановичу',
      accusative: 'Иванова Ивана Ивановича',
    });
    expect(declineName({ lastName: 'Соколова', firstName: 'Любовь', middleName: 'Андреевна', sex: 'Ж' }, 'genitive')).toBe('Соколовой Любови Андреевны');
    expect(declineName({ lastName: 'Соколова', firstName: 'Любовь', middleName: 'Андреевна', sex: 'Ж' }, 'dative')).toBe('Соколовой Любови Андреевне');
  });

  it('uses the sex from the card, not a guess from the name', () => {
    // «Саша Шевчук» is either; only the card knows.
    expect(declineName({ lastName: 'Шевчук', firstName: 'Александра', middleName: null, sex: 'Ж' }, 'dative')).toBe('Шевчук Александре');
    expect(declineName({ lastName: 'Шевчук', firstName: 'Александр', middleName: null, sex: 'М' }, 'dative')).toBe('Шевчуку Александру');
    expect(declineName({ lastName: 'Кузьмич', firstName: 'Илья', middleName: 'Никитич', sex: 'М' }, 'accusative')).toBe('Кузьмича Илью Никитича');
  });

  it('keeps double surnames, missing patronymics and capitals in place', () => {
    expect(declineName({ lastName: 'Римская-Корсакова', firstName: 'Анна', middleName: 'Сергеевна', sex: 'Ж' }, 'accusative')).toBe('Римскую-Корсакову Анну Сергеевну');
    expect(declineName({ lastName: 'Толстой', firstName: 'Лев', middleName: '', sex: 'М' }, 'genitive')).toBe('Толстого Льва');
    expect(declineName({ lastName: 'ёлкина', firstName: 'алиса', middleName: 'дмитриевна', sex: 'Ж' }, 'accusative')).toBe('Ёлкину Алису Дмитриевну');
  });

  it('agrees the participle with the pupil', () => {
    expect(pupilWord('Ж', 'accusative')).toBe('обучающуюся');
    expect(pupilWord('М', 'accusative')).toBe('обучающегося');
    expect(pupilWord('Ж', 'genitive')).toBe('обучающейся');
  });
});
