import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';

/**
 * Exchange with the regional portal «Сетевой город» through its own files (`formats/netschool.md`):
 * pulls (onboarding and refresh) are a wizard — files → parse → match → preview → apply → report;
 * pushes write the portal's import files from what changed since the last push (the outbox).
 */
export const PUSH_KINDS = ['staffSimple', 'staffExtended', 'movementSimple', 'movementWithDocs', 'pupilsBatch', 'parentsExtended'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

export const PUSH_KIND_TITLES: Record<PushKind, string> = {
  staffSimple: 'Сотрудники, простой импорт (7 столбцов)',
  staffExtended: 'Сотрудники, расширенный импорт (48 столбцов)',
  movementSimple: 'Новые учащиеся с родителями в книгу движения (15 столбцов)',
  movementWithDocs: 'Новые учащиеся с родителями и документами в книгу движения (25 столбцов)',
  pupilsBatch: 'Пакетное обновление учащихся (99 столбцов, по шаблону последней выгрузки портала)',
  parentsExtended: 'Родители, расширенный импорт (30 столбцов)',
};

export const fileIssue = z.object({
  row: z.number().int(),
  column: z.number().int().nullable(),
  columnLetter: z.string().nullable(),
  caption: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const PREVIEW_ENTITIES = [
  'pupil', 'parent', 'staff', 'link', 'membership', 'account', 'class', 'subject', 'room', 'bells', 'assignment', 'curriculum', 'movementDoc', 'order',
  'bellLesson', 'subgroup', 'jointGroup', 'qualification', 'curriculumRow',
] as const;
export type PreviewEntity = (typeof PREVIEW_ENTITIES)[number];
export const PREVIEW_ACTIONS = ['create', 'update', 'unchanged', 'rejected', 'ambiguous'] as const;
export type PreviewAction = (typeof PREVIEW_ACTIONS)[number];

export const previewEntry = z.object({
  /** Stable within a pull: the file, the row and the person's role in it. */
  key: z.string(),
  fileName: z.string(),
  row: z.number().int().nullable(),
  entity: z.enum(PREVIEW_ENTITIES),
  action: z.enum(PREVIEW_ACTIONS),
  label: z.string(),
  recordId: z.string().nullable(),
  matchedBy: z.enum(['portalId', 'snils', 'fio', 'name']).nullable(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), old: z.string().nullable(), new: z.string().nullable() })),
  issues: z.array(fileIssue),
  candidates: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type PreviewEntry = z.output<typeof previewEntry>;

const counts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), ambiguous: z.number().int() });

export const pullFileInfo = z.object({
  id: z.string(),
  fileName: z.string(),
  formatId: z.string().nullable(),
  formatTitle: z.string().nullable(),
  confidence: z.enum(['high', 'medium', 'low']).nullable(),
  container: z.string(),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  issues: z.array(fileIssue),
  /** Parts of the file the program does not import, with how many there are and why: never dropped in silence. */
  notImported: z.array(z.object({ part: z.string(), count: z.number().int(), reason: z.string() })).default([]),
});

/** How many entries of each kind and action, and how many of them carry remarks. */
export const previewGroup = z.object({ entity: z.enum(PREVIEW_ENTITIES), action: z.enum(PREVIEW_ACTIONS), count: z.number().int(), warned: z.number().int() });

export const pullPreview = z.object({
  exchangeId: z.string(),
  status: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  files: z.array(pullFileInfo),
  counts,
  groups: z.array(previewGroup),
  /** All entries of the preview; `entries` is the first page (the rest: `exchange.pull.entries`). */
  total: z.number().int(),
  entries: z.array(previewEntry),
});

/** A page of a pull's preview, filtered on the server. */
export const previewFilter = z.object({
  exchangeId: z.string().min(1).max(100),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  action: z.enum(PREVIEW_ACTIONS).nullable().default(null),
  entity: z.enum(PREVIEW_ENTITIES).nullable().default(null),
  warnedOnly: z.boolean().default(false),
  /** Part of a name or title (case and ё ignored). */
  search: z.string().trim().max(100).default(''),
});
export type PullPreview = z.output<typeof pullPreview>;

export const pullReport = z.object({
  exchangeId: z.string(),
  status: z.string(),
  counts,
  /** Records written, by entity: `{ pupil: 497, parent: 880, … }`. */
  written: z.record(z.string(), z.number().int()),
  confirmedPushes: z.number().int(),
  accountsCreated: z.number().int(),
});
export type PullReport = z.output<typeof pullReport>;

export const exchangeFileRow = z.object({ id: z.string(), fileName: z.string(), formatId: z.string().nullable(), size: z.number().int(), rows: z.number().int() });

export const exchangeRow = z.object({
  id: z.string(),
  direction: z.enum(['pull', 'push']),
  status: z.string(),
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  finishedAt: z.string().nullable(),
  finishedBy: z.string().nullable(),
  version: z.number().int(),
  summary: z.record(z.string(), z.unknown()),
  files: z.array(exchangeFileRow),
  items: z.number().int(),
  confirmed: z.number().int(),
});
export type ExchangeRow = z.output<typeof exchangeRow>;

