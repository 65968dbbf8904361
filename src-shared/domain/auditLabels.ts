import { contract } from '../contract/index';
import type { MethodDef } from '../contract/define';
import { RIGHTS } from '../contract/rights';
import { ROLES } from '../contract/access';
import { formatNumberRu } from './plural';
import { VERSION_STATUS_LABEL } from '../contract/timetableFields';
import { ORDER_STATUSES } from './movement/orderTypes';
import { ACCOUNT_STATUSES } from './portalAccounts';

/**
 * Human names for the audit log: what kind of record an entity is, and the Russian label of each
 * field, taken from the contract's own `labels` so a new card gets a readable history for free.
 * Add an entity title here when the contract's `record` does not read well as a record type.
 */
export const ENTITY_TITLES: Record<string, string> = {
  school: 'Карточка ОО',
  appUser: 'Пользователь программы',
  session: 'Сеанс',
  roleRight: 'Право роли',
  userRight: 'Право пользователя',
  accessSettings: 'Настройки входа',
  audit: 'Журнал изменений',
  backup: 'Резервная копия',
  appSettings: 'Настройки программы',
  appLog: 'Журнал программы',
  pupil: 'Обучающийся',
  parent: 'Родитель',
  staff: 'Сотрудник',
  deadline: 'Срок по регламенту',
  timetableVersion: 'Версия расписания',
  timetableSubstitution: 'Замена',
  timetableAbsence: 'Отсутствие учителя',
  timetableRoomClosure: 'Закрытие кабинета',
  timetablePlacement: 'Урок в расписании',
  teacherAvailability: 'Недоступность учителя',
  bells: 'Расписание звонков',
  bellLesson: 'Урок в расписании звонков',
  class: 'Класс',
  classMembership: 'Состав класса',
  membership: 'Состав класса',
  curriculum: 'Учебный план',
  curriculumRow: 'Строка учебного плана',
  assignment: 'Нагрузка',
  qualification: 'Квалификация',
  order: 'Приказ',
  movement: 'Движение',
  movementDoc: 'Документ приказа',
  account: 'Учётная запись портала',
  link: 'Связь',
  setup: 'Настройка',
};

const fieldLabels = new Map<string, Record<string, string>>();
for (const def of Object.values(contract) as MethodDef[]) {
  if (!def.entity || !def.labels) continue;
  const map = fieldLabels.get(def.entity) ?? {};
  for (const [path, label] of Object.entries(def.labels)) {
    // `card.inn` in the input is `inn` in the stored diff.
    const field = path.includes('.') ? path.slice(path.indexOf('.') + 1) : path;
    map[field] ??= label;
  }
  fieldLabels.set(def.entity, map);
}

export function entityTitle(entity: string): string {
  if (ENTITY_TITLES[entity]) return ENTITY_TITLES[entity];
  const def = (Object.values(contract) as MethodDef[]).find((d) => d.entity === entity && d.record);
  return def?.record ?? entity;
}

/** Fields the services log that no contract input names (statuses, counts, links). */
const COMMON_FIELD_LABELS: Record<string, string> = {
  status: 'Состояние',
  written: 'Записано',
  effectiveFrom: 'Действует с',
  effectiveTo: 'Действует по',
  replacedBy: 'Заменено на',
  archived: 'В архив',
  exportFile: 'Файл для портала',
  importedOn: 'Загружено в портал',
  personId: 'Человек',
  pupilId: 'Обучающийся',
  parentId: 'Родитель',
  staffId: 'Сотрудник',
  classId: 'Класс',
  class: 'Класс',
  date: 'Дата',
  subjectId: 'Предмет',
  roomId: 'Кабинет',
  yearId: 'Учебный год',
  orderId: 'Приказ',
  name: 'Название',
  title: 'Название',
};

export function fieldLabel(entity: string, field: string): string {
  const label = fieldLabels.get(entity)?.[field];
  if (label) return label;
  if (field in RIGHTS) return `Право «${RIGHTS[field as keyof typeof RIGHTS]}»`;
  return COMMON_FIELD_LABELS[field] ?? field;
}

/** Portal exchange runs (the exchange screens show the same words). */
export const EXCHANGE_STATUSES: Record<string, string> = {
  previewed: 'предпросмотр',
  applied: 'применена',
  cancelled: 'отменена',
  ready: 'готов к загрузке в портал',
  imported: 'загружен в портал',
  confirmed: 'подтверждён загрузкой из портала',
};

const lower = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.toLowerCase()]));

/** Statuses by the entity that has them: `status: previewed → applied` reads «предпросмотр → применена». */
const STATUS_WORDS: Record<string, Record<string, string>> = {
  portalExchange: EXCHANGE_STATUSES,
  portalAccount: lower(ACCOUNT_STATUSES),
  movementOrder: lower(ORDER_STATUSES),
  timetableVersion: VERSION_STATUS_LABEL,
  productionCalendar: { official: 'по постановлению', forecast: 'прогноз' },
};
/** The same words for a status whose entity is not known (details of other entries). */
const ANY_STATUS: Record<string, string> = Object.assign({}, ...Object.values(STATUS_WORDS).reverse());
/** Machine words inside details (an export's format). */
const VALUE_WORDS: Record<string, string> = { screen: 'на экране', xlsx: 'Excel', docx: 'Word', pdf: 'PDF', csv: 'CSV' };

