/**
 * How the reports read a pupil card: health and PE groups (приказ Минздрава № 514н), and the
 * categories of the social passport built from the card's «Состав семьи», «Социальное положение»,
 * health and other fields. One table, used by «Общие сведения», both social passports, the builder
 * and the benchmark's raw SQL, so a category means the same everywhere.
 */
import { HEALTH_GROUPS, PE_GROUPS } from '../peopleDictionaries';

export interface CategoryCard {
  sex: 'М' | 'Ж';
  hasOvz: boolean;
  disabilityGroup: string | null;
  homeSchooling: boolean;
  boarding: boolean;
  adaptedProgramme: string | null;
  programme: string;
  familyComposition: readonly string[];
  socialStatus: readonly string[];
  deviantBehaviour: readonly string[];
  citizenship: string | null;
  freeMeals: boolean;
  needsTransport: boolean;
  gifted: boolean;
  smallNorthernPeople: boolean;
}

export interface SocialCategory {
  key: string;
  label: string;
  group: 'Контингент' | 'Семья' | 'Доход' | 'Опека и попечительство' | 'Здоровье' | 'Профилактический учёт' | 'Особые категории' | 'Меры поддержки';
  /** The card field it is read from, in words (shown in the drill-down and the docs). */
  source: string;
  test(p: CategoryCard): boolean;
  /** In the category list of «Общие сведения об обучающихся» (the ones the work order names). */
  general?: boolean;
  /** A risk category: the class passport names its pupils. */
  risk?: boolean;
}

const has = (list: readonly string[], value: string) => list.includes(value);
const RF = 'Российская Федерация';

/** Rows of the social passport, in its order (spmag.ru «Социальный паспорт школы», school practice). */
export const SOCIAL_CATEGORIES: readonly SocialCategory[] = [
  { key: 'homeSchooling', label: 'Обучение на дому', group: 'Контингент', source: 'карточка: «Обучение на дому»', test: (p) => p.homeSchooling },
  { key: 'adapted', label: 'Обучаются по адаптированной программе', group: 'Контингент', source: 'карточка: «Адаптированная программа» или класс по АООП', test: (p) => Boolean(p.adaptedProgramme) || p.programme === 'АООП' },
  { key: 'boarding', label: 'Проживают в интернате', group: 'Контингент', source: 'карточка: «Проживает в интернате»', test: (p) => p.boarding },
  { key: 'fullFamily', label: 'Из полных семей', group: 'Семья', source: 'Состав семьи: «полная семья»', test: (p) => has(p.familyComposition, 'полная семья') },
  { key: 'singleMother', label: 'Из неполных семей (воспитывает мать)', group: 'Семья', source: 'Состав семьи: «неполная семья (мать)»', test: (p) => has(p.familyComposition, 'неполная семья (мать)'), general: true },
  { key: 'singleFather', label: 'Из неполных семей (воспитывает отец)', group: 'Семья', source: 'Состав семьи: «неполная семья (отец)»', test: (p) => has(p.familyComposition, 'неполная семья (отец)'), general: true },
  { key: 'large', label: 'Из многодетных семей', group: 'Семья', source: 'Состав семьи или Социальное положение: «многодетная семья»', test: (p) => has(p.familyComposition, 'многодетная семья') || has(p.socialStatus, 'многодетная семья'), general: true },
  { key: 'relatives', label: 'Воспитываются родственниками', group: 'Семья', source: 'Состав семьи: «проживает с родственниками»', test: (p) => has(p.familyComposition, 'проживает с родственниками') },
  { key: 'lowIncome', label: 'Из малоимущих (малообеспеченных) семей', group: 'Доход', source: 'Социальное положение: «малоимущая семья»', test: (p) => has(p.socialStatus, 'малоимущая семья'), general: true },
  { key: 'orphan', label: 'Дети-сироты', group: 'Опека и попечительство', source: 'Социальное положение: «ребёнок-сирота»', test: (p) => has(p.socialStatus, 'ребёнок-сирота'), general: true, risk: true },
  { key: 'noCare', label: 'Оставшиеся без попечения родителей', group: 'Опека и попечительство', source: 'Социальное положение: «ребёнок, оставшийся без попечения родителей»', test: (p) => has(p.socialStatus, 'ребёнок, оставшийся без попечения родителей'), general: true, risk: true },
  { key: 'guardianship', label: 'Под опекой (попечительством)', group: 'Опека и попечительство', source: 'Состав семьи: «опекаемый»', test: (p) => has(p.familyComposition, 'опекаемый'), general: true, risk: true },
  { key: 'foster', label: 'В приёмных семьях', group: 'Опека и попечительство', source: 'Состав семьи: «приёмная семья»', test: (p) => has(p.familyComposition, 'приёмная семья'), general: true, risk: true },
  { key: 'disabled', label: 'Дети-инвалиды', group: 'Здоровье', source: 'карточка: «Инвалидность» заполнена', test: (p) => Boolean(p.disabilityGroup), general: true },
  { key: 'ovz', label: 'Обучающиеся с ОВЗ', group: 'Здоровье', source: 'карточка: «Обучающийся с ОВЗ»', test: (p) => p.hasOvz, general: true },
  { key: 'parentsDisabled', label: 'Дети родителей-инвалидов', group: 'Здоровье', source: 'Социальное положение: «родители-инвалиды»', test: (p) => has(p.socialStatus, 'родители-инвалиды') },
  { key: 'pdn', label: 'На учёте в ПДН', group: 'Профилактический учёт', source: 'Социальное положение: «учёт в ПДН»', test: (p) => has(p.socialStatus, 'учёт в ПДН'), risk: true },
  { key: 'kdn', label: 'На учёте в КДН и ЗП', group: 'Профилактический учёт', source: 'Социальное положение: «учёт в КДН»', test: (p) => has(p.socialStatus, 'учёт в КДН'), risk: true },
  { key: 'vshu', label: 'На внутришкольном учёте', group: 'Профилактический учёт', source: 'Социальное положение: «внутришкольный учёт»', test: (p) => has(p.socialStatus, 'внутришкольный учёт'), risk: true },
  { key: 'sop', label: 'Из семей в социально опасном положении', group: 'Профилактический учёт', source: 'Социальное положение: «семья в социально опасном положении»', test: (p) => has(p.socialStatus, 'семья в социально опасном положении'), general: true, risk: true },
  { key: 'risk', label: 'Группа риска', group: 'Профилактический учёт', source: 'Социальное положение: «группа риска»', test: (p) => has(p.socialStatus, 'группа риска'), risk: true },
  { key: 'deviant', label: 'С девиантным поведением', group: 'Профилактический учёт', source: 'карточка: «Девиантное поведение» заполнено', test: (p) => p.deviantBehaviour.length > 0, risk: true },
  { key: 'svo', label: 'Из семей участников СВО', group: 'Особые категории', source: 'Социальное положение: «семья участника СВО»', test: (p) => has(p.socialStatus, 'семья участника СВО'), general: true },
  { key: 'displaced', label: 'Вынужденные переселенцы', group: 'Особые категории', source: 'Социальное положение: «вынужденные переселенцы»', test: (p) => has(p.socialStatus, 'вынужденные переселенцы'), general: true },
  { key: 'refugees', label: 'Беженцы', group: 'Особые категории', source: 'Социальное положение: «беженцы»', test: (p) => has(p.socialStatus, 'беженцы') },
  { key: 'foreign', label: 'Иностранные граждане и лица без гражданства', group: 'Особые категории', source: 'карточка: «Гражданство» не Российская Федерация', test: (p) => p.citizenship !== null && p.citizenship !== RF, general: true },
  { key: 'northern', label: 'Из малочисленных народов Севера', group: 'Особые категории', source: 'карточка: «Из малочисленных народов Севера»', test: (p) => p.smallNorthernPeople },
  { key: 'freeMeals', label: 'Получают льготное (бесплатное) питание', group: 'Меры поддержки', source: 'карточка: «Льготное (бесплатное) питание»', test: (p) => p.freeMeals },
  { key: 'transport', label: 'Нуждаются в подвозе', group: 'Меры поддержки', source: 'карточка: «Нуждается в подвозе»', test: (p) => p.needsTransport },
  { key: 'gifted', label: 'Одарённые дети', group: 'Меры поддержки', source: 'карточка: «Одарённый ребёнок»', test: (p) => p.gifted },
];

