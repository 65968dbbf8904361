import { createHash } from 'node:crypto';
import type { PreviewEntry, PullPreview } from '../../../../src-shared/contract/exchange';
import { searchKey } from '../../../../src-shared/domain/names';
import { normaliseName } from '../../../../src-shared/domain/personRules';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { CARD_SPECS, readCards, type StoredCard } from '../../people/index';
import type { FieldGetter } from '../formats/columns';
import { mapPerson } from './mapPerson';
import { pendingChanges } from '../push/outbox';
import { personLabel, rememberFio } from './peopleIndex';
import { loadPlanContext, type PlanContext } from './planContext';
import { planExportCm } from './planExportCm';
import { enrolDates, planMovementBook } from './planMovementBook';
import { addIssues, newTaskFacts, planAccount, planMembership, planParents, planPerson, type OpSink, type PeopleState } from './planPeople';
import { planAccountTasks } from './planAccountTasks';
import type { Decisions, Op, ParsedFile, Plan } from './planTypes';
import { newSightings } from './planDifferences';
import type { Executor } from '../../foundation/executor';
import type { Job } from '../../foundation/jobs';

/**
 * The plan of a pull: every entry of the preview and the operations apply will run. Files are
 * planned staff first (their cards carry birth dates and positions, so ExportCM's teachers match
 * them), then the set-up (classes must exist before pupils join them), pupils, parents, and the
 * movement book last (its orders name pupils the lists above may create).
 */
const ORDER: Record<string, number> = { staffExtended: 0, staffSimple: 0, staffListExport: 0, exportCm: 1, pupilsExtended: 3, movementWithDocs: 3, movementSimple: 3, pupilListSimple: 3, parentsExtended: 4, movementBookExport: 5 };

const KIND_OF_FORMAT: Record<string, PersonKind> = { staffExtended: 'staff', staffSimple: 'staff', staffListExport: 'staff', pupilsExtended: 'pupil', movementWithDocs: 'pupil', movementSimple: 'pupil', pupilListSimple: 'pupil', parentsExtended: 'parent' };

// Names repeat a lot in a school's lists: normalise each spelling once.
const normalisedNames = new Map<string, string>();
function normalised(v: string): string {
  let n = normalisedNames.get(v);
  if (n === undefined) {
    if (normalisedNames.size > 100_000) normalisedNames.clear();
    normalisedNames.set(v, (n = normaliseName(v)));
  }
  return n;
}
const PARENT_BLOCKS = ['mother.', 'father.'] as const;
const BLOCK_FIELDS: Record<string, Record<'lastName' | 'firstName' | 'middleName' | 'snils' | 'birthDate', string>> = Object.fromEntries(
  ['', ...PARENT_BLOCKS].map((p) => [p, { lastName: `${p}lastName`, firstName: `${p}firstName`, middleName: `${p}middleName`, snils: `${p}snils`, birthDate: `${p}birthDate` }]),
);
const name = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? normalised(v) : null);

const INDEX_OF = (ctx: PlanContext, kind: PersonKind) => (kind === 'pupil' ? ctx.pupils : kind === 'parent' ? ctx.parents : ctx.staff);

/** How many person blocks of each kind the files name (a pupil row names a pupil and two parents). */
function blocksOf(files: readonly ParsedFile[]): Record<PersonKind, number> {
  const n: Record<PersonKind, number> = { pupil: 0, parent: 0, staff: 0 };
  for (const f of files) {
    if (f.exportCm) n.staff += f.exportCm.teachers.length;
    const kind = f.formatId ? KIND_OF_FORMAT[f.formatId] : undefined;
    if (!kind) continue;
    n[kind] += f.records.length;
    if (kind === 'pupil') n.parent += PARENT_BLOCKS.length * f.records.length;
  }
  return n;
}

/**
 * The stored cards the rows can match, read in bulk once. When the database holds no more people
 * of a kind than the files name (onboarding, or a refresh of the same school), all of that kind's
 * cards are read: cheaper than matching every block twice to find which. Otherwise (a district
 * database, one school's list) a first matching pass picks the few that are needed.
 */
async function loadCards(db: Executor, ctx: PlanContext, files: readonly ParsedFile[]): Promise<Map<string, StoredCard>> {
  const blocks = blocksOf(files);
  const readAll = (kind: PersonKind) => INDEX_OF(ctx, kind).size <= blocks[kind];
  const ids: Record<PersonKind, Set<string>> = { pupil: new Set(), parent: new Set(), staff: new Set() };
  const want = (kind: PersonKind, values: FieldGetter, key: object, prefix: string) => {
    const f = BLOCK_FIELDS[prefix];
    const ln = values.get(f.lastName);
    if (typeof ln !== 'string') return;
    const login = prefix ? null : (values.get('login') as string | null | undefined);
    const index = INDEX_OF(ctx, kind);
    // The names as the card schemas will normalise them, so this finds whom the plan will match.
    const fio = searchKey(normalised(ln), name(values.get(f.firstName)), name(values.get(f.middleName)));
    rememberFio(key, prefix, fio);
    const r = index.match({ portalId: login ? `login:${login}` : null, snils: (values.get(f.snils) as string | null) ?? null, lastName: ln, firstName: '', middleName: null, fio, birthDate: (values.get(f.birthDate) as string | null) ?? null });
    if (r.kind === 'match') ids[kind].add(r.person.id);
    if (r.kind === 'ambiguous') for (const c of r.candidates) ids[kind].add(c.id);
  };
  for (const f of files) {
    const kind = f.formatId ? KIND_OF_FORMAT[f.formatId] : undefined;
    if (f.exportCm && !readAll('staff')) {
      for (const t of f.exportCm.teachers) {
        const v = { lastName: t.lastName, firstName: t.firstName, middleName: t.middleName };
        want('staff', { get: (k) => v[k as keyof typeof v] }, v, '');
      }
    }
    if (!kind) continue;
    const pupilBlock = !readAll(kind);
    const parentBlocks = kind === 'pupil' && !readAll('parent');
    if (!pupilBlock && !parentBlocks) continue;
    for (const r of f.records) {
      if (pupilBlock) want(kind, r, r, '');
      if (parentBlocks) for (const p of PARENT_BLOCKS) want('parent', r, r, p);
    }
  }
  const out = new Map<string, StoredCard>();
  for (const kind of ['pupil', 'parent', 'staff'] as const) {
    if (readAll(kind)) {
      if (INDEX_OF(ctx, kind).size > 0) for (const [id, c] of await readCards(db, CARD_SPECS[kind], 'all')) out.set(id, c);
      continue;
    }
    const list = [...ids[kind]];
    for (let i = 0; i < list.length; i += 500) for (const [id, c] of await readCards(db, CARD_SPECS[kind], list.slice(i, i + 500))) out.set(id, c);
  }
  return out;
}

