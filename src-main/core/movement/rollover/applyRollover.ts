import type { RolloverPlan, RolloverPreview } from '../../../../src-shared/contract/movementRollover';
import { newId } from '../../../../src-shared/domain/ids';
import { fullName } from '../../../../src-shared/domain/names';
import type { HandlerContext } from '../../foundation/context';
import type { Job } from '../../foundation/jobs';
import { callerName, emitMovementChanged, refuse } from '../common';
import { insertDraft } from '../repo/orderInsert';
import { classLinks, classProgramme, insertClassRow, insertYearRow, staffNameRows, updateClassLinks, yearIdOn } from '../repo/rollover';
import { signWithin } from '../orderSigning';
import { openEnrolmentAccountTasks } from '../enrolmentAccounts';
import { buildRollover, type BuiltRollover } from './buildRollover';
import type { Executor } from '../../foundation/executor';
import { nowIso } from '../../foundation/clock';

/** A fault-injection seam for the atomicity test: called after each step inside the transaction. */
export interface RolloverHooks {
  afterStep?(step: string): void | Promise<void>;
}

async function teacherNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const rows = await staffNameRows(db, ids.filter((x): x is string => Boolean(x)));
  return new Map(rows.map((r) => [r.id, fullName(r)]));
}

export async function previewRollover(db: Executor, plan: RolloverPlan): Promise<RolloverPreview> {
  const b = await buildRollover(db, plan);
  const teachers = await teacherNames(db, b.classes.map((c) => c.classTeacherId));
  const count = (name: string) => b.pupils.filter((p) => p.toClassName === name).length;
  return {
    fromYearName: b.fromYear.name,
    targetYear: { name: b.target.name, startDate: b.target.startDate, endDate: b.target.endDate, exists: Boolean(b.target.existing) },
    classes: b.classes
      .map((c) => ({ name: c.name, grade: c.grade, fromClassName: c.fromClassName, classTeacherId: c.classTeacherId, classTeacherName: c.classTeacherId ? (teachers.get(c.classTeacherId) ?? null) : null, exists: Boolean(c.existingId), pupils: count(c.name) }))
      .sort((a, b2) => a.grade - b2.grade || a.name.localeCompare(b2.name, 'ru')),
    sourceClasses: b.sourceClasses.map(({ id, name, grade, pupils, successorName, classTeacherId }) => ({ id, name, grade, pupils, successorName, classTeacherId })),
    orders: b.orders.map((o) => ({ type: o.type, title: o.title, orderDate: o.orderDate, effectiveDate: o.effectiveDate, items: o.items.length, pupilIds: o.items.map((i) => i.pupilId) })),
    pupils: b.pupils.map(({ pupilId, fullName: n, fromClassName, grade, action, toClassName }) => ({ pupilId, fullName: n, fromClassName, grade, action, toClassName })),
    problems: b.problems,
    warnings: b.warnings,
  };
}

async function createYearAndClasses(ctx: HandlerContext, trx: Executor, b: BuiltRollover, at: string): Promise<{ yearId: string; classIdOf: Map<string, string>; created: string[] }> {
  let yearId = b.target.existing?.id;
  if (!yearId) {
    yearId = newId();
    await insertYearRow(trx, { id: yearId, name: b.target.name, startDate: b.target.startDate, endDate: b.target.endDate, updatedAt: at });
  }
  const classIdOf = new Map<string, string>();
  const created: string[] = [];
  for (const c of b.classes) {
    if (c.existingId) {
      classIdOf.set(c.name, c.existingId);
      await updateExisting(ctx, trx, c, at);
      continue;
    }
    const prev = c.fromClassId ? await classProgramme(trx, c.fromClassId) : undefined;
    const id = newId();
    await insertClassRow(trx, {
      id,
      academicYearId: yearId,
      grade: c.grade,
      letter: c.letter,
      name: c.name,
      classTeacherId: c.classTeacherId,
      shift: c.shift,
      previousClassId: c.fromClassId,
      // An adapted programme (АООП) continues with its class.
      programme: prev?.programme ?? 'ООП',
      programmeVariant: prev?.programmeVariant ?? null,
      homeRoomId: null,
      weekLength: prev?.weekLength ?? null,
      version: 1,
      updatedAt: at,
    });
    classIdOf.set(c.name, id);
    created.push(c.name);
  }
  return { yearId, classIdOf, created };
}

