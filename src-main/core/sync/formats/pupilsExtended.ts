import { PERSON_NAME, block, cols, type ColumnDef, type FileFormat, type HeaderContext } from './columns';
import { requireNamedParent } from './parentRules';

/**
 * The pupil list in its extended form: the portal's export «1. Выгрузка данных» (HTML-xls) and the
 * batch update «2. Обновление данных» (CSV) share this layout (§1.6). High confidence for 1–54,
 * medium from 55 on (the 55–57 discrepancy and the dynamic attribute columns).
 */
const address = [
  ['индекс', 'postalCode'],
  ['нас. пункт', 'settlement'],
  ['район', 'district'],
  ['улица', 'street'],
  ['дом', 'house'],
  ['корпус', 'building'],
  ['квартира', 'flat'],
] as const;

const parent = [
  ['Фамилия', 'lastName', 'name'],
  ['Имя', 'firstName', 'name'],
  ['Отчество', 'middleName', 'name'],
  ['Дата рождения', 'birthDate', 'date'],
  ['Гражданство', 'citizenship'],
  ['Паспорт: серия', 'passport.series'],
  ['Паспорт: номер', 'passport.number'],
  ['Паспорт: код подразделения', 'passport.issuerCode'],
  ['Паспорт: дата выдачи', 'passport.issueDate', 'date'],
  ['Паспорт: кем выдан', 'passport.issuer'],
  ['СНИЛС', 'snils'],
  ['Степень родства', 'relation'],
] as const;

const columns: ColumnDef[] = [
  ...cols([
    ['№ п/п', 'rowNo'],
    ['Класс', 'className', 'className'],
    ...PERSON_NAME,
    ['Дата рождения', 'birthDate', 'date'],
    ['Пол', 'sex', 'sex', true],
    ['Гражданство', 'citizenship'],
  ]),
  ...block('Паспорт', 'passport', [
    ['серия', 'series'],
    ['номер', 'number'],
    ['код подразделения', 'issuerCode'],
    ['дата выдачи', 'issueDate', 'date'],
    ['кем выдан', 'issuer'],
  ], 9),
  ...block('Адрес проживания', 'actual', address, 14),
  ...block('Адрес регистрации', 'registration', address, 21),
  ...cols([
    ['Домашний телефон', 'phoneHome'],
    ['Мобильный телефон', 'phoneMobile'],
    ['E-mail', 'email'],
  ], 28),
  ...block('Мать', 'mother', parent, 31),
  ...block('Отец', 'father', parent, 43),
  ...cols([
    ['Иностранный язык', 'foreignLanguage1'],
    ['Иностранный язык 2', 'foreignLanguage2'],
    ['ИНН', 'inn'],
    ['Группа здоровья до 18', 'healthGroup'],
    ['Группа здоровья старше 18', null],
    ['Физ. группа', 'peGroup'],
    ['Заболевания', 'diseases', 'multi'],
    ['№ личного дела', 'personalFileNumber'],
    ['Психолого-педагогическая характеристика', 'psychCharacteristic'],
    ['Доп. контактная информация', 'extraContact'],
    ['Наличие ПК дома', 'hasPcAtHome', 'flag'],
  ], 55),
  ...block('Мед. полис', 'medicalPolicy', [
    ['серия', 'series'],
    ['№', 'number'],
    ['дата выдачи', 'issueDate', 'date'],
    ['кем выдан', 'issuer'],
  ], 66),
  ...cols([
    ['Состав семьи', 'familyComposition'],
    ['Социальное положение', 'socialStatus', 'multi'],
    ['Сертификат доп. образования: номер', 'additionalEducationCertificate'],
    ['Сертификат доп. образования: дата', 'additionalEducationCertificateDate', 'date'],
    ['Девиантное поведение', 'deviantBehaviour', 'multi'],
    ['Бросил обучение', 'droppedOut', 'flag'],
    ['Принимаемые меры', 'preventiveMeasures'],
    ['Форма обучения', 'studyForm'],
    ['Программа обучения', 'studyProgramme'],
    ['Предметы для ЕГЭ', 'egeSubjects', 'multi'],
    ['Предметы для ЕГЭ по сокращённой программе', 'egeReducedSubjects', 'multi'],
    ['Тип документа для ЕГЭ', 'egeDocumentType'],
    ['Ограничение возможностей', 'healthLimitation'],
    ['Льгота на питание', 'freeMeals', 'flag'],
    ['СНИЛС', 'snils'],
    ['Малочисленные народы Севера', 'smallNorthernPeople', 'flag'],
    ['Тип финансирования обучения', 'fundingType'],
    ['Уровень бюджета', 'budgetLevel'],
    ['Группа инвалидности', 'disabilityGroup'],
    ['Категория инвалидности', 'disabilityCategory'],
    ['Срок действия группы инвалидности', 'disabilityUntil', 'date'],
    ['Адаптированная программа', 'adaptedProgramme'],
    ['Потребность в длительном лечении', 'longTreatment', 'flag'],
    ['Место рождения', 'placeOfBirth'],
    ['Отказ от предоставления ПДн', 'pdRefusal', 'flag'],
    ['Одарённый ребёнок', 'gifted', 'flag'],
    ['Направление одарённости', 'giftedDirection'],
    ['Горячее питание', 'hotMeals', 'flag'],
    ['Нуждается в подвозе', 'needsTransport', 'flag'],
    ['Обеспечен подвоз', 'transportProvided', 'flag'],
  ], 70),
].map((c) => (c.pos === 85 ? { ...c, optional: 'ShowMnsForms' } : c.pos === 95 || c.pos === 96 ? { ...c, optional: 'talent' } : c));

/** Title, filters, then the two-level table header (group captions over sub-captions). */
function header(ctx: HeaderContext, list: readonly ColumnDef[]): string[][] {
  return [
    ['Список учащихся'],
    [`${ctx.schoolName}; выгрузка на ${ctx.today.split('-').reverse().join('.')}`],
    list.map((c, i) => (c.group ? (i > 0 && list[i - 1].group === c.group ? '' : c.group) : c.caption)),
    list.map((c) => (c.group ? c.caption : '')),
  ];
}

export const pupilsExtended: FileFormat = {
  id: 'pupilsExtended',
  title: 'Список учащихся, расширенная форма (99 столбцов)',
  entity: 'pupil',
  portalSide: 'both',
  confidence: 'medium',
  source: '§1.6, ExportStudents.asp?EXTERNAL=1 и ImportExt/importStudentsExt.asp',
  headerLines: 4,
  match: 'position',
  columns,
  header,
  rowRules: (v) => {
    const mother = requireNamedParent(v, 'mother', 'Мать', false);
    const father = requireNamedParent(v, 'father', 'Отец', false);
    return father.length === 0 ? mother : mother.length === 0 ? father : [...mother, ...father];
  },
};

/**
 * The layout of a file with `count` columns: optional columns switched off on the server are
 * missing and later ones shift left (99 all; 98 without 85; 97 without 95–96; 96 without all three).
 */
export function pupilsExtendedLayout(count: number): ColumnDef[] | null {
  const drop = count === 99 ? [] : count === 98 ? ['ShowMnsForms'] : count === 97 ? ['talent'] : count === 96 ? ['ShowMnsForms', 'talent'] : null;
  if (drop === null) return null;
  return columns.filter((c) => !c.optional || !drop.includes(c.optional)).map((c, i) => ({ ...c, pos: i + 1 }));
}
