import type { PreviewEntry } from '../../../../src-shared/contract/exchange';
import { RELATIONS } from '../../../../src-shared/domain/peopleDictionaries';
import { checkParentChildAges, type PersonKind } from '../../../../src-shared/domain/personRules';
import { personCardIssues } from '../../../../src-shared/domain/personCardRules';
import { searchKey } from '../../../../src-shared/domain/names';
import { CARD_SPECS, type Card, type StoredCard } from '../../people/index';
import { tempId } from './planTypes';
import { noteDifference, sawPerson, type Sightings } from './planDifferences';
import type { ColumnDef } from '../formats/columns';
import { issueAt, type FileIssue, type FileRecord } from '../formats/records';
import { diffCard, staffLists, type CardDiff } from './diffCard';
import { mapPerson, namesSomebody, type MappedPerson } from './mapPerson';
import { personLabel, rememberedFio, type PeopleIndex } from './peopleIndex';
import { classKey, type PlanContext } from './planContext';
import type { Decisions, Op, ParsedFile } from './planTypes';
import { formatRuDate as ru } from '../../../../src-shared/domain/ruDate';

/** Planning the people of one file row: the pupil (or staff member, or parent) and the parents named with a pupil. */
export interface PeopleState {
  ctx: PlanContext;
  cards: Map<string, StoredCard>;
  decisions: Decisions;
  entries: PreviewEntry[];
  /** Where the operations go; a preview discards them (apply plans again and runs its own). */
  ops: OpSink;
  /** Enrolment dates read from a movement-book export: `searchKey|birthDate` → date. */
  enrolDates: Map<string, string>;
  /**
   * After onboarding: fields the office edited that the portal has not seen yet (`kind|id` → field
   * → when). A pull never overwrites them with the portal's older value.
   */
  officeEdits: Map<string, Map<string, string>>;
  /** Who the files name and what the portal lacks of them (apply records it; the reconciliation lists it). */
  sightings: Sightings;
  /** What the account tasks the domains open on their own depend on (planAccountTasks.ts). */
  tasks: TaskFacts;
}

/** The links and enrolments a pull plans, and who had an account record before it. */
export interface TaskFacts {
  /** `kind|id` of every account record before the pull. */
  accountsBefore: ReadonlySet<string>;
  links: { pupilId: string; parentId: string; key: string; fileName: string; row: number; parentLabel: string }[];
  enrolments: { pupilId: string; orderDate: string; fileName: string; row: number }[];
  /** A person the pull creates → the key of the entry creating it (planned ids differ between plans). */
  createdBy: Map<string, string>;
}

export function newTaskFacts(accounts: ReadonlyMap<string, unknown>): TaskFacts {
  return { accountsBefore: new Set(accounts.keys()), links: [], enrolments: [], createdBy: new Map() };
}

export type OpSink = Pick<Op[], 'push'>;

const DOC_GROUPS: Record<string, string> = { passport: 'passport', birthCertificate: 'birthCertificate', medicalPolicy: 'medicalPolicy' };

function indexOf(ctx: PlanContext, kind: PersonKind): PeopleIndex {
  return kind === 'pupil' ? ctx.pupils : kind === 'parent' ? ctx.parents : ctx.staff;
}

function columnOf(columns: readonly ColumnDef[], field: string): ColumnDef | null {
  return columns.find((c) => c.field === field) ?? null;
}

// Most entries have no changes, issues or candidates: they share these until something is added.
const NO_ISSUES = Object.freeze([]) as unknown as FileIssue[];
const NO_CHANGES = Object.freeze([]) as unknown as PreviewEntry['changes'];
const NO_CANDIDATES = Object.freeze([]) as unknown as PreviewEntry['candidates'];
const NO_FIELDS: readonly string[] = Object.freeze([]);

/** Adds remarks to an entry (its list may still be the shared empty one). */
export function addIssues(e: PreviewEntry, ...issues: FileIssue[]): void {
  if (issues.length === 0) return;
  if (e.issues === NO_ISSUES) e.issues = issues;
  else e.issues.push(...issues);
}

function entry(file: ParsedFile, row: number | null, key: string, e: Partial<PreviewEntry> & Pick<PreviewEntry, 'entity' | 'action' | 'label'>): PreviewEntry {
  // Spelled out rather than spread: a pull of a district's list makes tens of thousands of these.
  return {
    key,
    fileName: file.fileName,
    row,
    entity: e.entity,
    action: e.action,
    label: e.label,
    recordId: e.recordId ?? null,
    matchedBy: e.matchedBy ?? null,
    changes: e.changes ?? NO_CHANGES,
    issues: e.issues && e.issues.length > 0 ? e.issues : NO_ISSUES,
    candidates: e.candidates && e.candidates.length > 0 ? e.candidates : NO_CANDIDATES,
  };
}

