import { PERSON_NAME, block, cols, threeLineHeader, type FileFormat } from './columns';
import { requireNamedParent } from './parentRules';

/** Pupils with parents into the movement book (§1.4, §1.5): the import creates an enrolment order. */

const fiod = [
  ['Фамилия', 'lastName', 'name'],
  ['Имя', 'firstName', 'name'],
  ['Отчество', 'middleName', 'name'],
  ['Дата рождения', 'birthDate', 'date'],
] as const;

/** Both movement-book imports open with the same six pupil columns. */
const pupilIdentity = [
  ['Класс', 'className', 'className', true],
  ...PERSON_NAME,
  ['Пол', 'sex', 'sex', true],
  ['Дата рождения', 'birthDate', 'date', true],
] as const;

export const movementSimple: FileFormat = {
  id: 'movementSimple',
  title: 'Книга движения: учащиеся с родителями, простой импорт (15 столбцов)',
  entity: 'pupil',
  portalSide: 'import',
  confidence: 'high',
  source: '§1.4, /asp/SetupSchool/import.asp?RT=2',
  headerLines: 0,
  match: 'position',
  columns: [
    ...cols(pupilIdentity),
    ...block('Отец', 'father', fiod, 7),
    ...block('Мать', 'mother', fiod, 11),
    ...cols([['Комментарий', 'comment']], 15),
  ],
  rowRules: (v) => [...requireNamedParent(v, 'father', 'Отец', false), ...requireNamedParent(v, 'mother', 'Мать', false)],
};

const parentDocs = [
  ['Паспорт: серия', 'passport.series'],
  ['Паспорт: номер', 'passport.number'],
  ['СНИЛС', 'snils'],
] as const;

export const movementWithDocs: FileFormat = {
  id: 'movementWithDocs',
  title: 'Книга движения: учащиеся с родителями и документами (25 столбцов)',
  entity: 'pupil',
  portalSide: 'import',
  confidence: 'high',
  source: '§1.5, IMPORT_WITH_DOCS (import_with_docs.xls)',
  headerLines: 3,
  match: 'position',
  columns: [
    ...cols([
      ...pupilIdentity,
      ['Паспорт: серия', 'passport.series'],
      ['Паспорт: номер', 'passport.number'],
      ['Свидетельство о рождении: серия', 'birthCertificate.series'],
      ['Свидетельство о рождении: номер', 'birthCertificate.number'],
      ['СНИЛС', 'snils'],
    ]),
    ...block('Мать', 'mother', fiod, 12),
    ...block('Мать', 'mother', parentDocs, 16),
    ...block('Отец', 'father', fiod, 19),
    ...block('Отец', 'father', parentDocs, 23),
  ],
  header: threeLineHeader('Импорт учащихся с документами в книгу движения'),
  rowRules: (v) => {
    const out = [...requireNamedParent(v, 'mother', 'Мать', true), ...requireNamedParent(v, 'father', 'Отец', true)];
    const passport = v.get('passport.series') && v.get('passport.number');
    const certificate = v.get('birthCertificate.series') && v.get('birthCertificate.number');
    if (!passport && !certificate && !v.get('snils')) {
      out.push({ field: 'snils', message: 'хотя бы один из документов учащегося (паспорт, свидетельство о рождении или СНИЛС) должен быть заполнен' });
    }
    return out;
  },
};
