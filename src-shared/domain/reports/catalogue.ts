/**
 * The report catalogue (issue 21): every report the office can make from its own data, with its
 * purpose, audience (work order §7.1), parameters and the work order's deadline. The keys are
 * stable: the deadline monitor and the CLI name reports by them, so never rename one.
 */

/**
 * Who may run a report. `school` — school-wide reports (завуч, директор, администратор, секретарь;
 * §7.1 «Отчеты по ОО доступны пользователю с ролью «Завуч»»); `class` — reports on one class, for the
 * teachers working in it and the school-wide roles; `staff` — reports on the staff, for those who read
 * staff cards (завуч, директор, администратор, специалист по кадрам).
 */
export type ReportAudience = 'school' | 'class' | 'staff';

export type ReportParam = 'date' | 'class' | 'year';

export const REPORT_KEYS = [
  'pupils-general',
  'pupils-year-results',
  'oo1',
  'social-passport-school',
  'social-passport-class',
  'staff-attestation',
  'staff-education',
  'staff-age-experience',
  'class-lists',
] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

/** Reports with a screen of their own that joined the catalogue (their screens stay where they were). */
export const SCREEN_REPORT_KEYS = ['occupancy', 'movement', 'movement-book'] as const;
export type ScreenReportKey = (typeof SCREEN_REPORT_KEYS)[number];

/** Printed personal files (DOCX/PDF from templates the administrator may replace). */
export const PRINT_FORM_KEYS = ['pupil-card', 'staff-card-t2', 'study-certificate', 'work-certificate'] as const;
export type PrintFormKey = (typeof PRINT_FORM_KEYS)[number];

export type CatalogueKey = ReportKey | ScreenReportKey | PrintFormKey;

export interface ReportInfo {
  title: string;
  purpose: string;
  /** The group the catalogue shows it under. */
  group: 'Обучающиеся' | 'Статистика' | 'Социальный паспорт' | 'Кадры' | 'Книга движения' | 'Печатные формы';
  audience: ReportAudience;
  params: readonly ReportParam[];
  /** The work order's (or the collector's) deadline in words; the deadline monitor adds the date. */
  deadline: string | null;
  /** Where the rule comes from. */
  source: string;
  /** Whether a run lists people by name (then it is logged as an export of personal data). */
  names: boolean;
}

export const AUDIENCE_TITLES: Record<ReportAudience, string> = {
  school: 'Завуч, директор, администратор, секретарь',
  class: 'Учителя и классные руководители — по своим классам; завуч, директор, администратор, секретарь — по всем',
  staff: 'Завуч, директор, администратор, специалист по кадрам',
};

const OCTOBER_1 = 'ежегодно, не позднее 1 октября';

