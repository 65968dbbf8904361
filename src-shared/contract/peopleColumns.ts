import type { ParentRow, PupilRow, StaffRow } from './peopleViews';
import type { SortValue } from '../domain/listSort';

/**
 * Columns of the people lists. The virtual table shows them and the Excel export writes the ones the
 * user has on screen, in the same order and with the same captions ("every list exports to Excel
 * with the columns shown").
 */
export interface ListColumn<R> {
  key: string;
  title: string;
  /** Width in characters (Excel) — the table uses ×8 px. */
  width: number;
  /** Shown until the user hides it. */
  visible: boolean;
  value: (row: R) => string | number | null;
  /** What the column sorts by when that is not the text shown (a date sorts by its ISO form). */
  sortValue?: (row: R) => SortValue;
}

/** The value a column sorts by, the same on the screen and on the server. */
export const sortValueOf = <R>(c: ListColumn<R>): ((row: R) => SortValue) => c.sortValue ?? c.value;

const ru = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : null);
const yes = (b: boolean) => (b ? 'да' : '');

const nameColumns = <R extends { lastName: string; firstName: string; middleName: string | null; sex: string; birthDate: string | null }>(): ListColumn<R>[] => [
  { key: 'lastName', title: 'Фамилия', width: 18, visible: true, value: (r) => r.lastName },
  { key: 'firstName', title: 'Имя', width: 14, visible: true, value: (r) => r.firstName },
  { key: 'middleName', title: 'Отчество', width: 18, visible: true, value: (r) => r.middleName },
  { key: 'sex', title: 'Пол', width: 5, visible: true, value: (r) => r.sex },
  { key: 'birthDate', title: 'Дата рождения', width: 13, visible: true, value: (r) => ru(r.birthDate), sortValue: (r) => r.birthDate },
];

export const PUPIL_COLUMNS: ListColumn<PupilRow>[] = [
  ...nameColumns<PupilRow>(),
  { key: 'className', title: 'Класс', width: 7, visible: true, value: (r) => r.className },
  { key: 'snils', title: 'СНИЛС', width: 15, visible: false, value: (r) => r.snils },
  { key: 'personalFileNumber', title: '№ личного дела', width: 12, visible: false, value: (r) => r.personalFileNumber },
  { key: 'alphabetBookNumber', title: '№ в алфавитной книге', width: 12, visible: false, value: (r) => r.alphabetBookNumber },
  { key: 'parentsText', title: 'Родители', width: 40, visible: true, value: (r) => r.parentsText },
  { key: 'phoneMobile', title: 'Мобильный телефон', width: 17, visible: false, value: (r) => r.phoneMobile },
  { key: 'email', title: 'Электронная почта', width: 22, visible: false, value: (r) => r.email },
  { key: 'healthGroup', title: 'Группа здоровья', width: 8, visible: false, value: (r) => r.healthGroup },
  { key: 'peGroup', title: 'Физкультурная группа', width: 14, visible: false, value: (r) => r.peGroup },
  { key: 'hasOvz', title: 'ОВЗ', width: 6, visible: true, value: (r) => yes(r.hasOvz) },
  { key: 'disabilityGroup', title: 'Инвалидность', width: 14, visible: false, value: (r) => r.disabilityGroup },
  { key: 'boarding', title: 'Интернат', width: 9, visible: false, value: (r) => yes(r.boarding) },
  { key: 'homeSchooling', title: 'На дому', width: 8, visible: false, value: (r) => yes(r.homeSchooling) },
  { key: 'needsTransport', title: 'Подвоз', width: 8, visible: false, value: (r) => yes(r.needsTransport) },
  { key: 'freeMeals', title: 'Льготное питание', width: 10, visible: false, value: (r) => yes(r.freeMeals) },
  { key: 'pdRefusal', title: 'Отказ от обработки ПДн', width: 10, visible: false, value: (r) => yes(r.pdRefusal) },
];

const childrenText = (r: ParentRow) => r.children.map((c) => `${c.pupilName}${c.className ? `, ${c.className}` : ''} (${c.relation})`).join('; ');

export const PARENT_COLUMNS: ListColumn<ParentRow>[] = [
  ...nameColumns<ParentRow>(),
  { key: 'children', title: 'Дети', width: 45, visible: true, value: childrenText },
  { key: 'phoneMobile', title: 'Мобильный телефон', width: 17, visible: true, value: (r) => r.phoneMobile },
  { key: 'email', title: 'Электронная почта', width: 22, visible: false, value: (r) => r.email },
  { key: 'snils', title: 'СНИЛС', width: 15, visible: false, value: (r) => r.snils },
  { key: 'workplace', title: 'Место работы', width: 25, visible: false, value: (r) => r.workplace },
];

const leaveText = (r: StaffRow) =>
  r.maternityLeaveFrom || r.maternityLeaveTo ? [r.maternityLeaveFrom && `с ${ru(r.maternityLeaveFrom)}`, r.maternityLeaveTo && `по ${ru(r.maternityLeaveTo)}`].filter(Boolean).join(' ') : null;

export const STAFF_COLUMNS: ListColumn<StaffRow>[] = [
  ...nameColumns<StaffRow>(),
  { key: 'position', title: 'Основная должность', width: 28, visible: true, value: (r) => r.position },
  { key: 'additionalPositions', title: 'Дополнительные должности', width: 28, visible: false, value: (r) => r.additionalPositions || null },
  { key: 'department', title: 'Подразделение', width: 18, visible: false, value: (r) => r.department },
  { key: 'qualificationCategory', title: 'Категория', width: 16, visible: true, value: (r) => r.qualificationCategory },
  { key: 'nextAttestationDate', title: 'Следующая аттестация', width: 13, visible: false, value: (r) => ru(r.nextAttestationDate), sortValue: (r) => r.nextAttestationDate },
  { key: 'hireDate', title: 'Дата приёма', width: 12, visible: false, value: (r) => ru(r.hireDate), sortValue: (r) => r.hireDate },
  { key: 'dismissalDate', title: 'Дата увольнения', width: 12, visible: false, value: (r) => ru(r.dismissalDate), sortValue: (r) => r.dismissalDate },
  { key: 'maternityLeave', title: 'Отпуск по уходу за ребёнком', width: 26, visible: false, value: leaveText, sortValue: (r) => r.maternityLeaveFrom ?? r.maternityLeaveTo },
  { key: 'personnelNumber', title: 'Табельный №', width: 10, visible: false, value: (r) => r.personnelNumber },
  { key: 'snils', title: 'СНИЛС', width: 15, visible: false, value: (r) => r.snils },
  { key: 'phoneMobile', title: 'Мобильный телефон', width: 17, visible: true, value: (r) => r.phoneMobile },
  { key: 'email', title: 'Электронная почта', width: 22, visible: false, value: (r) => r.email },
];

/** The columns a request names, in its order; unknown keys are ignored; none named → the visible ones. */
export function pickColumns<R>(all: readonly ListColumn<R>[], keys: readonly string[] | undefined): ListColumn<R>[] {
  if (!keys || keys.length === 0) return all.filter((c) => c.visible);
  const byKey = new Map(all.map((c) => [c.key, c]));
  const out = keys.map((k) => byKey.get(k)).filter((c): c is ListColumn<R> => Boolean(c));
  return out.length > 0 ? out : all.filter((c) => c.visible);
}