/** Card-rule problems (birth date plausibility, document dates) located on the file's columns. */
function ruleIssues(kind: PersonKind, card: Card, changed: Set<string> | 'all', today: string, columns: readonly ColumnDef[], row: number, prefix: string): FileIssue[] {
  const found = personCardIssues(kind, card, changed, today);
  if (found.length === 0) return NO_ISSUES;
  return found.map((i) => {
    const [head, n, field] = i.path.split('.');
    const group = head === 'documents' ? DOC_GROUPS[card.documents[Number(n)]?.type ?? ''] : null;
    const col = columnOf(columns, group ? `${prefix}${group}.${field}` : `${prefix}${i.path}`);
    return issueAt(row, col, i.message);
  });
}

export interface PlannedPerson {
  /** The record the row resolves to (existing or planned), or null when rejected/ambiguous. */
  id: string | null;
  birthDate: string | null;
  entry: PreviewEntry;
}

/**
 * One person of a row: match, diff or create, validate. `prefix` selects a parent block
 * (`mother.`); `sex` fills a block that has no sex column.
 */
export function planPerson(
  st: PeopleState,
  file: ParsedFile,
  rec: FileRecord,
  kind: PersonKind,
  opts: { prefix?: string; sex?: 'М' | 'Ж'; role?: string; labelPrefix?: string; mapped?: MappedPerson } = {},
): PlannedPerson | null {
  const prefix = opts.prefix ?? '';
  const m = opts.mapped ?? mapPerson(kind, rec, prefix);
  if (prefix && !namesSomebody(m)) return null;
  if (opts.sex && !m.scalars.sex) m.scalars.sex = opts.sex;
  const spec = CARD_SPECS[kind];
  const key = `${file.id}:${rec.row}:${opts.role ?? kind}`;
  const lastName = String(m.scalars.lastName ?? '');
  const firstName = String(m.scalars.firstName ?? '');
  const middleName = (m.scalars.middleName as string | null) ?? null;
  const birthDate = (m.scalars.birthDate as string | null) ?? null;
  const snils = (m.scalars.snils as string | null) ?? null;
  const base = { lastName, firstName, middleName, birthDate };
  const label = opts.labelPrefix ? `${opts.labelPrefix}${personLabel(base)}` : personLabel(base);
  const issues = m.issues.length ? m.issues.map((i) => issueAt(rec.row, columnOf(file.columns, i.field), i.message)) : [];
  if (!lastName || !firstName) issues.push(issueAt(rec.row, columnOf(file.columns, `${prefix}lastName`), 'не заполнены фамилия и имя'));
  if (issues.length > 0) {
    const e = entry(file, rec.row, key, { entity: kind, action: 'rejected', label, issues });
    st.entries.push(e);
    return { id: null, birthDate, entry: e };
  }
  const index = indexOf(st.ctx, kind);
  const portalId = m.extras.login ? `login:${m.extras.login}` : null;
  const fio = rememberedFio(rec, prefix) ?? searchKey(lastName, firstName, middleName);
  const match = index.match({ portalId, snils, lastName, firstName, middleName, birthDate, fio });
  let target: { id: string; by: PreviewEntry['matchedBy'] } | null = null;
  let candidates: { id: string; label: string }[] = [];
  if (match.kind === 'match') target = { id: match.person.id, by: match.by };
  if (match.kind === 'ambiguous') {
    candidates = match.candidates.map((c) => ({ id: c.id, label: c.label }));
    const d = st.decisions[key];
    if (d && d !== 'new' && d !== 'skip' && candidates.some((c) => c.id === d)) target = { id: d, by: match.by };
    else if (d !== 'new') {
      const e = entry(file, rec.row, key, { entity: kind, action: 'ambiguous', label, candidates, issues: [issueAt(rec.row, null, `найдено несколько подходящих карточек (${match.by === 'snils' ? 'одинаковый СНИЛС' : 'одинаковые ФИО и дата рождения'}) — выберите нужную или создайте новую`, 'warning')] });
      st.entries.push(e);
      return { id: null, birthDate, entry: e };
    }
  }
  if (target && index.get(target.id)?.planned) {
    // The portal collapses duplicates inside a file: only the first row creates the person (§1.1).
    const e = entry(file, rec.row, key, { entity: kind, action: 'unchanged', label, matchedBy: target.by, issues: [issueAt(rec.row, null, 'этот человек уже есть выше в загрузке — строка не создаёт вторую карточку', 'warning')] });
    st.entries.push(e);
    return { id: target.id, birthDate, entry: e };
  }
  if (target) {
    const stored = st.cards.get(target.id);
    if (!stored) {
      // Not expected (the first pass reads every card a row can match); never write blind.
      const e = entry(file, rec.row, key, { entity: kind, action: 'rejected', label, issues: [issueAt(rec.row, null, 'карточка для сравнения не прочитана — откройте предпросмотр заново')] });
      st.entries.push(e);
      return { id: null, birthDate, entry: e };
    }
    const diff = keepOfficeEdits(st, kind, target.id, label, diffCard(spec, stored.card, m), file, rec.row, prefix);
    const fields = diff.changes.length > 0 ? Object.keys(diff.patch) : NO_FIELDS;
    const problems = fields.length > 0 ? ruleIssues(kind, { ...stored.card, ...diff.patch } as Card, new Set(fields), st.ctx.today, file.columns, rec.row, prefix) : NO_ISSUES;
    if (problems.length > 0) {
      const e = entry(file, rec.row, key, { entity: kind, action: 'rejected', label, recordId: target.id, matchedBy: target.by, issues: problems, changes: diff.changes });
      st.entries.push(e);
      return { id: target.id, birthDate, entry: e };
    }
    sawPerson(st.sightings, kind, target.id);
    const action = diff.changes.length ? 'update' : 'unchanged';
    const e = entry(file, rec.row, key, { entity: kind, action, label, recordId: target.id, matchedBy: target.by, changes: diff.changes, candidates, issues: diff.kept });
    st.entries.push(e);
    if (action === 'update') st.ops.push({ op: 'updatePerson', key, kind, id: target.id, version: stored.version, patch: diff.patch, label });
    planPortalRef(st, key, kind, target.id, portalId);
    return { id: target.id, birthDate, entry: e };
  }
  // The card's own values only: apply completes it with the kind's empty card (fields left out are
  // empty, and the rules treat a missing field as empty too). The mapped block is this row's own.
  const parts: Record<string, unknown> = m.scalars;
  parts.documents = m.documents;
  parts.addresses = m.addresses;
  if (kind === 'staff') Object.assign(parts, staffLists({}, m));
  const problems = ruleIssues(kind, parts as Card, 'all', st.ctx.today, file.columns, rec.row, prefix);
  if (problems.length > 0) {
    const e = entry(file, rec.row, key, { entity: kind, action: 'rejected', label, issues: problems });
    st.entries.push(e);
    return { id: null, birthDate, entry: e };
  }
  const id = tempId();
  sawPerson(st.sightings, kind, id);
  index.add({ id, label, lastName, firstName, middleName, birthDate, snils, planned: true }, portalId, fio);
  const e = entry(file, rec.row, key, { entity: kind, action: 'create', label, candidates });
  st.entries.push(e);
  st.ops.push({ op: 'createPerson', key, kind, id, parts, label });
  st.tasks.createdBy.set(id, key);
  planPortalRef(st, key, kind, id, portalId);
  return { id, birthDate, entry: e };
}

