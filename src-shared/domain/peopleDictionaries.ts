/**
 * Reference lists of the pupil, parent and staff cards. Values are stored as the Russian text shown
 * here (the portal's import matches dictionary fields by text, `formats/netschool.md` §1.1), so a
 * value typed outside a list is kept as typed rather than lost.
 */

export const RELATIONS = ['мать', 'отец', 'опекун', 'попечитель', 'иной законный представитель'] as const;
export type Relation = (typeof RELATIONS)[number];

export const HEALTH_GROUPS = ['I', 'II', 'III', 'IV', 'V'] as const;

export const PE_GROUPS = ['основная', 'подготовительная', 'специальная «А»', 'специальная «Б»', 'освобождён'] as const;

/** Категории обучающихся с ОВЗ (ФГОС ОВЗ, ФАОП). */
export const OVZ_CATEGORIES = [
  'глухие',
  'слабослышащие и позднооглохшие',
  'слепые',
  'слабовидящие',
  'тяжёлые нарушения речи (ТНР)',
  'нарушения опорно-двигательного аппарата (НОДА)',
  'задержка психического развития (ЗПР)',
  'расстройства аутистического спектра (РАС)',
  'умственная отсталость (интеллектуальные нарушения)',
  'тяжёлые множественные нарушения развития (ТМНР)',
] as const;

/** Варианты ФАОП/АООП, as written on a ПМПК conclusion. */
export const ADAPTED_PROGRAMMES = [
  'ФАОП НОО, вариант 1.1', 'ФАОП НОО, вариант 1.2', 'ФАОП НОО, вариант 2.1', 'ФАОП НОО, вариант 2.2',
  'ФАОП НОО, вариант 3.1', 'ФАОП НОО, вариант 3.2', 'ФАОП НОО, вариант 4.1', 'ФАОП НОО, вариант 4.2',
  'ФАОП НОО, вариант 5.1', 'ФАОП НОО, вариант 5.2', 'ФАОП НОО, вариант 6.1', 'ФАОП НОО, вариант 6.2',
  'ФАОП НОО, вариант 7.1', 'ФАОП НОО, вариант 7.2', 'ФАОП НОО, вариант 8.1', 'ФАОП НОО, вариант 8.2',
  'ФАОП ООО (ЗПР)', 'ФАОП ООО (ТНР)', 'ФАОП ООО (НОДА)', 'ФАОП ООО (РАС)', 'ФАОП ООО (слабовидящие)',
  'ФАОП УО, вариант 1', 'ФАОП УО, вариант 2',
] as const;

export const DISABILITY_GROUPS = ['ребёнок-инвалид', 'I группа', 'II группа', 'III группа'] as const;

export const DISABILITY_CATEGORIES = [
  'нарушения зрения',
  'нарушения слуха',
  'нарушения опорно-двигательного аппарата',
  'нарушения интеллекта',
  'нарушения психического развития',
  'нарушения речи',
  'соматические заболевания',
  'иное',
] as const;

/** Состав семьи: several may hold at once (неполная и многодетная, опекаемый в приёмной семье). */
export const FAMILY_COMPOSITIONS = [
  'полная семья',
  'неполная семья (мать)',
  'неполная семья (отец)',
  'многодетная семья',
  'опекаемый',
  'приёмная семья',
  'проживает с родственниками',
] as const;

/** Социальное положение: several at once, `|`-separated in the portal's files. */
export const SOCIAL_STATUSES = [
  'многодетная семья',
  'малоимущая семья',
  'семья участника СВО',
  'ребёнок-сирота',
  'ребёнок, оставшийся без попечения родителей',
  'семья в социально опасном положении',
  'родители-инвалиды',
  'вынужденные переселенцы',
  'учёт в КДН',
  'внутришкольный учёт',
  'учёт в ПДН',
  'группа риска',
  'беженцы',
] as const;

export const DEVIANT_BEHAVIOURS = ['пропуски без уважительной причины', 'правонарушения', 'бродяжничество', 'курение', 'употребление алкоголя', 'иное'] as const;

export const STUDY_FORMS = ['очная', 'очно-заочная', 'заочная', 'семейное образование', 'самообразование'] as const;

export const FOREIGN_LANGUAGES = ['английский', 'немецкий', 'французский', 'испанский', 'китайский', 'итальянский'] as const;

export const FUNDING_TYPES = ['бюджет', 'платное обучение'] as const;
export const BUDGET_LEVELS = ['федеральный', 'региональный', 'муниципальный'] as const;

export const EDUCATION_LEVELS = [
  'высшее — магистратура',
  'высшее — специалитет',
  'высшее — бакалавриат',
  'высшее — подготовка кадров высшей квалификации',
  'среднее профессиональное',
  'среднее общее',
  'основное общее',
  'начальное общее',
] as const;

/** Квалификационные категории педагогических работников (приказ Минпросвещения № 196 от 24.03.2023). */
export const QUALIFICATION_CATEGORIES = [
  'высшая',
  'первая',
  'педагог-методист',
  'педагог-наставник',
  'соответствие занимаемой должности',
  'без категории',
] as const;

export const FAMILY_STATUSES = ['состоит в браке', 'не состоит в браке', 'разведён(а)', 'вдовец (вдова)'] as const;

/** Relatives of a staff member as the personal card (форма Т-2, «Состав семьи») lists them. */
export const STAFF_FAMILY_RELATIONS = ['муж', 'жена', 'сын', 'дочь', 'мать', 'отец', 'брат', 'сестра', 'опекаемый', 'иной родственник'] as const;

export const EMPLOYEE_CATEGORIES = ['руководитель', 'педагогический работник', 'учебно-вспомогательный персонал', 'обслуживающий персонал', 'специалист'] as const;

export const CITIZENSHIPS = ['Российская Федерация', 'без гражданства', 'Республика Казахстан', 'Республика Узбекистан', 'Республика Таджикистан', 'Кыргызская Республика', 'Республика Беларусь', 'Украина', 'Республика Армения', 'Азербайджанская Республика'] as const;

export const ADDRESS_KINDS = {
  registration: 'Адрес регистрации',
  actual: 'Адрес проживания',
  stay: 'Адрес пребывания',
} as const;
export type AddressKind = keyof typeof ADDRESS_KINDS;
export const ADDRESS_KIND_IDS = Object.keys(ADDRESS_KINDS) as AddressKind[];

/** Т-2 section V (повышение квалификации) and VI (профессиональная переподготовка). */
export const TRAINING_KINDS = { qualification: 'повышение квалификации', retraining: 'профессиональная переподготовка' } as const;
export type TrainingKind = keyof typeof TRAINING_KINDS;

/** Staff position kinds: the main one (основная) and additional (совместительство, совмещение). */
export const POSITION_KINDS = { main: 'основная', additional: 'дополнительная' } as const;
export type PositionKind = keyof typeof POSITION_KINDS;
