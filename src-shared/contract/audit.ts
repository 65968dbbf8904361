import { z } from './zodRu';
import { query } from './define';
import { isoDate } from './fields';
import { exportedFile } from './files';
import { listSortInput, SORT_LABELS } from './listSortInput';

/** Filters of «Журнал изменений»; every one is optional, the period is inclusive (local dates). */
export const auditFilter = z.object({
  userId: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  entity: z.string().max(100).optional(),
  recordId: z.string().max(200).optional(),
  action: z.string().max(50).optional(),
});
export type AuditFilter = z.output<typeof auditFilter>;

export const auditRow = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  transport: z.string(),
  method: z.string(),
  entity: z.string(),
  recordId: z.string().nullable(),
  /** What the record is called now (a person's name, a login), when the log can tell. */
  recordName: z.string().nullable(),
  action: z.string(),
  /** Parsed JSON: `{ field: [old, new] }` for edits, details for other actions. */
  changes: z.unknown(),
  /** Names of the records the changes refer to by id (a class, a staff member), so no id is shown. */
  refs: z.record(z.string(), z.string()).optional(),
  cause: z.string().nullable(),
});
export type AuditRow = z.output<typeof auditRow>;

/** Columns of the log's page a click on the head sorts by (on the server: the log is paged). */
export const AUDIT_SORT_COLUMNS = ['at', 'userName', 'action', 'entity'] as const;

/** Russian names of audit actions, for the log page and its Excel export. */
export const AUDIT_ACTIONS: Record<string, string> = {
  create: 'Создание',
  update: 'Изменение',
  delete: 'Удаление',
  export: 'Выгрузка',
  call: 'Операция',
  signin: 'Вход',
  'signin-failed': 'Неверный пароль',
  'signin-refused': 'Вход отклонён',
  lock: 'Блокировка входа',
  unlock: 'Разблокировка',
  signout: 'Выход',
  expire: 'Сеанс истёк',
  'password-change': 'Смена пароля',
  'password-reset': 'Сброс пароля',
  grant: 'Выдача права',
  revoke: 'Отзыв права',
  apply: 'Применение',
  approve: 'Утверждение',
  archive: 'В архив',
  cancel: 'Отмена',
  generate: 'Составление',
  generated: 'Составлено',
  import: 'Загрузка',
  merge: 'Объединение',
  restore: 'Восстановление',
  sign: 'Подписание',
};

export const auditContract = {
  /** Log entries matching the filters, newest first, a page at a time. */
  'audit.list': query({
    summary: 'Журнал изменений',
    right: 'audit.read',
    record: 'Журнал изменений',
    labels: { from: 'Период с', to: 'Период по', recordId: 'Запись', ...SORT_LABELS },
    input: auditFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
      /** Without it, newest first. */
      sort: listSortInput(AUDIT_SORT_COLUMNS, 'Журнал изменений'),
    }),
    output: z.object({ rows: z.array(auditRow), total: z.number().int() }),
  }),
  /** Values for the filter lists: users and entities that occur in the log. */
  'audit.facets': query({
    summary: 'Значения фильтров журнала',
    right: 'audit.read',
    input: z.object({}).optional(),
    output: z.object({
      users: z.array(z.object({ id: z.string(), name: z.string() })),
      entities: z.array(z.string()),
      actions: z.array(z.string()),
    }),
  }),
  /** The change history of one record (the «История изменений» tab of a card), oldest first. */
  'audit.history': query({
    summary: 'История изменений записи',
    right: 'audit.read',
    input: z.object({ entity: z.string().min(1).max(100), recordId: z.string().min(1).max(200) }),
    output: z.array(auditRow),
  }),
  /** The filtered log as an Excel file; the export itself is logged (the log holds personal data). */
  'audit.export': query({
    summary: 'Выгрузить журнал изменений в Excel',
    right: 'audit.read',
    exportsPersonalData: true,
    record: 'Журнал изменений',
    labels: { from: 'Период с', to: 'Период по' },
    input: auditFilter,
    output: exportedFile,
  }),
};
