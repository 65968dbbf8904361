import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, version } from './fields';
import { exportedFile } from './files';
import { personId } from './peopleFields';
import { personKind } from './peopleMerge';
import { ACCOUNT_STATUS_IDS, checkImportCode, type AccountStatus } from '../domain/portalAccounts';

/**
 * Portal accounts («Сетевой город») of pupils, parents and staff: нужно создать → передано в портал
 * → создана (login and initial password) → выдана (date, to whom, by whom), due 3 working days after
 * the enrolment or hiring order (work order 3.5–3.8). Initial passwords are stored encrypted and
 * erased once the account is handed over.
 */
const status = z.enum(ACCOUNT_STATUS_IDS as [AccountStatus, ...AccountStatus[]]);

export const accountRow = z.object({
  id: z.string(),
  personKind,
  personId: z.string(),
  personName: z.string(),
  /** The pupil's class, or the classes of a parent's children. */
  className: z.string().nullable(),
  status,
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  /** Working days left until the deadline; negative when overdue; null when handed over. */
  daysLeft: z.number().int().nullable(),
  exportFile: z.string().nullable(),
  sentOn: z.string().nullable(),
  login: z.string().nullable(),
  /** An initial password is stored (encrypted) and can be printed on a letter. */
  hasPassword: z.boolean(),
  createdOn: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  handedOverTo: z.string().nullable(),
  handedOverBy: z.string().nullable(),
  version,
});
export type AccountRow = z.output<typeof accountRow>;

export const accountFilter = z.object({
  personKind: personKind.optional(),
  status: status.optional(),
  classId: personId.optional(),
  overdueOnly: z.boolean().optional(),
  search: z.string().max(200).optional(),
});
export type AccountFilter = z.output<typeof accountFilter>;

export const ACCOUNT_LABELS: Record<string, string> = {
  personKind: 'Вид',
  personId: 'Человек',
  orderDate: 'Дата приказа',
  orderNumber: '№ приказа',
  fileName: 'Файл выгрузки',
  date: 'Дата',
  to: 'Кому выдана',
  code: 'Код импорта',
  text: 'Текст распечатки',
  portalUrl: 'Адрес портала',
  classId: 'Класс',
  format: 'Формат',
  // Fields of the account's history entries.
  status: 'Состояние',
  login: 'Логин',
  password: 'Начальный пароль',
  exportFile: 'Файл выгрузки',
  sentOn: 'Передано в портал',
  createdOn: 'Создана в портале',
  handedOverOn: 'Выдана',
  handedOverTo: 'Кому выдана',
  handedOverBy: 'Кто выдал',
  dueDate: 'Срок',
};
for (let i = 0; i < 100; i++) {
  ACCOUNT_LABELS[`entries.${i}.login`] = `Строка ${i + 1}: логин`;
  ACCOUNT_LABELS[`entries.${i}.password`] = `Строка ${i + 1}: начальный пароль`;
}

const idVersion = z.object({ id: personId, version });

