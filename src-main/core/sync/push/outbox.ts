import { PUSH_KINDS, type OutboxEntry, type PushKind } from '../../../../src-shared/contract/exchange';
import { fullName } from '../../../../src-shared/domain/names';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { CARD_SPECS, readCards } from '../../people/index';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';
import { allSightings, carriedPeople, classRowsOn, enrolmentRows, firstAppliedPullAt, peopleAuditAfter } from '../repo/pushReads';

/**
 * The outbox: people created or changed in the office since the portal last saw them. The portal
 * last saw a person in the last push file that carried them, or — for everyone — in the first
 * applied pull (onboarding); changes a pull itself made are the portal's own and never go back.
 */
export const PULL_CAUSE = 'Загрузка из портала';
const KINDS: PersonKind[] = ['pupil', 'parent', 'staff'];
const SKIP_FIELDS = new Set(['photo', 'searchIndexed', 'version']);

export async function onboardedAt(db: Executor): Promise<string | null> {
  return firstAppliedPullAt(db);
}

function kindsFor(kind: PersonKind, action: 'create' | 'update', enrolled: boolean): PushKind[] {
  if (kind === 'staff') return action === 'create' ? ['staffSimple', 'staffExtended'] : ['staffExtended'];
  if (kind === 'parent') return action === 'create' ? ['movementSimple', 'movementWithDocs', 'parentsExtended'] : ['parentsExtended'];
  if (action === 'create') return enrolled ? ['movementSimple', 'movementWithDocs'] : [];
  return ['pupilsBatch'];
}

/** Enrolment of pupils: the signed enrolment order's class (the movement book import needs it). */
export async function enrolments(db: Executor, pupilIds: readonly string[]): Promise<Map<string, { className: string; orderNumber: string | null; orderDate: string }>> {
  const out = new Map<string, { className: string; orderNumber: string | null; orderDate: string }>();
  for (const r of await enrolmentRows(db, pupilIds)) out.set(r.pupilId, { className: r.name, orderNumber: r.numberText, orderDate: r.orderDate });
  return out;
}

async function currentClasses(db: Executor, pupilIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of await classRowsOn(db, pupilIds, schoolToday())) out.set(r.pupilId, r.name);
  return out;
}

function show(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ') : null;
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('.');
  return String(v);
}

/** What the last pull found differing and the office kept: field → office, portal, when, caption. */
export type Differs = Record<string, { office: string | null; portal: string | null; at: string | null; label: string }>;

/** A person's office changes the portal has not got yet. */
export interface PendingChange {
  kind: PersonKind;
  id: string;
  created: boolean;
  /** When the office last changed the person (or the pull last found the difference). */
  at: string;
  fields: Set<string>;
  /** Fields the office edited on an existing card (not the ones it filled when creating it), with when. */
  edited: Map<string, string>;
  /** Differences the last pull that named the person found and kept (not yet carried by an imported file). */
  differs: Differs;
}

export interface LastPush {
  exchangeId: string;
  fileName: string;
  at: string;
  status: string;
}

const IMPORTED = new Set(['imported', 'confirmed']);

/**
 * Office changes the portal does not have yet, keyed `kind|id`, whatever the order of edits and
 * pulls. The portal last got a person's data from a push file marked imported into it, or showed
 * what it has in the last pull that named the person (`portal_seen`): office changes after both
 * are pending, and so are the differences that pull found and kept (an edit made before it, a
 * transfer, a parent only the office has) until an imported file carries them. A person the office
 * created is new to the portal until a pull finds them or an imported file carries them. A file
 * only made (not marked imported) leaves everything pending — its sister variant still carries it.
 */
export async function pendingChanges(db: Executor): Promise<{ pending: Map<string, PendingChange>; lastPush: Map<string, LastPush>; since: string | null }> {
  const since = await onboardedAt(db);
  const seenRows = await allSightings(db);
  const seen = new Map(seenRows.map((r) => [`${r.personKind}|${r.personId}`, { at: r.seenAt, differs: parseDiffers(r.differs) }]));
  // Pulls applied before portal_seen existed recorded nobody: their onboarding is everyone's sighting.
  const legacy = seenRows.length === 0 ? since : null;
  const audit = await peopleAuditAfter(db, KINDS, legacy ?? '');
  const pushes = await carriedPeople(db);
  const lastPush = new Map<string, LastPush>();
  const imported = new Map<string, string>();
  for (const p of pushes) {
    const key = `${p.personKind}|${p.personId}`;
    lastPush.set(key, { exchangeId: p.id, fileName: p.fileName, at: p.createdAt, status: p.status });
    if (IMPORTED.has(p.status)) imported.set(key, p.createdAt);
  }

  const pending = new Map<string, PendingChange>();
  const entry = (kind: string, id: string, at: string) => {
    const key = `${kind}|${id}`;
    let cur = pending.get(key);
    if (!cur) pending.set(key, (cur = { kind: kind as PersonKind, id, created: false, at, fields: new Set<string>(), edited: new Map<string, string>(), differs: {} }));
    if (at > cur.at) cur.at = at;
    return cur;
  };
  for (const a of audit) {
    if (!a.recordId || (a.cause ?? '').startsWith(PULL_CAUSE)) continue;
    const key = `${a.entity}|${a.recordId}`;
    const sawAt = seen.get(key)?.at ?? legacy ?? '';
    const gotAt = imported.get(key) ?? '';
    if (a.at <= sawAt || a.at <= gotAt) continue;
    const cur = entry(a.entity, a.recordId, a.at);
    if (a.action === 'create' && !seen.has(key) && !gotAt) cur.created = true;
    try {
      for (const f of Object.keys((JSON.parse(a.changes ?? '{}') as Record<string, unknown>) ?? {})) {
        if (SKIP_FIELDS.has(f)) continue;
        cur.fields.add(f);
        if (a.action === 'update') cur.edited.set(f, a.at);
      }
    } catch {
      // A free-form audit entry names no fields.
    }
  }
  for (const [key, s] of seen) {
    // A file imported after the pull carried the card's fields; a class or a parent link no file can carry.
    const carried = (imported.get(key) ?? '') > s.at;
    const fields = Object.entries(s.differs).filter(([f]) => !carried || f in MANUAL_FIELDS);
    if (fields.length === 0) continue;
    const [kind, id] = key.split('|');
    const cur = entry(kind, id, s.at);
    for (const [f, d] of fields) {
      cur.fields.add(f);
      if (!cur.edited.has(f)) cur.edited.set(f, d.at ?? s.at);
      cur.differs[f] = d;
    }
  }
  return { pending, lastPush, since };
}