export const HEALTH_GROUP_KEYS = [...HEALTH_GROUPS, 'none'] as const;
export type HealthGroupKey = (typeof HEALTH_GROUP_KEYS)[number];

/** The group a card names, or `none` (empty or a value outside the list, e.g. pulled from a portal). */
export function healthGroupOf(value: string | null): HealthGroupKey {
  return value && (HEALTH_GROUPS as readonly string[]).includes(value) ? (value as HealthGroupKey) : 'none';
}

export const PE_GROUP_KEYS = [...PE_GROUPS, 'none'] as const;
export type PeGroupKey = (typeof PE_GROUP_KEYS)[number];

export function peGroupOf(value: string | null): PeGroupKey {
  return value && (PE_GROUPS as readonly string[]).includes(value) ? (value as PeGroupKey) : 'none';
}

/** Education levels by grade, for subtotals: «1–4 классы», «5–9 классы», «10–11 классы». */
export const LEVELS = [
  { key: 'noo', label: '1–4 классы', from: 1, to: 4 },
  { key: 'ooo', label: '5–9 классы', from: 5, to: 9 },
  { key: 'soo', label: '10–11(12) классы', from: 10, to: 12 },
] as const;

export function levelKeyOf(grade: number): 'noo' | 'ooo' | 'soo' {
  return grade <= 4 ? 'noo' : grade <= 9 ? 'ooo' : 'soo';
}

/** 1 January after the report's date: the Rosstat day for ages in school statistics. */
export function ageDayFor(date: string): string {
  return `${Number(date.slice(0, 4)) + (date.slice(5) === '01-01' ? 0 : 1)}-01-01`;
}
