import { PERSON_NAME, block, cols, threeLineHeader, type FileFormat } from './columns';

/** Parents, extended import (§1.7): 30 columns, 3 header lines, no pupil column (no links). */
const address = [
  ['нас. пункт', 'settlement'],
  ['район', 'district'],
  ['улица', 'street'],
  ['дом', 'house'],
  ['корпус', 'building'],
  ['кв.', 'flat'],
] as const;

export const parentsExtended: FileFormat = {
  id: 'parentsExtended',
  title: 'Родители, расширенный импорт (30 столбцов)',
  entity: 'parent',
  portalSide: 'import',
  confidence: 'high',
  source: '§1.7, ImportExt/importParentsExt.asp + importParentsExtSave.asp',
  headerLines: 3,
  match: 'position',
  columns: [
    ...cols([
      ['№', 'rowNo'],
      ...PERSON_NAME,
      ['Дата рождения', 'birthDate', 'date'],
      ['Пол', 'sex', 'sex', true],
      ['Индекс', 'actual.postalCode'],
    ]),
    ...block('Адрес фактический', 'actual', address, 8),
    ...block('Адрес регистрации', 'registration', address, 14),
    ...cols([
      ['Домашний телефон', 'phoneHome'],
      ['E-mail', 'email'],
      ['Мобильный телефон', 'phoneMobile'],
      ['(не используется)', null],
      ['Степень родства', 'relation'],
      ['Образование', 'education'],
      ['Место работы', 'workplace'],
      ['Должность', 'jobTitle'],
      ['Факс', 'fax'],
      ['Рабочий телефон', 'phoneWork'],
      ['Рабочий адрес', 'workAddress'],
    ], 20),
  ],
  header: threeLineHeader('Расширенный импорт родителей'),
};
