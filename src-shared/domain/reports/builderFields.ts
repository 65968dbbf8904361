/**
 * The report builder's whitelist (work order §7.4): what an administrator may pick per entity. A
 * saved report holds these keys only; the core maps each key to a value it reads itself, so nothing
 * a client sends ever becomes SQL. `needs` names a right beyond the entity's own: a user without it
 * sees «нет доступа» in that column (parents' data for a teacher, as on the pupil card).
 */
import { HEALTH_GROUPS, PE_GROUPS, QUALIFICATION_CATEGORIES, FAMILY_COMPOSITIONS, SOCIAL_STATUSES } from '../peopleDictionaries';
import { ORDER_STATUSES, ORDER_TYPE_INFO } from '../movement/orderTypes';
import { SOCIAL_CATEGORIES } from './pupilCategories';

export const BUILDER_ENTITIES = ['pupils', 'parents', 'staff', 'classes', 'orders'] as const;
export type BuilderEntity = (typeof BUILDER_ENTITIES)[number];

export type FieldType = 'text' | 'date' | 'number' | 'flag' | 'list' | 'enum';

export interface BuilderField {
  key: string;
  label: string;
  type: FieldType;
  /** «Карточка», «Класс», «Родители»… — how the picker groups fields. */
  group: string;
  options?: readonly string[];
  needs?: 'parents.read' | 'pupils.read';
}

export interface EntityInfo {
  title: string;
  /** The right of the entity's list; the builder reads through the same scope as that list. */
  right: 'pupils.read' | 'parents.read' | 'staff.read' | 'setup.read' | 'movement.read';
  fields: readonly BuilderField[];
  /** Whether the date of the report decides who is in it (memberships, positions on that day). */
  dated: boolean;
}

const SEX = ['М', 'Ж'] as const;
const CATEGORY_LABELS = SOCIAL_CATEGORIES.map((c) => c.label);

const PUPIL_FIELDS: BuilderField[] = [
  { key: 'fullName', label: 'ФИО', type: 'text', group: 'Карточка' },
  { key: 'lastName', label: 'Фамилия', type: 'text', group: 'Карточка' },
  { key: 'sex', label: 'Пол', type: 'enum', group: 'Карточка', options: SEX },
  { key: 'birthDate', label: 'Дата рождения', type: 'date', group: 'Карточка' },
  { key: 'age', label: 'Возраст (полных лет на дату)', type: 'number', group: 'Карточка' },
  { key: 'birthYear', label: 'Год рождения', type: 'number', group: 'Карточка' },
  { key: 'snils', label: 'СНИЛС', type: 'text', group: 'Карточка' },
  { key: 'citizenship', label: 'Гражданство', type: 'text', group: 'Карточка' },
  { key: 'personalFileNumber', label: '№ личного дела', type: 'text', group: 'Карточка' },
  { key: 'phoneMobile', label: 'Мобильный телефон', type: 'text', group: 'Карточка' },
  { key: 'address', label: 'Адрес проживания', type: 'text', group: 'Карточка' },
  { key: 'className', label: 'Класс', type: 'text', group: 'Класс' },
  { key: 'grade', label: 'Параллель', type: 'number', group: 'Класс' },
  { key: 'classTeacher', label: 'Классный руководитель', type: 'text', group: 'Класс' },
  { key: 'healthGroup', label: 'Группа здоровья', type: 'enum', group: 'Здоровье', options: HEALTH_GROUPS },
  { key: 'peGroup', label: 'Физкультурная группа', type: 'enum', group: 'Здоровье', options: PE_GROUPS },
  { key: 'hasOvz', label: 'ОВЗ', type: 'flag', group: 'Здоровье' },
  { key: 'ovzCategory', label: 'Категория ОВЗ', type: 'text', group: 'Здоровье' },
  { key: 'disabilityGroup', label: 'Инвалидность', type: 'text', group: 'Здоровье' },
  { key: 'homeSchooling', label: 'Обучение на дому', type: 'flag', group: 'Здоровье' },
  { key: 'boarding', label: 'Интернат', type: 'flag', group: 'Социальное' },
  { key: 'freeMeals', label: 'Льготное питание', type: 'flag', group: 'Социальное' },
  { key: 'familyComposition', label: 'Состав семьи', type: 'list', group: 'Социальное', options: FAMILY_COMPOSITIONS },
  { key: 'socialStatus', label: 'Социальное положение', type: 'list', group: 'Социальное', options: SOCIAL_STATUSES },
  { key: 'socialCategories', label: 'Категории социального паспорта', type: 'list', group: 'Социальное', options: CATEGORY_LABELS },
  { key: 'foreignLanguage1', label: 'Иностранный язык', type: 'text', group: 'Обучение' },
  { key: 'studyForm', label: 'Форма обучения', type: 'text', group: 'Обучение' },
  { key: 'parentsNames', label: 'Родители (ФИО)', type: 'text', group: 'Родители', needs: 'parents.read' },
  { key: 'parentsPhones', label: 'Телефоны родителей', type: 'text', group: 'Родители', needs: 'parents.read' },
  { key: 'parentsCount', label: 'Число родителей в карточке', type: 'number', group: 'Родители', needs: 'parents.read' },
];

