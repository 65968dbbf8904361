import { PERSON_NAME, block, cols, threeLineHeader, type FileFormat } from './columns';

/** Staff imports of the portal (`formats/netschool.md` §1.2, §1.3). */

export const staffSimple: FileFormat = {
  id: 'staffSimple',
  title: 'Сотрудники, простой импорт (7 столбцов)',
  entity: 'staff',
  portalSide: 'import',
  confidence: 'high',
  source: '§1.2, /asp/SetupSchool/importStaff.asp',
  headerLines: 0,
  match: 'position',
  columns: cols([
    ...PERSON_NAME,
    ['Пол', 'sex', 'sex', true],
    ['Дата рождения', 'birthDate', 'date'],
    ['Роль', 'portalRole'],
    ['Комментарий', 'comment'],
  ]),
};

const address = [
  ['населённый пункт', 'settlement'],
  ['район', 'district'],
  ['улица', 'street'],
  ['дом', 'house'],
  ['корпус', 'building'],
  ['квартира', 'flat'],
] as const;

export const staffExtended: FileFormat = {
  id: 'staffExtended',
  title: 'Сотрудники, расширенный импорт (48 столбцов)',
  entity: 'staff',
  portalSide: 'both',
  confidence: 'high',
  source: '§1.3, ImportExt/importStaffExt.asp + importStaffExtSave.asp',
  headerLines: 3,
  match: 'position',
  columns: [
    ...cols([
      ['№ записи', 'rowNo'],
      ...PERSON_NAME,
      ['Пол', 'sex', 'sex', true],
      ['Дата рождения', 'birthDate', 'date'],
      ['Гражданство', 'citizenship'],
      ['Почтовый индекс', 'actual.postalCode'],
      ['Паспорт: серия', 'passport.series'],
      ['Паспорт: номер', 'passport.number'],
      ['Паспорт: дата выдачи', 'passport.issueDate', 'date'],
      ['Паспорт: кем выдан', 'passport.issuer'],
      ['ИНН', 'inn'],
    ]),
    ...block('Адрес фактический', 'actual', address, 14),
    ...block('Адрес регистрации', 'registration', address, 20),
    ...cols(
      [
        ['Домашний телефон', 'phoneHome'],
        ['Мобильный телефон', 'phoneMobile'],
        ['E-mail', 'email'],
        ['Табельный №', 'personnelNumber'],
        ['Дата приема', 'hire', 'dateWithOrder'],
        ['Стаж', null],
        ['Должность основная', 'positionMain'],
        ['Дата последней аттестации', 'categoryDate', 'date'],
        ['Должность дополнительная', 'positionAdditional'],
        ['Семейное положение', 'familyStatus'],
        ['Семейное положение (доп.)', null],
        ['СНИЛС', 'snils'],
        ['Звание, учёная степень', 'academicDegree'],
        ['Награды', 'awards'],
        ['Образование', 'education.level'],
        ['Учебное заведение', 'education.institution'],
        ['Дата выдачи диплома', 'education.diplomaDate', 'date'],
        ['Специальность по диплому', 'education.specialty'],
        ['Категория работника', 'employeeCategory'],
        ['Подразделение', 'department'],
        ['Наличие ПК дома', 'hasPcAtHome', 'flag'],
        ['Отпуск по уходу за ребёнком', null],
        ['Дата выхода на пенсию', 'retirementDate', 'date'],
      ],
      26,
    ),
  ],
  header: threeLineHeader('Расширенный импорт сотрудников'),
};
