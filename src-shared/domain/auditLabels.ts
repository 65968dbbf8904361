import { contract } from '../contract/index';
import type { MethodDef } from '../contract/define';
import { RIGHTS } from '../contract/rights';
import { ROLES } from '../contract/access';

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
  pupil: 'Обучающийся',
  parent: 'Родитель',
  staff: 'Сотрудник',
  deadline: 'Срок по регламенту',
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

export function fieldLabel(entity: string, field: string): string {
  const label = fieldLabels.get(entity)?.[field];
  if (label) return label;
  if (field in RIGHTS) return `Право «${RIGHTS[field as keyof typeof RIGHTS]}»`;
  return field;
}

/** One value of a diff as a person reads it. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (Array.isArray(value)) return value.map(formatAuditValue).join(', ');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('.');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A diff value in its field's terms: role ids become role names. */
export function formatFieldValue(field: string, value: unknown): string {
  if (field === 'roles' && Array.isArray(value)) return value.map((r) => ROLES[r as keyof typeof ROLES] ?? String(r)).join(', ') || '—';
  return formatAuditValue(value);
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
};

const TRANSPORTS: Record<string, string> = { http: 'браузер', ipc: 'окно программы', 'in-process': 'командная строка' };

function detailValue(key: string, value: unknown): string {
  if (key === 'transport' && typeof value === 'string') return TRANSPORTS[value] ?? value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) return `(${formatDetails(value)})`;
  return formatAuditValue(value);
}

/** Details of a non-edit entry (sign-in, export…) as «ключ: значение; …» in Russian. */
export function formatDetails(changes: unknown): string {
  if (changes === null || changes === undefined) return '';
  if (typeof changes !== 'object') return String(changes);
  const d = { ...(changes as Record<string, unknown>) };
  const parts: string[] = [];
  if (typeof d.attempt === 'number') {
    parts.push(`попытка ${d.attempt}${typeof d.of === 'number' ? ` из ${d.of}` : ''}`);
    delete d.attempt;
    delete d.of;
  }
  for (const [k, v] of Object.entries(d)) parts.push(`${DETAIL_LABELS[k] ?? k}: ${detailValue(k, v)}`);
  return parts.join('; ');
}