/** Names of records a diff refers to by id, sent with each log row (`AuditRow.refs`). */
export type AuditRefs = Record<string, string> | undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One value of a diff as a person reads it: names instead of ids, Russian words, never JSON. */
export function formatAuditValue(value: unknown, refs?: AuditRefs): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  // Whole numbers stay as typed (a year, a grade, a number of a record); fractions take a comma.
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatNumberRu(value);
  if (Array.isArray(value)) return value.map((v) => formatAuditValue(v, refs)).join(', ');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('.');
  if (typeof value === 'string' && UUID.test(value)) return refs?.[value] ?? 'удалённая запись';
  if (typeof value === 'string') return VALUE_WORDS[value] ?? ANY_STATUS[value] ?? value;
  if (typeof value === 'object') return formatDetails(value, refs);
  return String(value);
}

/** A diff value in its field's terms: role ids become role names, statuses Russian words. */
export function formatFieldValue(field: string, value: unknown, entity?: string, refs?: AuditRefs): string {
  if (field === 'roles' && Array.isArray(value)) return value.map((r) => ROLES[r as keyof typeof ROLES] ?? String(r)).join(', ') || '—';
  if (field === 'status' && typeof value === 'string') return (entity ? STATUS_WORDS[entity]?.[value] : undefined) ?? ANY_STATUS[value] ?? value;
  return formatAuditValue(value, refs);
}

const DIFF_ACTIONS = new Set(['create', 'update', 'delete', 'grant', 'revoke', 'unlock']);

/** `{ field: [old, new] }` of an edit, or null when the entry carries other details. */
export function fieldChanges(action: string, changes: unknown): { field: string; before: unknown; after: unknown }[] | null {
  if (!DIFF_ACTIONS.has(action) || !changes || typeof changes !== 'object' || Array.isArray(changes)) return null;
  const entries = Object.entries(changes as Record<string, unknown>);
  if (!entries.every(([, v]) => Array.isArray(v) && v.length === 2)) return null;
  return entries.map(([field, v]) => ({ field, before: (v as unknown[])[0], after: (v as unknown[])[1] }));
}

const DETAIL_LABELS: Record<string, string> = {
  transport: 'способ',
  login: 'логин',
  reason: 'причина',
  minutes: 'минут',
  lockedUntil: 'до',
  lockNumber: 'блокировка подряд №',
  idleMinutes: 'бездействие, минут',
  lastSeenAt: 'последнее действие',
  format: 'формат',
  rows: 'строк',
  classId: 'класс (код)',
  className: 'класс',
  filter: 'отбор',
  input: 'параметры',
  file: 'файл',
  mustChangePassword: 'сменить пароль при входе',
  report: 'отчёт',
  params: 'параметры',
  namedRows: 'строк с именами',
  date: 'на дату',
  yearId: 'учебный год',
  from: 'с',
  to: 'по',
  status: 'состояние',
  counts: 'число записей',
};

const TRANSPORTS: Record<string, string> = { http: 'браузер', ipc: 'окно программы', 'in-process': 'командная строка' };

function detailValue(key: string, value: unknown, refs: AuditRefs): string {
  if (key === 'transport' && typeof value === 'string') return TRANSPORTS[value] ?? value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) return `(${formatDetails(value, refs)})`;
  return formatAuditValue(value, refs);
}

/** A key of logged details: its Russian label, a record kind («pupil» → «обучающийся»), or a field label. */
function detailLabel(key: string): string {
  if (DETAIL_LABELS[key]) return DETAIL_LABELS[key];
  if (ENTITY_TITLES[key]) return ENTITY_TITLES[key].toLowerCase();
  const title = entityTitle(key);
  if (title !== key) return title.toLowerCase();
  return COMMON_FIELD_LABELS[key]?.toLowerCase() ?? key;
}

/** Details of a non-edit entry (sign-in, export…) as «ключ: значение; …» in Russian. */
export function formatDetails(changes: unknown, refs?: AuditRefs): string {
  if (changes === null || changes === undefined) return '';
  if (typeof changes !== 'object') return String(changes);
  const d = { ...(changes as Record<string, unknown>) };
  const parts: string[] = [];
  if (typeof d.attempt === 'number') {
    parts.push(`попытка ${d.attempt}${typeof d.of === 'number' ? ` из ${d.of}` : ''}`);
    delete d.attempt;
    delete d.of;
  }
  for (const [k, v] of Object.entries(d)) parts.push(`${detailLabel(k)}: ${detailValue(k, v, refs)}`);
  return parts.join('; ');
}
