/**
 * Portal accounts («Сетевой город»): the portal creates them when it imports our files; the app
 * tracks each account from "to be created" to "handed over" against the work order's deadline —
 * 3 working days after the enrolment or hiring order (work order 3.6).
 */
import { addWorkingDays, workingDaysBetween, type ProductionCalendar } from './calendar';
import type { PersonKind } from './personRules';

export const ACCOUNT_STATUSES = {
  toCreate: 'Нужно создать',
  sentToPortal: 'Передано в портал',
  created: 'Создана',
  handedOver: 'Выдана',
} as const;
export type AccountStatus = keyof typeof ACCOUNT_STATUSES;
export const ACCOUNT_STATUS_IDS = Object.keys(ACCOUNT_STATUSES) as AccountStatus[];

export const ACCOUNT_KIND_TITLES: Record<PersonKind, string> = {
  pupil: 'Обучающийся',
  parent: 'Родитель',
  staff: 'Сотрудник',
};

/** Work order 3.6: accounts are created and handed over within 3 working days after the order. */
export const ACCOUNT_DEADLINE_WORKING_DAYS = 3;

/** The portal address printed on account letters until the administrator sets the region's own. */
export const DEFAULT_PORTAL_URL = 'https://netschool.edu22.info';

export function accountDueDate(cal: ProductionCalendar, orderDate: string): string {
  return addWorkingDays(cal, orderDate, ACCOUNT_DEADLINE_WORKING_DAYS);
}

export function isOverdue(status: AccountStatus, dueDate: string | null, today: string): boolean {
  return status !== 'handedOver' && dueDate !== null && today > dueDate;
}

/**
 * Working days left until the deadline (0 on the due day itself, negative when overdue), counted
 * with the production calendar so holidays do not eat the secretary's time.
 */
export function workingDaysLeft(cal: ProductionCalendar, dueDate: string, today: string): number {
  if (today === dueDate) return 0;
  if (today < dueDate) return workingDaysBetween(cal, today, dueDate) - 1;
  return -(workingDaysBetween(cal, dueDate, today) - 1);
}

/**
 * The initial password the portal gives an imported user: the surname followed by the import run's
 * 4-digit code (`formats/netschool.md` §1.1).
 */
export function portalInitialPassword(lastName: string, code: string): string {
  return `${lastName}${code}`;
}

export function checkImportCode(code: string): string | null {
  return /^\d{4}$/.test(code.trim()) ? null : 'код импорта — 4 цифры, его показывает портал после загрузки файла';
}

export interface PrintoutLine {
  /** Line number in the pasted text, from 1. */
  line: number;
  name: string;
  login: string;
  password: string | null;
}

/**
 * Reads the logins the portal prints («Печать» after an import), pasted as text: one person per line,
 * columns separated by tabs or semicolons — ФИО (in one or three columns), login, and the password
 * when the printout shows it. Lines that do not look like that are returned as problems.
 */
export function parsePrintout(text: string): { lines: PrintoutLine[]; problems: { line: number; text: string }[] } {
  const lines: PrintoutLine[] = [];
  const problems: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const row = raw.trim();
    if (!row) return;
    const cells = row.split(/\t|;/).map((c) => c.trim()).filter((c, idx, all) => c !== '' || idx < all.length - 1);
    const filled = cells.filter(Boolean);
    // Header lines and numbering columns are skipped: «№», «ФИО», «Логин».
    if (filled.some((c) => /^(фио|логин|пароль|№)$/i.test(c))) return;
    const parts = filled.filter((c) => !/^\d+\.?$/.test(c));
    const nameCells: string[] = [];
    if (parts[0]?.includes(' ')) nameCells.push(parts.shift() as string);
    else {
      // ФИО in separate columns: up to three single Russian words, leaving the login behind them.
      while (nameCells.length < 3 && parts.length > 1 && /^[А-ЯЁа-яё][А-ЯЁа-яё'-]*$/.test(parts[0])) nameCells.push(parts.shift() as string);
    }
    const name = nameCells.join(' ').replace(/\s+/g, ' ').trim();
    const login = parts.shift();
    if (!name || !login) {
      problems.push({ line: i + 1, text: row.slice(0, 200) });
      return;
    }
    lines.push({ line: i + 1, name, login, password: parts.shift() ?? null });
  });
  return { lines, problems };
}