/** The diff less the fields the office edited since the portal last saw the card, each with a warning. */
function keepOfficeEdits(st: PeopleState, kind: PersonKind, id: string, who: string, diff: CardDiff, file: ParsedFile, row: number, prefix: string): CardDiff & { kept: FileIssue[] } {
  const edits = st.officeEdits.size === 0 ? undefined : st.officeEdits.get(`${kind}|${id}`);
  if (!edits || diff.changes.length === 0) return { patch: diff.patch, changes: diff.changes, kept: NO_ISSUES };
  const kept: FileIssue[] = [];
  const patch = { ...diff.patch };
  const changes = diff.changes.filter((c) => {
    const at = edits.get(c.field);
    if (!at) return true;
    delete patch[c.field];
    noteDifference(st.sightings, { kind, id, label: who, field: c.field, fieldLabel: c.label, office: c.old, portal: c.new, at });
    kept.push(issueAt(row, columnOf(file.columns, `${prefix}${c.field}`), `«${c.label}» изменено в программе ${at.slice(8, 10)}.${at.slice(5, 7)}.${at.slice(0, 4)} и ещё не передано в портал: оставлено «${c.old ?? 'пусто'}», значение портала «${c.new ?? 'пусто'}» не загружено`, 'warning'));
    return false;
  });
  return { patch, changes, kept };
}

function planPortalRef(st: PeopleState, key: string, kind: PersonKind, id: string, portalId: string | null): void {
  if (!portalId) return;
  st.ops.push({ op: 'portalRef', key, entity: kind, id, portalId });
  indexOf(st.ctx, kind).setPortalId(portalId, id);
}

