import { newId } from '../../../../src-shared/domain/ids';
import { openMissingEnrolmentAccountTasks } from '../../movement/index';
import type { HandlerContext } from '../../foundation/context';
import type { Job } from '../../foundation/jobs';
import { CARD_SPECS, auditView, completeCard, insertCard, patchCard } from '../../people/index';
import { applyMovementOrder } from './applyMovementOrder';
import { applySetupOp, resolveSetupIds } from './applySetup';
import { differsByPerson, type Sightings } from './planDifferences';
import { isTempId, type Op, type Plan } from './planTypes';
import type { Executor } from '../../foundation/executor';

/** Planned ids (`~n`) → real ones, drawn when first written; a real id stays as it is. */
export function realIds(): (id: string) => string {
  const ids = new Map<string, string>();
  return (id: string): string => {
    if (!isTempId(id)) return id;
    let r = ids.get(id);
    if (!r) ids.set(id, (r = newId()));
    return r;
  };
}

/**
 * Runs a plan's operations inside the caller's transaction, auditing each change with the pull as
 * its cause. Any failure throws and the caller's transaction rolls everything back.
 */
export async function applyPlan(ctx: HandlerContext, trx: Executor, plan: Plan, cause: string, today: string, exchangeId: string | null = null, job?: Pick<Job, 'progress' | 'throwIfCancelled'>): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  const count = (k: string, n = 1) => (written[k] = (written[k] ?? 0) + n);
  const now = new Date().toISOString();
  const real = realIds();
  const total = plan.ops.length;
  for (let i = 0; i < total; i++) {
    // «Остановить» rolls the whole transaction back; progress is the share of records written.
    if (job && i % 500 === 0) {
      job.throwIfCancelled();
      job.progress(i, total, `Запись: ${i.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')}`);
    }
    await applyOp(ctx, trx, resolveIds(plan.ops[i], real), cause, now, today, count);
  }
  if (exchangeId) await recordSightings(trx, plan.sightings, exchangeId, now, real);
  // Enrolment orders taken from the portal start the account deadlines of pupils who have none.
  await openMissingEnrolmentAccountTasks(ctx, trx);
  return written;
}

/**
 * What this pull saw of each person it found (matched or created): the outbox and the
 * reconciliation count from here, and keep the differences the office has not sent yet.
 */
async function recordSightings(trx: Executor, s: Sightings, exchangeId: string, now: string, real: (id: string) => string): Promise<void> {
  const differs = differsByPerson(s.differences);
  const rows = [...s.seen.values()].map((p) => ({ personKind: p.kind, personId: real(p.id), exchangeId, seenAt: now, differs: JSON.stringify(differs.get(`${p.kind}|${p.id}`) ?? {}) }));
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    for (const kind of ['pupil', 'parent', 'staff'] as const) {
      const ids = chunk.filter((r) => r.personKind === kind).map((r) => r.personId);
      if (ids.length) await trx.deleteFrom('portalSeen').where('personKind', '=', kind).where('personId', 'in', ids).execute();
    }
    await trx.insertInto('portalSeen').values(chunk).execute();
  }
}

export function resolveIds(op: Op, real: (id: string) => string): Op {
  switch (op.op) {
    case 'createPerson':
    case 'updatePerson':
      return { ...op, id: real(op.id) };
    case 'portalRef':
      // A csg's record is its slot `classId|subjectId|groupNo`, whose parts may be planned too.
      return { ...op, id: op.id.split('|').map(real).join('|') };
    case 'link':
      return { ...op, pupilId: real(op.pupilId), parentId: real(op.parentId) };
    case 'membership':
      return { ...op, pupilId: real(op.pupilId), classId: real(op.classId) };
    case 'account':
      return { ...op, personId: real(op.personId) };
    case 'movementOrder': {
      // Pupils created from the pupil list and classes from ExportCM in the same pull.
      const cls = (id: string | null) => (id ? real(id) : null);
      return { ...op, id: real(op.id), items: op.items.map((i) => ({ ...i, pupilId: real(i.pupilId), fromClassId: cls(i.fromClassId), toClassId: cls(i.toClassId) })) };
    }
    default:
      // Set-up records refer to records planned in the same pull (a class's subgroup, a teacher of a group).
      return resolveSetupIds(op, real);
  }
}