const PARENT_FIELDS: BuilderField[] = [
  { key: 'fullName', label: 'ФИО', type: 'text', group: 'Карточка' },
  { key: 'sex', label: 'Пол', type: 'enum', group: 'Карточка', options: SEX },
  { key: 'birthDate', label: 'Дата рождения', type: 'date', group: 'Карточка' },
  { key: 'age', label: 'Возраст (полных лет на дату)', type: 'number', group: 'Карточка' },
  { key: 'phoneMobile', label: 'Мобильный телефон', type: 'text', group: 'Карточка' },
  { key: 'email', label: 'Электронная почта', type: 'text', group: 'Карточка' },
  { key: 'workplace', label: 'Место работы', type: 'text', group: 'Работа' },
  { key: 'jobTitle', label: 'Должность', type: 'text', group: 'Работа' },
  { key: 'education', label: 'Образование', type: 'text', group: 'Работа' },
  { key: 'childrenNames', label: 'Дети (ФИО)', type: 'text', group: 'Дети', needs: 'pupils.read' },
  { key: 'childrenClasses', label: 'Классы детей', type: 'list', group: 'Дети' },
  { key: 'childrenCount', label: 'Число детей в школе', type: 'number', group: 'Дети' },
  { key: 'relations', label: 'Кем приходится', type: 'list', group: 'Дети', options: ['мать', 'отец', 'опекун', 'попечитель', 'иной законный представитель'] },
];

const STAFF_FIELDS: BuilderField[] = [
  { key: 'fullName', label: 'ФИО', type: 'text', group: 'Карточка' },
  { key: 'sex', label: 'Пол', type: 'enum', group: 'Карточка', options: SEX },
  { key: 'birthDate', label: 'Дата рождения', type: 'date', group: 'Карточка' },
  { key: 'age', label: 'Возраст (полных лет на дату)', type: 'number', group: 'Карточка' },
  { key: 'phoneMobile', label: 'Мобильный телефон', type: 'text', group: 'Карточка' },
  { key: 'email', label: 'Электронная почта', type: 'text', group: 'Карточка' },
  { key: 'personnelNumber', label: 'Табельный №', type: 'text', group: 'Работа' },
  { key: 'position', label: 'Основная должность на дату', type: 'text', group: 'Работа' },
  { key: 'rate', label: 'Ставок на дату', type: 'number', group: 'Работа' },
  { key: 'employeeCategory', label: 'Категория работника', type: 'text', group: 'Работа' },
  { key: 'hireDate', label: 'Дата приёма', type: 'date', group: 'Работа' },
  { key: 'classTeacherOf', label: 'Классное руководство', type: 'text', group: 'Работа' },
  { key: 'qualificationCategory', label: 'Квалификационная категория', type: 'enum', group: 'Аттестация', options: QUALIFICATION_CATEGORIES },
  { key: 'categoryDate', label: 'Дата присвоения категории', type: 'date', group: 'Аттестация' },
  { key: 'nextAttestationDate', label: 'Дата следующей аттестации', type: 'date', group: 'Аттестация' },
  { key: 'educationLevel', label: 'Уровень образования', type: 'text', group: 'Образование' },
  { key: 'pedagogicalEducation', label: 'Педагогическое образование', type: 'flag', group: 'Образование' },
  { key: 'lastTrainingDate', label: 'Последние курсы (окончание)', type: 'date', group: 'Образование' },
  { key: 'trainedLast3Years', label: 'Курсы за последние 3 года', type: 'flag', group: 'Образование' },
  { key: 'totalExperience', label: 'Общий стаж, лет', type: 'number', group: 'Стаж' },
  { key: 'pedExperience', label: 'Педагогический стаж, лет', type: 'number', group: 'Стаж' },
];