/**
 * The office's edits the portal has not got (before onboarding too: a phone typed in the office
 * before the first pull is the office's news). A push file not yet marked imported may not be in
 * the portal's export: its changes still count.
 */
async function officeEdits(db: Executor): Promise<PeopleState['officeEdits']> {
  const out: PeopleState['officeEdits'] = new Map();
  const { pending } = await pendingChanges(db);
  for (const [key, p] of pending) if (p.edited.size) out.set(key, p.edited);
  return out;
}

/** A preview's operations: nothing keeps them (a district's list would hold tens of thousands). */
const DISCARD: OpSink = { push: () => 0 };

/**
 * `ops: false` plans the preview only: its entries, without the operations apply would run (apply
 * plans again inside its transaction and compares the entries' signature).
 */
export async function buildPlan(db: Executor, files: readonly ParsedFile[], decisions: Decisions = {}, today?: string, options: { ops?: boolean; job?: Pick<Job, 'progress' | 'throwIfCancelled'> } = {}): Promise<Plan> {
  const ctx = await loadPlanContext(db, today);
  const ops: Op[] = [];
  const st: PeopleState = { ctx, cards: new Map(), decisions, entries: [], ops: options.ops === false ? DISCARD : ops, enrolDates: enrolDates(files), officeEdits: await officeEdits(db), sightings: newSightings(), tasks: newTaskFacts(ctx.accounts) };
  const sorted = [...files].sort((a, b) => (ORDER[a.formatId ?? ''] ?? 9) - (ORDER[b.formatId ?? ''] ?? 9));
  st.cards = await loadCards(db, ctx, files);
  const total = files.reduce((n, f) => n + f.records.length, 0);
  let done = 0;
  for (const f of sorted) {
    if (f.exportCm) await planExportCm(db, st, f);
    if (f.formatId === 'movementBookExport') await planMovementBook(db, st, f);
    const kind = f.formatId ? KIND_OF_FORMAT[f.formatId] : undefined;
    if (!kind) continue;
    for (const rec of f.records) {
      // Progress and «Остановить» every thousand rows: cheap, and often enough for a person to see.
      if (options.job && ++done % 1000 === 0) {
        options.job.throwIfCancelled();
        options.job.progress(done, total, `Сопоставление: ${done.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')} строк`);
      }
      const errors = rec.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        const v = rec.values;
        st.entries.push({
          key: `${f.id}:${rec.row}:${kind}`, fileName: f.fileName, row: rec.row, entity: kind, action: 'rejected',
          label: personLabel({ lastName: String(v.lastName ?? '—'), firstName: String(v.firstName ?? ''), middleName: (v.middleName as string | null) ?? null, birthDate: (v.birthDate as string | null) ?? null }),
          recordId: null, matchedBy: null, changes: [], issues: rec.issues, candidates: [],
        });
        continue;
      }
      const mapped = mapPerson(kind, rec, '');
      const person = planPerson(st, f, rec, kind, { mapped });
      if (!person) continue;
      addIssues(person.entry, ...rec.issues);
      if (person.entry.action === 'rejected' || person.entry.action === 'ambiguous') continue;
      planAccount(st, f, rec.row, kind, person, mapped.extras.login);
      if (kind === 'pupil') {
        planMembership(st, f, rec, person, mapped.extras.className);
        planParents(st, f, rec, person);
      }
    }
  }
  await planAccountTasks(db, st);
  return { entries: st.entries, ops, sightings: st.sightings };
}

export function countEntries(entries: readonly PreviewEntry[]): PullPreview['counts'] {
  const c = { create: 0, update: 0, unchanged: 0, rejected: 0, ambiguous: 0 };
  for (const e of entries) c[e.action]++;
  return c;
}

/** What the preview promised, independent of generated ids: apply refuses when it no longer holds. */
export function planSignature(entries: readonly PreviewEntry[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(`${e.key}|${e.action}|${e.recordId && e.action !== 'create' ? e.recordId : ''}|${e.changes.map((c) => `${c.field}=${c.new ?? ''}`).join(',')}\n`);
  return h.digest('hex');
}

export { searchKey };