export const accountsContract = {
  /** Accounts the caller looks after: pupils' and parents' for the secretary and class teachers (own classes), staff for HR. */
  'accounts.list': query({
    summary: 'Учётные записи портала',
    right: 'accounts.read',
    labels: ACCOUNT_LABELS,
    input: accountFilter.optional(),
    output: z.array(accountRow),
  }),
  /** The filtered list as an Excel file with the columns shown (never a password); the export is logged. */
  'accounts.export': query({
    summary: 'Выгрузить учётные записи портала в Excel',
    right: 'accounts.read',
    exportsPersonalData: true,
    labels: ACCOUNT_LABELS,
    input: accountFilter.extend({ columns: z.array(z.string().max(50)).max(30).optional() }).optional(),
    output: exportedFile,
  }),
  /** Overdue and due-today accounts for the start page. */
  'accounts.overdue': query({
    summary: 'Просроченные учётные записи портала',
    right: 'accounts.read',
    input: z.object({}).optional(),
    output: z.object({ overdue: z.array(accountRow), dueToday: z.number().int(), open: z.number().int() }),
  }),
  /** Opens the task for a person who has none (e.g. enrolled before the program was used); due 3 working days after the order. */
  'accounts.open': mutation({
    summary: 'Поставить задачу на учётную запись портала',
    right: 'accounts.edit',
    entity: 'portalAccount',
    record: 'Учётная запись портала',
    labels: ACCOUNT_LABELS,
    input: z.object({ personKind, personId, orderDate: isoDate, orderNumber: z.string().trim().max(50).nullable().optional() }),
    output: accountRow,
  }),
  /** Marks accounts as handed to the portal in an export file (the sync module calls this after writing the file). */
  'accounts.markSent': mutation({
    summary: 'Отметить передачу в портал',
    right: 'accounts.edit',
    entity: 'portalAccount',
    record: 'Учётные записи портала',
    labels: ACCOUNT_LABELS,
    input: z.object({ ids: z.array(personId).min(1, 'не выбрано ни одной записи').max(2000), fileName: z.string().trim().min(1, 'обязательное поле').max(300), date: isoDate }),
    output: z.array(accountRow),
  }),
  /** Records logins and initial passwords (typed or read from the portal's printout); passwords are encrypted. */
  'accounts.recordCreated': mutation({
    summary: 'Записать логины и начальные пароли',
    right: 'accounts.edit',
    entity: 'portalAccount',
    record: 'Учётные записи портала',
    labels: ACCOUNT_LABELS,
    input: z.object({
      entries: z
        .array(
          idVersion.extend({
            login: z.string().trim().min(1, 'обязательное поле').max(100, 'не длиннее 100 символов'),
            password: z.string().trim().min(1, 'обязательное поле').max(100, 'не длиннее 100 символов').nullable(),
          }),
        )
        .min(1, 'нет ни одной записи')
        .max(2000),
      date: isoDate,
    }),
    output: z.array(accountRow),
  }),
  /** Matches a pasted printout (ФИО, login, password per line) to accounts; changes nothing. */
  'accounts.parsePrintout': query({
    summary: 'Разобрать распечатку логинов портала',
    right: 'accounts.edit',
    labels: ACCOUNT_LABELS,
    input: z.object({
      text: z.string().min(1, 'вставьте текст распечатки').max(500_000),
      /** The import run's 4-digit code: passwords missing from the printout become surname + code. */
      code: z
        .string()
        .trim()
        .optional()
        .superRefine((v, ctx) => {
          const problem = v ? checkImportCode(v) : null;
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    }),
    output: z.object({
      matched: z.array(z.object({ line: z.number().int(), id: z.string(), version, personName: z.string(), login: z.string(), password: z.string().nullable() })),
      unmatched: z.array(z.object({ line: z.number().int(), text: z.string(), reason: z.string() })),
    }),
  }),
  /** Confirms that the person got their login and password; the stored initial password is erased. */
  'accounts.handOver': mutation({
    summary: 'Отметить выдачу учётной записи',
    right: 'accounts.handOver',
    entity: 'portalAccount',
    record: 'Учётная запись портала',
    labels: ACCOUNT_LABELS,
    input: idVersion.extend({ date: isoDate, to: z.string().trim().min(1, 'укажите, кому выдана').max(200) }),
    output: accountRow,
  }),
  /** Account letters of a class (pupils and their parents) as PDF or DOCX; the export is logged. */
  'accounts.letters': query({
    summary: 'Письма с учётными записями класса',
    right: 'accounts.handOver',
    exportsPersonalData: true,
    labels: ACCOUNT_LABELS,
    input: z.object({ classId: personId, format: z.enum(['pdf', 'docx'], 'формат — PDF или DOCX'), includeParents: z.boolean().optional() }),
    output: exportedFile.extend({ skipped: z.array(z.string()) }),
  }),
  /** Account letters of chosen staff (HR hands them out) as PDF or DOCX; the export is logged. */
  'accounts.staffLetters': query({
    summary: 'Письма с учётными записями сотрудников',
    right: 'accounts.handOver',
    exportsPersonalData: true,
    labels: ACCOUNT_LABELS,
    input: z.object({
      staffIds: z.array(personId).min(1, 'отметьте сотрудников, которым печатать письма').max(1000),
      format: z.enum(['pdf', 'docx'], 'формат — PDF или DOCX'),
    }),
    output: exportedFile.extend({ skipped: z.array(z.string()) }),
  }),
  'accounts.settings.get': query({
    summary: 'Настройки учётных записей портала',
    right: 'accounts.read',
    input: z.object({}).optional(),
    output: z.object({ portalUrl: z.string() }),
  }),
  'accounts.settings.save': mutation({
    summary: 'Сохранить адрес портала',
    right: 'accounts.edit',
    entity: 'portalAccountSettings',
    record: 'Настройки учётных записей портала',
    labels: ACCOUNT_LABELS,
    input: z.object({ portalUrl: z.string().trim().url('адрес портала — например https://netschool.edu22.info').max(300) }),
    output: z.object({ portalUrl: z.string() }),
  }),
};