function parseDiffers(text: string): Differs {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Differs) : {};
  } catch {
    return {};
  }
}

/** Fields no portal import file can change: a class (the portal's movement book) and parent links. */
const MANUAL_FIELDS: Record<string, string> = {
  class: 'класс меняется приказом в книге движения портала',
  parents: 'родителей портал добавляет импортом только ученику без родителей — внесите их в карточке ученика в портале',
  children: 'связи с детьми вносятся в карточке ученика в портале',
};

export async function buildOutbox(db: Executor): Promise<{ entries: OutboxEntry[]; since: string | null; counts: Record<PushKind, number> }> {
  const { pending, lastPush, since } = await pendingChanges(db);
  const entries: OutboxEntry[] = [];
  for (const kind of KINDS) {
    const list = [...pending.values()].filter((p) => p.kind === kind);
    if (list.length === 0) continue;
    const ids = list.map((p) => p.id);
    const cards = new Map<string, Awaited<ReturnType<typeof readCards>> extends Map<string, infer V> ? V : never>();
    for (let i = 0; i < ids.length; i += 500) for (const [id, c] of await readCards(db, CARD_SPECS[kind], ids.slice(i, i + 500))) cards.set(id, c);
    const enrolled = kind === 'pupil' ? await enrolments(db, ids) : new Map();
    const classes = kind === 'pupil' ? await currentClasses(db, ids) : new Map<string, string>();
    const labels = CARD_SPECS[kind].labels;
    for (const p of list) {
      const stored = cards.get(p.id);
      if (!stored) continue;
      const action = p.created ? 'create' : 'update';
      const enrol = enrolled.get(p.id);
      const card = stored.card;
      // A new pupil goes in with the enrolment order's class; a changed one is where they are now.
      const className = (action === 'create' ? (enrol?.className ?? classes.get(p.id)) : (classes.get(p.id) ?? enrol?.className)) ?? null;
      const fields =
        action === 'create'
          ? [
              { label: 'ФИО', value: fullName(card) },
              { label: 'Дата рождения', value: show(card.birthDate) },
              ...(kind === 'pupil' ? [{ label: 'Класс', value: className }] : []),
            ]
          : [...p.fields]
              .filter((f) => f in card || f in MANUAL_FIELDS)
              .map((f) => {
                const d = p.differs[f];
                const value = f === 'class' ? (className ?? d?.office ?? null) : f in card ? show(card[f]) : (d?.office ?? null);
                return { label: labels[f] ?? d?.label ?? (f === 'parents' ? 'Родители' : f === 'children' ? 'Дети' : f === 'class' ? 'Класс' : f), value: d?.portal ? `${value ?? '—'} (в портале: ${d.portal})` : value };
              });
      const manual = action === 'update' ? [...p.fields].filter((f) => f in MANUAL_FIELDS).map((f) => MANUAL_FIELDS[f]) : [];
      const carried = action === 'create' || [...p.fields].some((f) => !(f in MANUAL_FIELDS));
      entries.push({
        personKind: kind,
        personId: p.id,
        label: fullName(card),
        className,
        action,
        changedAt: p.at,
        fields,
        pushKinds: carried ? kindsFor(kind, action, Boolean(enrol)) : [],
        lastPush: lastPush.get(`${kind}|${p.id}`) ?? null,
        manual,
      });
    }
  }
  entries.sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  const counts = Object.fromEntries(PUSH_KINDS.map((k) => [k, pushSelection(entries, k).length])) as Record<PushKind, number>;
  return { entries, since, counts };
}

export const KIND_OF_PUSH: Record<PushKind, PersonKind> = { staffSimple: 'staff', staffExtended: 'staff', movementSimple: 'pupil', movementWithDocs: 'pupil', pupilsBatch: 'pupil', parentsExtended: 'parent' };

/**
 * The people a push file of this kind carries, one row each: the buttons count them and the writer
 * writes them. Parents ride in their child's row of the movement-book files, not as rows.
 */
export function pushSelection(entries: readonly OutboxEntry[], kind: PushKind, personIds?: readonly string[]): OutboxEntry[] {
  const personKind = KIND_OF_PUSH[kind];
  return entries.filter((e) => e.personKind === personKind && e.pushKinds.includes(kind) && (!personIds || personIds.includes(e.personId)));
}