export async function applyOp(ctx: HandlerContext, trx: Executor, op: Op, cause: string, now: string, today: string, count: (k: string, n?: number) => void): Promise<void> {
  switch (op.op) {
    case 'createPerson': {
      const spec = CARD_SPECS[op.kind];
      const card = completeCard(spec, op.parts);
      await insertCard(trx, spec, op.id, card, now);
      await ctx.audit.record(trx, { entity: op.kind, recordId: op.id, action: 'create', changes: Object.fromEntries(Object.entries(auditView(card)).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => [k, [null, v]])), cause });
      count(op.kind);
      return;
    }
    case 'updatePerson': {
      const spec = CARD_SPECS[op.kind];
      const { changes } = await patchCard(trx, spec, op.id, op.version, op.patch, spec.labels, now);
      if (Object.keys(changes).length > 0) {
        await ctx.audit.record(trx, { entity: op.kind, recordId: op.id, action: 'update', changes, cause });
        count(op.kind);
      }
      return;
    }
    case 'portalRef': {
      const cur = await trx.selectFrom('portalRef').select('portalId').where('entity', '=', op.entity).where('recordId', '=', op.id).executeTakeFirst();
      if (cur?.portalId === op.portalId) return;
      await trx.deleteFrom('portalRef').where('entity', '=', op.entity).where('recordId', '=', op.id).execute();
      await trx.insertInto('portalRef').values({ entity: op.entity, recordId: op.id, portalId: op.portalId, updatedAt: now }).execute();
      return;
    }
    case 'link': {
      await trx.insertInto('pupilParent').values({ pupilId: op.pupilId, parentId: op.parentId, relation: op.relation, isLegalRepresentative: 1 }).execute();
      await ctx.audit.record(trx, { entity: 'pupil', recordId: op.pupilId, action: 'update', changes: { parents: [null, op.label] }, cause });
      await ctx.audit.record(trx, { entity: 'parent', recordId: op.parentId, action: 'update', changes: { children: [null, op.label] }, cause });
      count('link');
      return;
    }
    case 'membership': {
      const id = newId();
      await trx.insertInto('classMembership').values({ id, pupilId: op.pupilId, classId: op.classId, startDate: op.startDate, endDate: null, cause, orderItemId: null, endOrderItemId: null }).execute();
      await ctx.audit.record(trx, { entity: 'pupil', recordId: op.pupilId, action: 'update', changes: { class: [null, op.label] }, cause });
      count('membership');
      return;
    }
    case 'account': {
      if (op.accountId && op.version !== null) {
        const keep = op.status === 'created' || op.status === 'handedOver';
        const r = await trx
          .updateTable('portalAccount')
          .set({ login: op.login, ...(keep ? {} : { status: 'created', createdOn: today }), version: op.version + 1, updatedAt: now })
          .where('id', '=', op.accountId)
          .where('version', '=', op.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new Error('account changed concurrently');
        await ctx.audit.record(trx, { entity: 'portalAccount', recordId: op.accountId, action: 'update', changes: keep ? { login: [null, op.login] } : { status: [op.status, 'created'], login: [null, op.login] }, cause });
      } else {
        const id = newId();
        await trx
          .insertInto('portalAccount')
          .values({ id, personKind: op.kind, personId: op.personId, status: 'created', orderNumber: null, orderDate: null, dueDate: null, exportFile: null, sentOn: null, login: op.login, passwordEnc: null, createdOn: today, handedOverOn: null, handedOverTo: null, handedOverBy: null, version: 1, createdAt: now, updatedAt: now })
          .execute();
        await ctx.audit.record(trx, { entity: 'portalAccount', recordId: id, action: 'create', changes: { personId: [null, op.personId], status: [null, 'created'], login: [null, op.login] }, cause });
      }
      count('account');
      return;
    }
    case 'movementOrder': {
      await applyMovementOrder(ctx, trx, op, cause, now);
      count('movementOrder');
      return;
    }
    default:
      await applySetupOp(ctx, trx, op, cause, now, count);
  }
}

/**
 * People a pull found in the portal confirm the push files that carried them: their items are
 * confirmed, and a file whose items are all confirmed becomes «подтверждён».
 */
export async function confirmPushes(trx: Executor, found: { kind: string; id: string }[], now: string): Promise<number> {
  if (found.length === 0) return 0;
  const open = await trx
    .selectFrom('portalExchangeItem as i')
    .innerJoin('portalExchange as e', 'e.id', 'i.exchangeId')
    .select(['i.exchangeId', 'i.personKind', 'i.personId'])
    .where('e.status', '=', 'imported')
    .where('i.confirmedAt', 'is', null)
    .execute();
  if (open.length === 0) return 0;
  const seen = new Set(found.map((f) => `${f.kind}|${f.id}`));
  const touched = new Set<string>();
  for (const i of open) {
    if (!seen.has(`${i.personKind}|${i.personId}`)) continue;
    await trx.updateTable('portalExchangeItem').set({ confirmedAt: now }).where('exchangeId', '=', i.exchangeId).where('personKind', '=', i.personKind).where('personId', '=', i.personId).execute();
    touched.add(i.exchangeId);
  }
  let confirmed = 0;
  for (const id of touched) {
    // Parents go into the portal with their child (the movement-book import): a found child confirms them.
    const pupils = await trx.selectFrom('portalExchangeItem').select('personId').where('exchangeId', '=', id).where('personKind', '=', 'pupil').where('confirmedAt', 'is not', null).execute();
    if (pupils.length > 0) {
      const parents = await trx.selectFrom('pupilParent').select('parentId').where('pupilId', 'in', pupils.map((p) => p.personId)).execute();
      if (parents.length > 0) {
        await trx.updateTable('portalExchangeItem').set({ confirmedAt: now }).where('exchangeId', '=', id).where('personKind', '=', 'parent').where('confirmedAt', 'is', null).where('personId', 'in', parents.map((p) => p.parentId)).execute();
      }
    }
    const left = await trx.selectFrom('portalExchangeItem').select('personId').where('exchangeId', '=', id).where('confirmedAt', 'is', null).executeTakeFirst();
    if (!left) {
      await trx.updateTable('portalExchange').set({ status: 'confirmed', finishedAt: now }).where('id', '=', id).execute();
      confirmed++;
    }
  }
  return confirmed;
}