/** A login in a portal list means the portal created the account: «Создана». */
export function planAccount(st: PeopleState, file: ParsedFile, row: number, kind: PersonKind, person: PlannedPerson, login: string | null): void {
  if (!login || !person.id) return;
  const current = st.ctx.accounts.get(`${kind}|${person.id}`);
  if (current && (current.status === 'created' || current.status === 'handedOver') && current.login === login) return;
  const key = `${file.id}:${row}:account:${kind}`;
  const old = current ? `${current.status === 'toCreate' ? 'нужно создать' : current.status === 'sentToPortal' ? 'передано в портал' : current.status === 'created' ? 'создана' : 'выдана'}${current.login ? `, логин ${current.login}` : ''}` : null;
  const keepsStatus = current && (current.status === 'created' || current.status === 'handedOver');
  st.entries.push(
    entry(file, row, key, {
      entity: 'account',
      action: current ? 'update' : 'create',
      label: `Учётная запись портала: ${person.entry.label}`,
      recordId: current?.id ?? null,
      changes: [{ field: 'status', label: 'Учётная запись', old, new: `${keepsStatus ? (current.status === 'created' ? 'создана' : 'выдана') : 'создана'}, логин ${login}` }],
    }),
  );
  st.ops.push({ op: 'account', key, kind, personId: person.id, login, accountId: current?.id ?? null, version: current?.version ?? null, status: current?.status ?? null });
  st.ctx.accounts.set(`${kind}|${person.id}`, { id: current?.id ?? key, status: keepsStatus ? current.status : 'created', login, version: (current?.version ?? 0) + 1 });
}

/** The pupil's class in the current year: a new membership when the pupil has none. */
export function planMembership(st: PeopleState, file: ParsedFile, rec: FileRecord, pupil: PlannedPerson, className: string | null): void {
  if (!className || !pupil.id || !st.ctx.year) return;
  const current = st.ctx.pupilClass.get(pupil.id);
  if (current) {
    const col = columnOf(file.columns, 'className');
    if (classKey(current) !== classKey(className)) {
      addIssues(pupil.entry, issueAt(rec.row, col, `в портале класс ${className}, в программе ${current}: перевод оформляется приказом в книге движения, класс не изменён`, 'warning'));
      noteDifference(st.sightings, { kind: 'pupil', id: pupil.id, label: pupil.entry.label, field: 'class', fieldLabel: 'Класс', office: current, portal: className, at: null });
    }
    return;
  }
  const elsewhen = st.ctx.pupilElsewhen.get(pupil.id);
  if (elsewhen) {
    // The office is the record: a pupil it withdrew (or enrols later) stays as its orders say.
    const left = elsewhen.endDate !== null && elsewhen.endDate <= st.ctx.today;
    const message = left
      ? `в портале класс ${className}, а в программе — выбытие из ${elsewhen.className} с ${ru(elsewhen.endDate!)} по книге движения: класс не изменён (отметьте выбытие и в портале)`
      : `в портале класс ${className}, а в программе — зачисление в ${elsewhen.className} с ${ru(elsewhen.startDate)} по книге движения: класс не изменён`;
    addIssues(pupil.entry, issueAt(rec.row, columnOf(file.columns, 'className'), message, 'warning'));
    const office = left ? `выбыл(а) из ${elsewhen.className} ${ru(elsewhen.endDate!)}` : `${elsewhen.className} с ${ru(elsewhen.startDate)}`;
    noteDifference(st.sightings, { kind: 'pupil', id: pupil.id, label: pupil.entry.label, field: 'class', fieldLabel: 'Класс', office, portal: className, at: null });
    return;
  }
  const classId = st.ctx.classes.get(classKey(className));
  if (!classId) {
    addIssues(pupil.entry, issueAt(rec.row, columnOf(file.columns, 'className'), `класса «${className}» нет в учебном году ${st.ctx.year.name} — загрузите ExportCM.nsxml или создайте класс; обучающийся не зачислен в класс`, 'warning'));
    return;
  }
  const y = st.ctx.year;
  const enrolled = st.enrolDates.size ? st.enrolDates.get(pupil.entry.label) : undefined;
  const startDate = enrolled && enrolled >= y.startDate && enrolled <= y.endDate ? enrolled : y.startDate;
  const key = `${file.id}:${rec.row}:membership`;
  const label = `${pupil.entry.label} → ${className}`;
  st.entries.push(entry(file, rec.row, key, { entity: 'membership', action: 'create', label, changes: [{ field: 'class', label: 'Класс', old: null, new: classSince(className, startDate) }] }));
  st.ops.push({ op: 'membership', key, pupilId: pupil.id, classId, className, startDate, label });
  st.ctx.pupilClass.set(pupil.id, className);
}


