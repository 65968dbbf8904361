import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { ORDER_TYPE_INFO, type OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { searchKey } from '../../../../src-shared/domain/names';
import { plural } from '../../../../src-shared/domain/plural';
import { normaliseName } from '../../../../src-shared/domain/personRules';
import { opensAccountTask, orderLabel, typeLabel } from '../../movement/index';
import type { ColumnDef } from '../formats/columns';
import { issueAt, type FileIssue, type FileRecord } from '../formats/records';
import { destinationKindOf, enrollKindOf, orderTypeOf } from './movebookKinds';
import { loadBookContext, type BookContext, type KnownOrder } from './movebookContext';
import { personLabel } from './peopleIndex';
import type { PeopleState } from './planPeople';
import { tempId, type ImportedOrderItem, type ParsedFile } from './planTypes';
import type { Executor } from '../../foundation/executor';

/**
 * The portal's movement-book export (§3.1 ExportMoveBook): its documents become the history of our
 * movement book. Rows of one document (type, number, date) make one order with an item per pupil,
 * stored as signed with the portal's number and date and marked as imported. They change no class
 * membership — the pupil list gives the current classes (from the enrolment date read here) — so
 * they are history, not a second source of truth (docs/exchange.md, «Movement book»).
 */

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v));
const opt = (v: unknown): string | null => str(v) || null;

function rowPerson(v: Record<string, unknown>) {
  return { lastName: normaliseName(str(v.lastName)), firstName: normaliseName(str(v.firstName)), middleName: opt(v.middleName) ? normaliseName(str(v.middleName)) : null, birthDate: opt(v.birthDate) };
}

/** Enrolment dates read from a movement-book export (the latest per pupil): `ФИО, дд.мм.гггг` → date. */
export function enrolDates(files: readonly ParsedFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    if (f.formatId !== 'movementBookExport') continue;
    for (const r of f.records) {
      const type = orderTypeOf(str(r.values.docType), str(r.values.docSubtype));
      const date = opt(r.values.docDate);
      if ((type !== 'enroll' && type !== 'reinstate') || !date || !str(r.values.lastName)) continue;
      const key = personLabel(rowPerson(r.values));
      const had = out.get(key);
      if (!had || had < date) out.set(key, date);
    }
  }
  return out;
}

interface Group {
  key: string;
  portalId: string;
  type: OrderType;
  docType: string;
  number: string;
  date: string;
  rows: FileRecord[];
  issues: FileIssue[];
}

function column(f: ParsedFile, field: string): ColumnDef | null {
  return f.columns.find((c) => c.field === field) ?? null;
}

function docLabel(type: OrderType, number: string, date: string): string {
  return `${orderLabel({ numberText: number, orderDate: date })} «${ORDER_TYPE_INFO[type].title}»`;
}