const CLASS_FIELDS: BuilderField[] = [
  { key: 'name', label: 'Класс', type: 'text', group: 'Класс' },
  { key: 'grade', label: 'Параллель', type: 'number', group: 'Класс' },
  { key: 'programme', label: 'Программа', type: 'enum', group: 'Класс', options: ['ООП', 'АООП'] },
  { key: 'programmeVariant', label: 'Вариант АООП', type: 'text', group: 'Класс' },
  { key: 'shift', label: 'Смена', type: 'number', group: 'Класс' },
  { key: 'classTeacher', label: 'Классный руководитель', type: 'text', group: 'Класс' },
  { key: 'pupilCount', label: 'Обучающихся на дату', type: 'number', group: 'Состав' },
  { key: 'boys', label: 'Мальчиков', type: 'number', group: 'Состав' },
  { key: 'girls', label: 'Девочек', type: 'number', group: 'Состав' },
  { key: 'ovzCount', label: 'С ОВЗ', type: 'number', group: 'Состав' },
];

const ORDER_FIELDS: BuilderField[] = [
  { key: 'numberText', label: '№ приказа', type: 'text', group: 'Приказ' },
  { key: 'orderDate', label: 'Дата приказа', type: 'date', group: 'Приказ' },
  { key: 'type', label: 'Вид приказа', type: 'enum', group: 'Приказ', options: Object.values(ORDER_TYPE_INFO).map((i) => i.label) },
  { key: 'status', label: 'Состояние', type: 'enum', group: 'Приказ', options: Object.values(ORDER_STATUSES) },
  { key: 'title', label: 'Заголовок', type: 'text', group: 'Приказ' },
  { key: 'yearName', label: 'Учебный год', type: 'text', group: 'Приказ' },
  { key: 'itemCount', label: 'Пунктов (обучающихся)', type: 'number', group: 'Приказ' },
  { key: 'signatoryName', label: 'Подписал', type: 'text', group: 'Приказ' },
  { key: 'pupils', label: 'Обучающиеся', type: 'text', group: 'Приказ', needs: 'pupils.read' },
];

export const ENTITY_INFO: Record<BuilderEntity, EntityInfo> = {
  pupils: { title: 'Обучающиеся', right: 'pupils.read', fields: PUPIL_FIELDS, dated: true },
  parents: { title: 'Родители (законные представители)', right: 'parents.read', fields: PARENT_FIELDS, dated: true },
  staff: { title: 'Сотрудники', right: 'staff.read', fields: STAFF_FIELDS, dated: true },
  classes: { title: 'Классы', right: 'setup.read', fields: CLASS_FIELDS, dated: true },
  orders: { title: 'Приказы по движению', right: 'movement.read', fields: ORDER_FIELDS, dated: false },
};

export function fieldOf(entity: BuilderEntity, key: string): BuilderField | undefined {
  return ENTITY_INFO[entity].fields.find((f) => f.key === key);
}

export const FILTER_OPS = {
  eq: 'равно',
  ne: 'не равно',
  contains: 'содержит',
  notContains: 'не содержит',
  has: 'включает значение',
  hasNot: 'не включает значение',
  gt: 'больше',
  gte: 'не меньше',
  lt: 'меньше',
  lte: 'не больше',
  empty: 'не заполнено',
  notEmpty: 'заполнено',
  isTrue: 'да',
  isFalse: 'нет',
} as const;
export type FilterOp = keyof typeof FILTER_OPS;

/** Which comparisons make sense for a field type (the form offers these, the server checks them). */
export const OPS_BY_TYPE: Record<FieldType, readonly FilterOp[]> = {
  text: ['eq', 'ne', 'contains', 'notContains', 'empty', 'notEmpty'],
  enum: ['eq', 'ne', 'empty', 'notEmpty'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'],
  flag: ['isTrue', 'isFalse'],
  list: ['has', 'hasNot', 'empty', 'notEmpty'],
};

/** Ops that compare with nothing. */
export const UNARY_OPS: readonly FilterOp[] = ['empty', 'notEmpty', 'isTrue', 'isFalse'];