/** «5А с 01.09.2026», built once per class and date (a whole class joins on the same day). */
const classSinceText = new Map<string, Map<string, string>>();

function classSince(className: string, startDate: string): string {
  let byDate = classSinceText.get(className);
  if (!byDate) {
    if (classSinceText.size > 1_000) classSinceText.clear();
    classSinceText.set(className, (byDate = new Map()));
  }
  let text = byDate.get(startDate);
  if (text === undefined) byDate.set(startDate, (text = `${className} с ${ru(startDate)}`));
  return text;
}

const RELATION_SET: ReadonlySet<string> = new Set(RELATIONS);

function relationOf(raw: string | null, fallback: 'мать' | 'отец'): string {
  if (!raw) return fallback;
  if (RELATION_SET.has(raw)) return raw;
  const r = raw.trim().toLowerCase();
  return r && RELATION_SET.has(r) ? r : fallback;
}

/** The parent blocks of a pupil row: prefix, sex, default relation, label, role, birth-date field. */
const PARENT_BLOCKS = [
  ['mother.', 'Ж', 'мать', 'Мать: ', 'mother', 'mother.birthDate'],
  ['father.', 'М', 'отец', 'Отец: ', 'father', 'father.birthDate'],
] as const;

/** Mother and father of a pupil row, their cards and their links to the pupil. */
export function planParents(st: PeopleState, file: ParsedFile, rec: FileRecord, pupil: PlannedPerson): void {
  const named: string[] = [];
  for (const [prefix, sex, fallback, labelPrefix, role, birthField] of PARENT_BLOCKS) {
    const m = mapPerson('parent', rec, prefix);
    const parent = planPerson(st, file, rec, 'parent', { prefix, sex, role, labelPrefix, mapped: m });
    if (parent?.id) named.push(parent.id);
    if (!parent?.id || !pupil.id) continue;
    const relation = relationOf(m.extras.relation, fallback);
    const linkKey = `${pupil.id}|${parent.id}`;
    if (st.ctx.links.has(linkKey)) continue;
    const key = `${file.id}:${rec.row}:link:${role}`;
    const unlinkedAt = st.officeEdits.size === 0 ? undefined : (st.officeEdits.get(`pupil|${pupil.id}`)?.get('parents') ?? st.officeEdits.get(`parent|${parent.id}`)?.get('children'));
    if (unlinkedAt) {
      // The office changed this family's links after the portal last saw them: its list is older news.
      addIssues(pupil.entry, issueAt(rec.row, columnOf(file.columns, `${prefix}lastName`), `${parent.entry.label}: связь с обучающимся не создана — связи семьи изменены в программе ${ru(unlinkedAt)} и ещё не переданы в портал`, 'warning'));
      noteDifference(st.sightings, { kind: 'pupil', id: pupil.id, label: pupil.entry.label, field: 'parents', fieldLabel: 'Родители', office: null, portal: `${parent.entry.label} (${relation})`, at: unlinkedAt });
      continue;
    }
    const label = `${parent.entry.label} — ${relation} для ${pupil.entry.label}`;
    const gap = checkParentChildAges(parent.birthDate, pupil.birthDate);
    if (gap) {
      st.entries.push(entry(file, rec.row, key, { entity: 'link', action: 'rejected', label, issues: [issueAt(rec.row, columnOf(file.columns, birthField), gap)] }));
      continue;
    }
    st.entries.push(entry(file, rec.row, key, { entity: 'link', action: 'create', label, changes: [{ field: 'relation', label: 'Связь', old: null, new: relation }] }));
    st.ops.push({ op: 'link', key, pupilId: pupil.id, parentId: parent.id, relation, label });
    st.tasks.links.push({ pupilId: pupil.id, parentId: parent.id, key, fileName: file.fileName, row: rec.row, parentLabel: parent.entry.label.replace(/^(Мать|Отец): /, '') });
    st.ctx.links.add(linkKey);
  }
  // Parents only the office has (a father entered here): the portal's list does not name them.
  if (!pupil.id) return;
  for (const l of st.ctx.familyOf.get(pupil.id) ?? []) {
    if (named.includes(l.parentId)) continue;
    const who = st.ctx.parents.get(l.parentId)?.label ?? 'родитель';
    noteDifference(st.sightings, { kind: 'pupil', id: pupil.id, label: pupil.entry.label, field: 'parents', fieldLabel: 'Родители', office: `${who} (${l.relation})`, portal: null, at: null });
  }
}
