/**
 * Kinds of orders (приказы) about pupils' movement and what an item of each kind does to the dated
 * class membership when the order is signed: `in` starts a membership, `move` ends one and starts
 * another on the same date, `out` ends one. Annual kinds move pupils into next year's classes.
 */
export const ORDER_TYPES = ['enroll', 'transfer', 'promote', 'conditionalPromote', 'repeatYear', 'withdraw', 'graduate', 'expel', 'reinstate'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export type OrderEffect = 'in' | 'move' | 'out';

export interface OrderTypeInfo {
  /** What the secretary picks from the list. */
  label: string;
  /** The default title of a new order, after «Приказ № … от …». */
  title: string;
  /** Default number suffix: `12-з`. Types with the same suffix share one sequence per year. */
  defaultSuffix: string;
  effect: OrderEffect;
  /** Moves into a class of the next academic year (the annual orders of the rollover). */
  annual: boolean;
  /** What the movement book says happened, by sex of the pupil: [masculine, feminine]. */
  event: readonly [string, string];
}

export const ORDER_TYPE_INFO: Record<OrderType, OrderTypeInfo> = {
  enroll: { label: 'Зачисление', title: 'О зачислении обучающихся', defaultSuffix: 'з', effect: 'in', annual: false, event: ['зачислен', 'зачислена'] },
  transfer: { label: 'Перевод в другой класс', title: 'О переводе обучающихся в другой класс', defaultSuffix: 'п', effect: 'move', annual: false, event: ['переведён в другой класс', 'переведена в другой класс'] },
  promote: { label: 'Перевод в следующий класс', title: 'О переводе обучающихся в следующий класс', defaultSuffix: 'г', effect: 'move', annual: true, event: ['переведён в следующий класс', 'переведена в следующий класс'] },
  conditionalPromote: { label: 'Условный перевод', title: 'Об условном переводе обучающихся в следующий класс', defaultSuffix: 'ус', effect: 'move', annual: true, event: ['переведён условно', 'переведена условно'] },
  repeatYear: { label: 'Оставление на повторное обучение', title: 'Об оставлении обучающихся на повторное обучение', defaultSuffix: 'по', effect: 'move', annual: true, event: ['оставлен на повторное обучение', 'оставлена на повторное обучение'] },
  withdraw: { label: 'Выбытие', title: 'О выбытии обучающихся', defaultSuffix: 'в', effect: 'out', annual: false, event: ['выбыл', 'выбыла'] },
  graduate: { label: 'Выпуск', title: 'О выпуске обучающихся', defaultSuffix: 'вып', effect: 'out', annual: false, event: ['выпущен', 'выпущена'] },
  expel: { label: 'Отчисление', title: 'Об отчислении обучающихся', defaultSuffix: 'о', effect: 'out', annual: false, event: ['отчислен', 'отчислена'] },
  reinstate: { label: 'Восстановление', title: 'О восстановлении обучающихся', defaultSuffix: 'вс', effect: 'in', annual: false, event: ['восстановлен', 'восстановлена'] },
};

/** How a pupil came to be enrolled (the movement report counts arrivals by it). */
export const ENROLL_KINDS = {
  first: 'Впервые (в 1 класс или ранее не обучался)',
  otherSchool: 'Из другой образовательной организации',
  familyEducation: 'С семейного образования или самообразования',
  continuing: 'Выпускник 9 класса этой школы (в 10 класс)',
  contingent: 'Ввод контингента (перенос из бумажной книги)',
} as const;
export type EnrollKind = keyof typeof ENROLL_KINDS;
export const ENROLL_KIND_KEYS = Object.keys(ENROLL_KINDS) as EnrollKind[];

/** Where a withdrawn pupil went (the movement report counts departures by it). */
export const DESTINATION_KINDS = {
  sameRegion: 'В другую ОО региона',
  otherRegion: 'В ОО другого региона России',
  abroad: 'За пределы России',
  college: 'В профессиональную ОО (СПО)',
  familyEducation: 'На семейное образование',
  other: 'Другое',
} as const;
export type DestinationKind = keyof typeof DESTINATION_KINDS;
export const DESTINATION_KIND_KEYS = Object.keys(DESTINATION_KINDS) as DestinationKind[];

export const ORDER_STATUSES = { draft: 'Черновик', signed: 'Подписан', cancelled: 'Отменён' } as const;
export type OrderStatus = keyof typeof ORDER_STATUSES;

/** «12-з»; an empty suffix gives the bare number. */
export function formatOrderNumber(n: number, suffix: string): string {
  const s = suffix.trim();
  return s ? `${n}-${s}` : String(n);
}

/** Suffixes are short, so numbers stay readable and fit the register column. */
export const SUFFIX_RE = /^[А-ЯЁа-яёA-Za-z0-9/]{0,6}$/;

/** Which class an item needs: the class the pupil leaves and/or the class they join. */
export function needsFromClass(type: OrderType): boolean {
  return ORDER_TYPE_INFO[type].effect !== 'in';
}
export function needsToClass(type: OrderType): boolean {
  return ORDER_TYPE_INFO[type].effect !== 'out';
}

/** The grade the target class must have for an annual move, or null when any grade will do. */
export function expectedTargetGrade(type: OrderType, fromGrade: number): number | null {
  if (type === 'promote' || type === 'conditionalPromote') return fromGrade + 1;
  if (type === 'repeatYear') return fromGrade;
  return null;
}

/**
 * Graduation ends general education after grade 9 (основное) or 11 (среднее; 12 in evening
 * schools). A 10th-grader who leaves is withdrawn or expelled, never graduated.
 */
export function isGraduationGrade(grade: number): boolean {
  return grade === 9 || grade >= 11;
}

/** «основного общего» / «среднего общего»: the level a graduate of this grade completes. */
export function educationLevelGenitive(grade: number): string {
  return grade >= 11 ? 'среднего общего' : grade >= 9 ? 'основного общего' : 'начального общего';
}
