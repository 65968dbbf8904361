import { newId } from '../../../../src-shared/domain/ids';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { recordPortalLogins } from '../../accounts/index';
import { addImportedItems, importSignedOrders, openMissingEnrolmentAccountTasks, startImportedMemberships } from '../../movement/index';
import type { HandlerContext } from '../../foundation/context';
import type { Job } from '../../foundation/jobs';
import { CARD_SPECS, createImportedCards, insertLinks, patchCard } from '../../people/index';
import { savePortalRefs, saveSeen } from '../repo/portalRefs';
import { applySetupOps, resolveSetupIds } from './applySetup';
import { differsByPerson, type Sightings } from './planDifferences';
import { isTempId, type Op, type Plan, type SetupOp } from './planTypes';
import type { Executor } from '../../foundation/executor';

type OpOf<K extends Op['op']> = Extract<Op, { op: K }>;
type Step = (n: number) => Promise<void>;

function opsOf<K extends Op['op']>(ops: readonly Op[], k: K): OpOf<K>[] {
  return ops.filter((o): o is OpOf<K> => o.op === k);
}

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
 * Runs a plan's operations inside the caller's transaction, each through the owning domain's write
 * path (people's cards and links, the movement book's memberships and orders, the accounts, the
 * set-up and curriculum records), auditing each change with the pull as its cause. Any failure
 * throws and the caller's transaction rolls everything back.
 *
 * The operations run in phases, each phase's records many to a statement (on PostgreSQL every
 * statement is a round trip): the cards; the set-up records in planned order (a subgroup needs its
 * class, an assignment its teacher); portal ids; class memberships; parent links; portal logins;
 * the movement book's orders; the account tasks the domains open on their own. The preview
 * predicts what the last two open in this same order (planAccountTasks.ts).
 */
export async function applyPlan(ctx: HandlerContext, trx: Executor, plan: Plan, cause: string, today: string, exchangeId: string | null = null, job?: Pick<Job, 'progress' | 'throwIfCancelled'>): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  const count = (k: string, n = 1) => {
    if (n > 0) written[k] = (written[k] ?? 0) + n;
  };
  const now = new Date().toISOString();
  const real = realIds();
  const audit = ctx.audit.batched(trx);
  const actx: HandlerContext = { ...ctx, audit };
  const ops = plan.ops.map((op) => resolveIds(op, real));
  const of = <K extends Op['op']>(k: K) => opsOf(ops, k);
  const total = ops.length;
  let done = 0;
  // «Остановить» rolls the whole transaction back; progress is the share of records written.
  const step = async (n: number) => {
    done += n;
    job?.throwIfCancelled();
    job?.progress(done, total, `Запись: ${done.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')}`);
  };

  await applyCardsAndSetup(actx, trx, ops, cause, now, count, step);
  await savePortalRefs(trx, of('portalRef').map((o) => ({ entity: o.entity, recordId: o.id, portalId: o.portalId })), now);
  // Before the phases that read (PostgreSQL: a read waits for every insert sent before it), so
  // these rows are built while the server still writes the cards.
  if (exchangeId) await recordSightings(trx, plan.sightings, exchangeId, now, real);
  const memberships = of('membership');
  await startImportedMemberships(actx, trx, memberships, cause);
  count('membership', memberships.length);
  const links = of('link');
  await insertLinks(actx, trx, links, cause);
  count('link', links.length);
  await step(memberships.length + links.length);
  const logins = of('account');
  await recordPortalLogins(actx, trx, logins.map((o) => ({ personKind: o.kind as PersonKind, personId: o.personId, login: o.login })), today, cause);
  count('account', logins.length);
  const orders = of('movementOrder');
  await importSignedOrders(
    actx,
    trx,
    orders.flatMap((o) => (o.create ? [{ id: o.id, ...o.create, items: o.items }] : [])),
    'portal',
    cause,
    now,
  );
  // Pupils found since an earlier pull join the order it imported (rare: one at a time).
  for (const op of orders) if (!op.create) await addImportedItems(actx, trx, op.id, op.items, 'portal', cause, now);
  count('movementOrder', orders.length);
  // Enrolment orders taken from the portal start the account deadlines of pupils who have none.
  await openMissingEnrolmentAccountTasks(actx, trx);
  await audit.flush();
  return written;
}

/**
 * The first phases of an apply: new cards (many to a statement), card updates, then the set-up
 * records in planned order. The aSc import into an empty school writes its planned set-up (teachers'
 * cards, subjects, rooms, classes, load) through this same path. `ops` carry real ids already.
 */
export async function applyCardsAndSetup(actx: HandlerContext, trx: Executor, ops: readonly Op[], cause: string, now: string, count: (k: string, n?: number) => void, step: Step = async () => undefined): Promise<void> {
  const of = <K extends Op['op']>(k: K) => opsOf(ops, k);
  const created = of('createPerson');
  for (const kind of ['staff', 'pupil', 'parent'] as const) {
    const mine = created.filter((o) => o.kind === kind);
    for (let i = 0; i < mine.length; i += 500) {
      const chunk = mine.slice(i, i + 500);
      await createImportedCards(actx, trx, kind, chunk, cause, now);
      count(kind, chunk.length);
      await step(chunk.length);
    }
  }
  for (const op of of('updatePerson')) {
    const spec = CARD_SPECS[op.kind];
    const { changes } = await patchCard(trx, spec, op.id, op.version, op.patch, spec.labels, now);
    if (Object.keys(changes).length > 0) {
      await actx.audit.record(trx, { entity: op.kind, recordId: op.id, action: 'update', changes, cause });
      count(op.kind);
    }
  }
  await step(of('updatePerson').length);
  const setup = ops.filter((o): o is SetupOp => !PEOPLE_OPS.has(o.op));
  await applySetupOps(actx, trx, setup, cause, now, count, step);
}

const PEOPLE_OPS: ReadonlySet<Op['op']> = new Set(['createPerson', 'updatePerson', 'portalRef', 'link', 'membership', 'account', 'movementOrder']);

/**
 * What this pull saw of each person it found (matched or created): the outbox and the
 * reconciliation count from here, and keep the differences the office has not sent yet.
 */
async function recordSightings(trx: Executor, s: Sightings, exchangeId: string, now: string, real: (id: string) => string): Promise<void> {
  const differs = differsByPerson(s.differences);
  const row = (p: { kind: string; id: string }) => ({ personKind: p.kind, personId: real(p.id), exchangeId, seenAt: now, differs: JSON.stringify(differs.get(`${p.kind}|${p.id}`) ?? {}) });
  const seen = [...s.seen.values()];
  // A person this pull created has a planned id: no earlier pull can have seen them.
  await saveSeen(trx, seen.filter((p) => !isTempId(p.id)).map(row), seen.filter((p) => isTempId(p.id)).map(row));
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