/** Every document row: rejected rows and types we do not keep are listed on their own; the rest grouped. */
function groupRows(st: PeopleState, f: ParsedFile): Group[] {
  const groups = new Map<string, Group>();
  for (const r of f.records) {
    const v = r.values;
    const errors = r.issues.filter((i) => i.severity === 'error');
    const rowText = `${str(v.docType) || 'документ'} № ${str(v.docNumber) || '—'} от ${v.docDate ? formatRu(str(v.docDate)) : '—'}: ${personLabel({ lastName: str(v.lastName) || '—', firstName: str(v.firstName), middleName: opt(v.middleName), birthDate: opt(v.birthDate) })}`;
    const entry = (action: PreviewEntry['action'], issues: FileIssue[]): PreviewEntry => ({ key: `${f.id}:${r.row}:movementDoc`, fileName: f.fileName, row: r.row, entity: 'movementDoc', action, label: rowText, recordId: null, matchedBy: null, changes: [], issues, candidates: [] });
    if (errors.length > 0) {
      st.entries.push(entry('rejected', r.issues));
      continue;
    }
    const type = orderTypeOf(str(v.docType), str(v.docSubtype));
    if (!type) {
      const sub = str(v.docSubtype) ? ` (подтип «${str(v.docSubtype)}»)` : '';
      st.entries.push(entry('unchanged', [issueAt(r.row, column(f, 'docType'), `тип документа «${str(v.docType)}»${sub} не соответствует ни одному виду приказа программы — строка только прочитана`, 'warning')]));
      continue;
    }
    const number = str(v.docNumber);
    const date = str(v.docDate);
    const docType = str(v.docType).toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
    const key = `${docType}|${number}|${date}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, portalId: `movebook:${key}`, type, docType: str(v.docType), number, date, rows: [], issues: [] }));
    if (type !== g.type) {
      g.issues.push(issueAt(r.row, column(f, 'docSubtype'), `в одном документе пункты разных видов («${ORDER_TYPE_INFO[g.type].label}» и «${ORDER_TYPE_INFO[type].label}») — в программе это разные приказы, строка не перенесена`, 'warning'));
      continue;
    }
    g.rows.push(r);
  }
  return [...groups.values()];
}

/** The pupils of a document as order items; rows whose pupil is not found are warnings. */
function itemsOf(st: PeopleState, f: ParsedFile, g: Group, book: BookContext, yearId: string): { items: ImportedOrderItem[]; labels: string[] } {
  const info = ORDER_TYPE_INFO[g.type];
  const items: ImportedOrderItem[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const r of g.rows) {
    const v = r.values;
    const p = rowPerson(v);
    const who = personLabel(p);
    const match = st.ctx.pupils.match({ portalId: null, snils: null, ...p, fio: searchKey(p.lastName, p.firstName, p.middleName) });
    if (match.kind !== 'match') {
      const why = match.kind === 'ambiguous' ? 'подходят несколько карточек (одинаковые ФИО и дата рождения)' : 'не найден ни в программе, ни в загружаемом списке учащихся';
      g.issues.push(issueAt(r.row, column(f, 'lastName'), `обучающийся ${who}: ${why} — пункт приказа не перенесён`, 'warning'));
      continue;
    }
    const pupilId = match.person.id;
    if (seen.has(pupilId)) {
      g.issues.push(issueAt(r.row, column(f, 'lastName'), `обучающийся ${who} уже есть в этом приказе выше — строка пропущена`, 'warning'));
      continue;
    }
    seen.add(pupilId);
    const className = opt(v.className);
    // Annual documents move pupils into next year's classes; the others name a class of the order's year.
    const classYear = info.annual ? (book.nextYear(yearId)?.id ?? null) : yearId;
    const classId = className && classYear ? book.classId(classYear, className) : null;
    if (className && !classId) g.issues.push(issueAt(r.row, column(f, 'className'), `класса «${className}» нет в программе в нужном учебном году — пункт перенесён без класса (класс записан в примечании)`, 'warning'));
    const subtype = opt(v.docSubtype);
    if (info.effect === 'out' && st.ctx.year && g.date >= st.ctx.year.startDate && g.date <= st.ctx.today) {
      const current = st.ctx.pupilClass.get(pupilId);
      if (current) g.issues.push(issueAt(r.row, null, `${who}: в портале — «${info.label.toLowerCase()}», а в программе числится в классе ${current}; приказ перенесён как история, состав класса не изменён — оформите выбытие приказом в программе`, 'warning'));
    }
    items.push({
      pupilId,
      fromClassId: info.effect === 'out' ? classId : null,
      toClassId: info.effect === 'out' ? null : classId,
      effectiveDate: g.date,
      enrollKind: info.effect === 'in' ? enrollKindOf(subtype) : null,
      destinationKind: g.type === 'withdraw' ? destinationKindOf(subtype) : null,
      reason: info.effect === 'out' ? subtype : null,
      note: `Из портала «Сетевой город»: ${[`«${g.docType}»`, subtype ? `«${subtype}»` : null, className ? `класс ${className}` : null].filter(Boolean).join(', ')}`,
    });
    labels.push(`${match.person.label}${className ? `, ${className}` : ''}`);
  }
  return { items, labels };
}

function entryOf(f: ParsedFile, g: Group, e: Pick<PreviewEntry, 'action' | 'label' | 'recordId' | 'changes'>): PreviewEntry {
  return { key: `${f.id}:${g.rows[0]?.row ?? 0}:order`, fileName: f.fileName, row: g.rows[0]?.row ?? null, entity: 'order', matchedBy: null, candidates: [], issues: g.issues, ...e };
}

const skipped = (g: Group, row: number, col: ColumnDef | null, message: string) => g.issues.unshift(issueAt(row, col, message, 'warning'));

/** The documents of the export as orders of our movement book: create, add items, or unchanged. */
export async function planMovementBook(db: Executor, st: PeopleState, f: ParsedFile): Promise<void> {
  const groups = groupRows(st, f);
  if (groups.length === 0) return;
  const book = await loadBookContext(db, st.ctx, groups);
  const planned = new Set<string>();
  for (const g of groups) {
    if (g.rows.length === 0) continue;
    const first = g.rows[0].row;
    const label = docLabel(g.type, g.number || 'б/н', g.date);
    if (!g.number) {
      skipped(g, first, column(f, 'docNumber'), 'у документа нет номера — без номера приказ в книгу движения программы не переносится (дата зачисления из него учтена)');
      st.entries.push(entryOf(f, g, { action: 'unchanged', label, recordId: null, changes: [] }));
      continue;
    }
    const year = book.yearFor(g.date);
    if (!year) {
      skipped(g, first, column(f, 'docDate'), `учебного года, в который попадает ${formatRu(g.date)}, в программе нет — приказ не перенесён (создайте год и загрузите файл снова)`);
      st.entries.push(entryOf(f, g, { action: 'unchanged', label, recordId: null, changes: [] }));
      continue;
    }
    const numberKey = `${year.id}|${g.number}`;
    const byRef = book.byPortalId.get(g.portalId);
    const byNumber = book.byNumber.get(numberKey);
    const same = (o: KnownOrder | undefined) => o && o.orderType === g.type && o.orderDate === g.date;
    const existing = byRef ?? (same(byNumber) ? byNumber : undefined);
    if (!existing && (byNumber || planned.has(numberKey))) {
      const other = byNumber ? `приказом программы № ${byNumber.numberText} от ${formatRu(byNumber.orderDate)} («${typeLabel(byNumber.orderType)}»)` : 'другим документом этого файла';
      skipped(g, first, column(f, 'docNumber'), `номер «${g.number}» в ${year.name} учебном году уже занят ${other} — приказ не перенесён`);
      st.entries.push(entryOf(f, g, { action: 'unchanged', label, recordId: null, changes: [] }));
      continue;
    }
    planned.add(numberKey);
    const { items, labels } = itemsOf(st, f, g, book, year.id);
    if (existing) {
      const have = book.pupilsOf(existing.id);
      // An order made here is never changed by the portal; one imported before gains pupils found since.
      const add = existing.source === 'portal' ? items.map((it, n) => ({ it, text: labels[n] })).filter((x) => !have.has(x.it.pupilId)) : [];
      const total = have.size + add.length;
      const changes = add.map((x, n) => ({ field: `item${have.size + n + 1}`, label: `Пункт ${have.size + n + 1}`, old: null, new: x.text }));
      const text = `${label} — ${plural(total, ['обучающийся', 'обучающихся', 'обучающихся'])}${existing.source === 'portal' ? '' : ' (приказ программы)'}`;
      st.entries.push(entryOf(f, g, { action: add.length ? 'update' : 'unchanged', label: text, recordId: existing.id, changes }));
      if (add.length) st.ops.push({ op: 'movementOrder', key: `${f.id}:${first}:order`, id: existing.id, create: null, items: add.map((x) => x.it), label: text });
      noteEnrolments(st, f, first, g.type, add.map((x) => x.it), g.date);
      if (!byRef) st.ops.push({ op: 'portalRef', key: `${f.id}:${first}:order`, entity: 'movementOrder', id: existing.id, portalId: g.portalId });
      continue;
    }
    if (items.length === 0) {
      skipped(g, first, null, 'ни один обучающийся документа не найден — приказ не создан');
      st.entries.push(entryOf(f, g, { action: 'unchanged', label, recordId: null, changes: [] }));
      continue;
    }
    const text = `${label} — ${plural(items.length, ['обучающийся', 'обучающихся', 'обучающихся'])}`;
    const changes = labels.map((l, n) => ({ field: `item${n + 1}`, label: `Пункт ${n + 1}`, old: null, new: l }));
    const id = tempId();
    const key = `${f.id}:${first}:order`;
    st.entries.push(entryOf(f, g, { action: 'create', label: text, recordId: null, changes }));
    const lead = /^(\d+)/.exec(g.number);
    st.ops.push({ op: 'movementOrder', key, id, create: { yearId: year.id, type: g.type, number: lead ? Number(lead[1]) : null, numberText: g.number, orderDate: g.date, title: ORDER_TYPE_INFO[g.type].title }, items, label: text });
    st.ops.push({ op: 'portalRef', key, entity: 'movementOrder', id, portalId: g.portalId });
    noteEnrolments(st, f, first, g.type, items, g.date);
  }
}

/** Enrolments whose signed order opens the pupil's account task (the preview lists the tasks). */
function noteEnrolments(st: PeopleState, f: ParsedFile, row: number, type: OrderType, items: readonly { pupilId: string; enrollKind: string | null }[], date: string): void {
  for (const it of items) if (opensAccountTask(type, it.enrollKind)) st.tasks.enrolments.push({ pupilId: it.pupilId, orderDate: date, fileName: f.fileName, row });
}