export const REPORTS: Record<ReportKey, ReportInfo> = {
  'pupils-general': {
    title: 'Общие сведения об обучающихся',
    purpose: 'Контингент на дату (обычно 1 октября): по параллелям — пол, год рождения и возраст на 1 января, ОВЗ, инвалидность, обучение на дому, интернат, группы здоровья, физкультурные группы, иностранные языки, социальные категории.',
    group: 'Обучающиеся',
    audience: 'school',
    params: ['date'],
    deadline: OCTOBER_1,
    source: 'Порядок, п. 3.10',
    names: false,
  },
  'pupils-year-results': {
    title: 'Итоговые данные по учащимся',
    purpose: 'Итоги учебного года по книге движения: на начало и конец года, прибыло, выбыло по причинам, переведено, переведено условно, оставлено на повторное обучение, выпущено с аттестатом и без него.',
    group: 'Обучающиеся',
    audience: 'school',
    params: ['year'],
    deadline: OCTOBER_1,
    source: 'Порядок, п. 3.10',
    names: false,
  },
  oo1: {
    title: 'ОО-1 (черновик): контингент и персонал',
    purpose: 'Разделы формы ОО-1, которые школа заполняет из своих данных: классы и обучающиеся по годам обучения, пол и возраст, классы с ОВЗ, классы и классы-комплекты; персонал по должностям, образованию, категориям, стажу и возрасту. Каждое число раскрывается списком, контрольные соотношения формы проверяются.',
    group: 'Статистика',
    audience: 'school',
    params: ['date'],
    deadline: 'не позднее 15 октября (по состоянию на 20 сентября)',
    source: 'Форма ОО-1 Росстата; письма Минпросвещения о сроках',
    names: false,
  },
  'social-passport-school': {
    title: 'Социальный паспорт школы',
    purpose: 'Социальные категории обучающихся по классам с итогами по уровням (1–4, 5–9, 10–11) и по школе: семья, доход, опека, здоровье, профилактический учёт, особые категории.',
    group: 'Социальный паспорт',
    audience: 'school',
    params: ['date'],
    deadline: 'ежегодно в сентябре, далее по мере изменений',
    source: 'Локальный акт школы (положение о социальном паспорте)',
    names: false,
  },
  'social-passport-class': {
    title: 'Социальный паспорт класса',
    purpose: 'Социальные категории обучающихся класса (мальчики, девочки, всего) и поимённый список по каждой категории.',
    group: 'Социальный паспорт',
    audience: 'class',
    params: ['date', 'class'],
    deadline: 'ежегодно в сентябре, далее по мере изменений',
    source: 'Локальный акт школы (положение о социальном паспорте)',
    names: true,
  },
  'staff-attestation': {
    title: 'Квалификационные категории и аттестация',
    purpose: 'Педагоги по квалификационным категориям; сроки аттестации: просрочена, истекает в ближайшие 3 месяца, позже.',
    group: 'Кадры',
    audience: 'staff',
    params: ['date'],
    deadline: null,
    source: 'Приказ Минпросвещения № 196 от 24.03.2023',
    names: true,
  },
  'staff-education': {
    title: 'Образование и курсы повышения квалификации',
    purpose: 'Сотрудники по уровню образования (из них педагогическое); курсы повышения квалификации и переподготовка за последние 3 года; кто не проходил курсы.',
    group: 'Кадры',
    audience: 'staff',
    params: ['date'],
    deadline: null,
    source: 'Форма ОО-1, раздел 3.1 и справка 2',
    names: true,
  },
  'staff-age-experience': {
    title: 'Возраст и стаж сотрудников',
    purpose: 'Сотрудники по возрасту (моложе 25 … 65 и старше, из них женщины), по общему и педагогическому стажу.',
    group: 'Кадры',
    audience: 'staff',
    params: ['date'],
    deadline: null,
    source: 'Форма ОО-1, разделы 3.2 и 3.3',
    names: false,
  },
  'class-lists': {
    title: 'Списки классов на начало года',
    purpose: 'Для каждого класса: ФИО, дата рождения, адрес, родители (законные представители), телефоны.',
    group: 'Обучающиеся',
    audience: 'class',
    params: ['date', 'class'],
    deadline: 'к 1 сентября',
    source: 'Порядок, п. 2.1 (классы и классные руководители)',
    names: true,
  },
};

export interface ScreenReportInfo {
  title: string;
  purpose: string;
  group: ReportInfo['group'];
  /** The route of its own screen. */
  path: string;
  /** The right its screen needs. */
  right: 'movement.reports' | 'movement.read';
  audience: ReportAudience;
  deadline: string | null;
  source: string;
}

export const SCREEN_REPORTS: Record<ScreenReportKey, ScreenReportInfo> = {
  occupancy: {
    title: 'Наполняемость классов',
    purpose: 'Классы на дату: всего, мальчики, девочки, ОВЗ, интернат, обучение на дому — с обучающимися за каждым числом.',
    group: 'Книга движения',
    path: '/reports/occupancy',
    right: 'movement.reports',
    audience: 'school',
    deadline: 'постоянно',
    source: 'Порядок, п. 3.10',
  },
  movement: {
    title: 'Движение учащихся по школе',
    purpose: 'За период: на начало, прибыло и выбыло по видам, на конец; сверка по каждому классу.',
    group: 'Книга движения',
    path: '/reports/movement',
    right: 'movement.reports',
    audience: 'school',
    deadline: 'постоянно',
    source: 'Порядок, п. 3.10',
  },
  'movement-book': {
    title: 'Книга движения учащихся',
    purpose: 'Все записи книги движения по приказам, с отбором по датам и классу.',
    group: 'Книга движения',
    path: '/reports/movement-book',
    right: 'movement.read',
    audience: 'school',
    deadline: null,
    source: 'Порядок, п. 2.1 (Администратор, 2)',
  },
};