/**
 * A class of the new year that already existed (set up by the завуч before the rollover) is linked
 * to its predecessor and gets the class teacher the wizard named; nothing else of it changes.
 */
async function updateExisting(ctx: HandlerContext, trx: Executor, c: BuiltRollover['classes'][number], at: string): Promise<void> {
  const row = await classLinks(trx, c.existingId as string);
  const changes: Record<string, [unknown, unknown]> = {};
  if (c.teacherChanged && row.classTeacherId !== c.classTeacherId) changes.classTeacherId = [row.classTeacherId, c.classTeacherId];
  if (!row.previousClassId && c.fromClassId) changes.previousClassId = [null, c.fromClassId];
  if (Object.keys(changes).length === 0) return;
  await updateClassLinks(
    trx,
    c.existingId as string,
    { classTeacherId: changes.classTeacherId ? (changes.classTeacherId[1] as string | null) : row.classTeacherId, previousClassId: row.previousClassId ?? c.fromClassId },
    Number(row.version),
    at,
  );
  await ctx.audit.record(trx, { entity: 'schoolClass', recordId: c.existingId, action: 'update', changes, cause: 'Переход на новый учебный год' });
}

/** The whole rollover in one transaction: a failure anywhere leaves no class, order or membership. */
export async function applyRollover(ctx: HandlerContext, plan: RolloverPlan, hooks: RolloverHooks = {}) {
  // Hundreds of pupils take seconds: the status bar shows progress, and «Отменить» rolls it all back.
  const job = ctx.core.jobs.start('Переход на новый учебный год');
  try {
    const result = await applyInTransaction(ctx, plan, hooks, job);
    job.finish(`Проведено: ${result.orders.length} приказов`);
    return result;
  } catch (err) {
    job.finish('Не проведено — ничего не изменено');
    throw err;
  }
}

async function applyInTransaction(ctx: HandlerContext, plan: RolloverPlan, hooks: RolloverHooks, job: Job) {
  const result = await ctx.core.db.transaction().execute(async (trx) => {
    const b = await buildRollover(trx, plan);
    if (b.problems.length) throw refuse(`Переход на новый учебный год: ${b.problems.slice(0, 3).join('; ')}${b.problems.length > 3 ? ` (и ещё ${b.problems.length - 3})` : ''}`, { problems: b.problems });
    const total = b.orders.reduce((n, o) => n + o.items.length, 0);
    let done = 0;
    const onItem = () => {
      done += 1;
      if (done % 25 === 0 || done === total) {
        job.throwIfCancelled();
        job.progress(done, total, `${done} из ${total}`);
      }
    };
    const at = nowIso();
    const { yearId, classIdOf, created } = await createYearAndClasses(ctx, trx, b, at);
    await hooks.afterStep?.('classes');
    const orders = [];
    for (const o of b.orders) {
      const orderYearId = await yearIdOn(trx, o.orderDate);
      const id = await insertDraft(
        trx,
        { yearId: orderYearId ?? b.fromYear.id, type: o.type, orderDate: o.orderDate, title: o.title, basis: 'решение педагогического совета', signatoryPosition: plan.signatoryPosition, signatoryName: plan.signatoryName, createdBy: callerName(ctx) },
        o.items.map((i) => ({ pupilId: i.pupilId, fromClassId: i.fromClassId, toClassId: i.toClassName ? (classIdOf.get(i.toClassName) ?? null) : null, effectiveDate: o.effectiveDate, enrollKind: i.enrollKind ?? null, reason: i.reason ?? null })),
        at,
      );
      const signed = await signWithin(trx, id, { numberText: null, signedBy: callerName(ctx), audit: ctx.audit.record, onItem });
      await openEnrolmentAccountTasks(ctx, trx, id);
      orders.push({ id, type: o.type, numberText: signed.numberText, items: o.items.length });
      await hooks.afterStep?.(`order:${o.type}:${o.title}`);
    }
    await ctx.audit.record(trx, { entity: 'rollover', recordId: yearId, action: 'apply', changes: { from: b.fromYear.name, to: b.target.name, createdClasses: created, orders: orders.map((o) => `${o.numberText} (${o.items})`) } });
    return { yearId, yearName: b.target.name, createdClasses: created, orders };
  });
  emitMovementChanged(ctx);
  ctx.core.events.emit({ type: 'dataChanged', entity: 'schoolClass' });
  return result;
}
