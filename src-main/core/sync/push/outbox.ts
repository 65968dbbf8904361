import type { OutboxEntry, PushKind } from '../../../../src-shared/contract/exchange';
import { fullName } from '../../../../src-shared/domain/names';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { CARD_SPECS, readCards } from '../../people/index';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';

/**
 * The outbox: people created or changed in the office since the portal last saw them. The portal
 * last saw a person in the last push file that carried them, or — for everyone — in the first
 * applied pull (onboarding); changes a pull itself made are the portal's own and never go back.
 */
export const PULL_CAUSE = 'Загрузка из портала';
const KINDS: PersonKind[] = ['pupil', 'parent', 'staff'];
const SKIP_FIELDS = new Set(['photo', 'searchIndexed', 'version']);

export async function onboardedAt(db: Executor): Promise<string | null> {
  const r = await db.selectFrom('portalExchange').select('finishedAt').where('direction', '=', 'pull').where('status', '=', 'applied').orderBy('finishedAt').limit(1).executeTakeFirst();
  return r?.finishedAt ?? null;
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
  for (let i = 0; i < pupilIds.length; i += 500) {
    const rows = await db
      .selectFrom('movementOrderItem as i')
      .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
      .innerJoin('schoolClass as c', 'c.id', 'i.toClassId')
      .select(['i.pupilId', 'c.name', 'o.numberText', 'o.orderDate'])
      .where('o.status', '=', 'signed')
      .where('o.orderType', 'in', ['enroll', 'reinstate'])
      .where('i.pupilId', 'in', pupilIds.slice(i, i + 500))
      .orderBy('o.orderDate')
      .execute();
    for (const r of rows) out.set(r.pupilId, { className: r.name, orderNumber: r.numberText, orderDate: r.orderDate });
  }
  return out;
}

async function currentClasses(db: Executor, pupilIds: readonly string[]): Promise<Map<string, string>> {
  const today = schoolToday();
  const out = new Map<string, string>();
  for (let i = 0; i < pupilIds.length; i += 500) {
    const rows = await db
      .selectFrom('classMembership as cm')
      .innerJoin('schoolClass as c', 'c.id', 'cm.classId')
      .select(['cm.pupilId', 'c.name'])
      .where('cm.pupilId', 'in', pupilIds.slice(i, i + 500))
      .where('cm.startDate', '<=', today)
      .where((eb) => eb.or([eb('cm.endDate', 'is', null), eb('cm.endDate', '>', today)]))
      .execute();
    for (const r of rows) out.set(r.pupilId, r.name);
  }
  return out;
}

function show(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ') : null;
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('.');
  return String(v);
}

/** A person's office changes the portal has not seen yet (no push file carried them). */
export interface PendingChange {
  kind: PersonKind;
  id: string;
  created: boolean;
  /** When the office last changed the person. */
  at: string;
  fields: Set<string>;
  /** Fields the office edited on an existing card (not the ones it filled when creating it), with when. */
  edited: Map<string, string>;
}

export interface LastPush {
  exchangeId: string;
  fileName: string;
  at: string;
  status: string;
}

/**
 * Office changes since the portal last saw each person: the audit log after onboarding, less what a
 * pull wrote and what a later push file carried. Keyed `kind|id`. `importedOnly`: a push file counts
 * only once someone marked it imported into the portal (what a pull must assume the portal has).
 */
export async function pendingChanges(db: Executor, importedOnly = false): Promise<{ pending: Map<string, PendingChange>; lastPush: Map<string, LastPush>; since: string | null }> {
  const since = await onboardedAt(db);
  const audit = await db
    .selectFrom('auditLog')
    .select(['entity', 'recordId', 'action', 'at', 'changes', 'cause'])
    .where('entity', 'in', KINDS)
    .where('action', 'in', ['create', 'update'])
    .where('at', '>', since ?? '')
    .orderBy('at')
    .execute();
  const pushes = await db
    .selectFrom('portalExchangeItem as i')
    .innerJoin('portalExchange as e', 'e.id', 'i.exchangeId')
    .innerJoin('portalExchangeFile as f', 'f.exchangeId', 'e.id')
    .select(['i.personKind', 'i.personId', 'e.id', 'e.createdAt', 'e.status', 'f.fileName'])
    .$if(importedOnly, (q) => q.where('e.status', 'in', ['imported', 'confirmed']))
    .orderBy('e.createdAt')
    .execute();
  const lastPush = new Map<string, LastPush>();
  for (const p of pushes) lastPush.set(`${p.personKind}|${p.personId}`, { exchangeId: p.id, fileName: p.fileName, at: p.createdAt, status: p.status });

  const pending = new Map<string, PendingChange>();
  for (const a of audit) {
    if (!a.recordId || (a.cause ?? '').startsWith(PULL_CAUSE)) continue;
    const key = `${a.entity}|${a.recordId}`;
    const pushed = lastPush.get(key);
    if (pushed && a.at <= pushed.at) continue;
    const cur = pending.get(key) ?? { kind: a.entity as PersonKind, id: a.recordId, created: false, at: a.at, fields: new Set<string>(), edited: new Map<string, string>() };
    if (a.action === 'create' && !pushed) cur.created = true;
    cur.at = a.at;
    try {
      for (const f of Object.keys((JSON.parse(a.changes ?? '{}') as Record<string, unknown>) ?? {})) {
        if (SKIP_FIELDS.has(f)) continue;
        cur.fields.add(f);
        if (a.action === 'update') cur.edited.set(f, a.at);
      }
    } catch {
      // A free-form audit entry names no fields.
    }
    pending.set(key, cur);
  }
  return { pending, lastPush, since };
}

export async function buildOutbox(db: Executor): Promise<{ entries: OutboxEntry[]; since: string | null }> {
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
      const fields =
        action === 'create'
          ? [
              { label: 'ФИО', value: fullName(card) },
              { label: 'Дата рождения', value: show(card.birthDate) },
              ...(kind === 'pupil' ? [{ label: 'Класс', value: enrol?.className ?? classes.get(p.id) ?? null }] : []),
            ]
          : [...p.fields].filter((f) => f in card || f === 'parents' || f === 'children' || f === 'class').map((f) => ({ label: labels[f] ?? (f === 'parents' ? 'Родители' : f === 'children' ? 'Дети' : f === 'class' ? 'Класс' : f), value: show(card[f]) }));
      entries.push({
        personKind: kind,
        personId: p.id,
        label: fullName(card),
        className: enrol?.className ?? classes.get(p.id) ?? null,
        action,
        changedAt: p.at,
        fields,
        pushKinds: kindsFor(kind, action, Boolean(enrol)),
        lastPush: lastPush.get(`${kind}|${p.id}`) ?? null,
      });
    }
  }
  entries.sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  return { entries, since };
}