export interface PrintFormInfo {
  title: string;
  purpose: string;
  person: 'pupil' | 'staff';
  source: string;
  /** A certificate numbered in the register of issued certificates. */
  certificate?: 'study' | 'work';
}

export const PRINT_FORMS: Record<PrintFormKey, PrintFormInfo> = {
  'pupil-card': {
    title: 'Личная карта обучающегося',
    purpose: 'Для бумажного личного дела: сведения карточки, родители, зачисление и классы по годам, выбытие.',
    person: 'pupil',
    source: 'Порядок, п. 6.2; приказ Минпросвещения № 458 от 02.09.2020',
  },
  'staff-card-t2': {
    title: 'Личная карточка работника (форма Т-2)',
    purpose: 'Разделы I, III, IV, V, VII, XI формы Т-2 из карточки сотрудника: общие сведения, приём и переводы, аттестация, повышение квалификации, награды, увольнение.',
    person: 'staff',
    source: 'Постановление Госкомстата России от 05.01.2004 № 1 (ОКУД 0301002)',
  },
  'study-certificate': {
    title: 'Справка об обучении',
    purpose: 'Справка с места учёбы: обучающийся, класс, учебный год, № приказа о зачислении. Каждая справка получает номер в журнале выданных справок.',
    person: 'pupil',
    source: 'Порядок, п. 6.2 (справки по запросу родителей)',
    certificate: 'study',
  },
  'work-certificate': {
    title: 'Справка с места работы',
    purpose: 'Справка сотруднику: должность, дата и приказ о приёме. Номер — из журнала выданных справок.',
    person: 'staff',
    source: 'Статья 62 Трудового кодекса РФ',
    certificate: 'work',
  },
};

export type CertificateKind = 'study' | 'work';

/** The print form that is a numbered certificate of this kind. */
export const CERTIFICATE_FORMS: Record<CertificateKind, PrintFormKey> = { study: 'study-certificate', work: 'work-certificate' };

/** A saved report of the builder appears in the catalogue under this key. */
export function customReportKey(id: string): string {
  return `custom:${id}`;
}

export function isReportKey(key: string): key is ReportKey {
  return (REPORT_KEYS as readonly string[]).includes(key);
}

export function reportsOf(audience: ReportAudience): ReportKey[] {
  return REPORT_KEYS.filter((k) => REPORTS[k].audience === audience);
}

/** «1 October» of the school year a day falls in (from January to August: last autumn's). */
export function firstOctober(today: string): string {
  const y = Number(today.slice(0, 4));
  return `${today.slice(5) >= '09-01' ? y : y - 1}-10-01`;
}

/** 20 September of the school year of a day: the day ОО-1 counts classes and pupils on. */
export function twentiethSeptember(today: string): string {
  const y = Number(today.slice(0, 4));
  return `${today.slice(5) >= '09-01' ? y : y - 1}-09-20`;
}

/** 1 September of the school year of a day (from August on: the coming one). */
export function firstSeptember(today: string): string {
  const y = Number(today.slice(0, 4));
  return `${today.slice(5) >= '08-01' ? y : y - 1}-09-01`;
}

const DEFAULT_DATES: Record<ReportKey, (today: string) => string> = {
  'pupils-general': firstOctober,
  'pupils-year-results': (today) => today,
  oo1: twentiethSeptember,
  'social-passport-school': firstOctober,
  'social-passport-class': firstOctober,
  'staff-attestation': (today) => today,
  'staff-education': (today) => today,
  'staff-age-experience': (today) => today,
  'class-lists': firstSeptember,
};

/** The day a report is made on when the user names none; the screen shows the same date. */
export function reportDefaultDate(key: ReportKey, today: string): string {
  return DEFAULT_DATES[key](today);
}