export const outboxEntry = z.object({
  personKind: z.enum(['pupil', 'parent', 'staff']),
  personId: z.string(),
  label: z.string(),
  className: z.string().nullable(),
  /** create — the portal does not have the person yet; update — changed since the last push/pull. */
  action: z.enum(['create', 'update']),
  changedAt: z.string(),
  /** What will change in the portal, in words: fields with their new values. */
  fields: z.array(z.object({ label: z.string(), value: z.string().nullable() })),
  /** Push files that carry this entry. */
  pushKinds: z.array(z.enum(PUSH_KINDS)),
  /** The last push file that carried the person, if any. */
  lastPush: z.object({ exchangeId: z.string(), fileName: z.string(), at: z.string(), status: z.string() }).nullable(),
  /** Changes no import file can carry, with what to do in the portal by hand. */
  manual: z.array(z.string()).default([]),
});
export type OutboxEntry = z.output<typeof outboxEntry>;

export const writeIssue = z.object({
  record: z.string(),
  row: z.number().int(),
  column: z.number().int(),
  columnLetter: z.string(),
  caption: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const pushResult = z.object({
  exchangeId: z.string().nullable(),
  file: exportedFile.nullable(),
  /** Values the portal would reject: nothing was written. */
  issues: z.array(writeIssue),
  warnings: z.array(writeIssue),
});
export type PushResult = z.output<typeof pushResult>;

export const reconciliationRow = z.object({
  entity: z.enum(['pupil', 'parent', 'staff', 'class']),
  label: z.string(),
  /** onlyOffice — in the office, not in the pull; onlyPortal — in the pull only; differs — both, values differ. */
  kind: z.enum(['onlyOffice', 'onlyPortal', 'differs']),
  field: z.string().nullable(),
  office: z.string().nullable(),
  portal: z.string().nullable(),
});

export const reconciliation = z.object({
  pullId: z.string().nullable(),
  pulledAt: z.string().nullable(),
  rows: z.array(reconciliationRow),
});
export type Reconciliation = z.output<typeof reconciliation>;

const uploaded = z.object({ fileName: z.string().trim().min(1).max(255), contentBase64: z.string().max(48_000_000, 'файл больше 35 МБ: выгрузите из портала по классам или параллелям') });
const exchangeId = z.string().min(1).max(100);
/** The id the client watches the job's progress under and stops it by (a new one when left out). */
const jobId = z.string().min(1).max(100).optional();

export const exchangeContract = {
  /** The portal file formats we read and write, with confidence and source. */
  'exchange.formats': query({
    summary: 'Форматы файлов портала',
    right: 'exchange.read',
    input: z.object({}).optional(),
    output: z.array(z.object({ id: z.string(), title: z.string(), entity: z.string(), portalSide: z.string(), confidence: z.string(), source: z.string(), columns: z.number().int(), headerLines: z.number().int() })),
  }),
  /** Pull wizard, steps 1–3: uploads files, parses, matches and returns the preview; changes no data. */
  'exchange.pull.preview': mutation({
    summary: 'Загрузить файлы портала и показать, что изменится',
    right: 'exchange.pull',
    entity: 'portalExchange',
    record: 'Загрузка из портала',
    // Portal exports of a whole school are tens of megabytes as base64.
    maxRequestBytes: 64 * 1024 * 1024,
    input: z.object({ files: z.array(uploaded).min(1, 'выберите хотя бы один файл').max(12, 'не больше 12 файлов за раз'), jobId }),
    output: pullPreview,
  }),
  /** A page of a pull's preview: entries of one action or kind, with remarks, or found by name. */
  'exchange.pull.entries': query({
    summary: 'Записи предпросмотра загрузки из портала',
    right: 'exchange.read',
    input: previewFilter,
    output: z.object({ total: z.number().int(), entries: z.array(previewEntry) }),
  }),
  /** Stops a running preview or apply of a pull (its job id); nothing it did is kept. */
  'exchange.pull.stop': mutation({
    summary: 'Остановить загрузку из портала',
    right: 'exchange.pull',
    entity: 'portalExchange',
    input: z.object({ jobId: z.string().min(1).max(100) }),
    output: z.object({ stopped: z.boolean() }),
  }),
  /** A pull's preview recomputed against the database as it is now. */
  'exchange.pull.get': query({
    summary: 'Предпросмотр загрузки из портала',
    right: 'exchange.read',
    input: z.object({ exchangeId }),
    output: pullPreview,
  }),
  /** Pull wizard, step 4: writes exactly the preview in one transaction; ambiguous rows as decided. */
  'exchange.pull.apply': mutation({
    summary: 'Применить загрузку из портала',
    right: 'exchange.pull',
    entity: 'portalExchange',
    record: 'Загрузка из портала',
    input: z.object({
      exchangeId,
      version: z.number().int(),
      /** Ambiguous entry key → the chosen record id, `new` (create) or `skip`. */
      decisions: z.record(z.string(), z.string().max(100)).default({}),
      jobId,
    }),
    output: pullReport,
  }),
  'exchange.pull.cancel': mutation({
    summary: 'Отменить загрузку из портала (ничего не меняется)',
    right: 'exchange.pull',
    entity: 'portalExchange',
    input: z.object({ exchangeId, version: z.number().int() }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  /** Exchanges, newest first, with their files. */
  'exchange.history': query({
    summary: 'История обмена с порталом',
    right: 'exchange.read',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional(),
    output: z.array(exchangeRow),
  }),
  /** A file of an exchange as it was received or sent. */
  'exchange.file': query({
    summary: 'Скачать файл обмена с порталом',
    right: 'exchange.read',
    exportsPersonalData: true,
    input: z.object({ fileId: z.string().min(1).max(100) }),
    output: exportedFile,
  }),
};
