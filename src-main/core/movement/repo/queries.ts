import { sql } from 'kysely';
import type { ClassRoster, PupilTimeline } from '../../../../src-shared/contract/movement';
import type { ClassOption, PupilPick } from '../../../../src-shared/contract/movementFields';
import type { OrderStatus, OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { compareRu, fullName, searchKey } from '../../../../src-shared/domain/names';
import { AppError } from '../../../../src-shared/errors';
import { inChunks, yearOfDate } from '../common';
import { likePrefix } from '../../foundation/sqlLike';
import { classesOfPupils, membershipsOf, rosterOn } from './membership';
import { registerNumbersOf } from './register';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';
import { validOn } from '../../foundation/validOn';

/** Read-side of the movement book: pickers, rosters on a date, a pupil's timeline. */

export async function searchPupils(db: Executor, query: string, date: string | null, classId: string | null): Promise<PupilPick[]> {
  const on = date ?? schoolToday();
  const key = searchKey(query);
  let q = db.selectFrom('pupil').select(['id', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate']);
  if (key) q = q.where(likePrefix(sql.ref('searchKey'), key));
  if (classId) {
    q = q.where('id', 'in', (await rosterOn(db, classId, on)).map((m) => m.pupilId).concat(['-']));
  } else if (!key) return [];
  const rows = await q.orderBy('searchKey').limit(classId ? 200 : 30).execute();
  const classes = await classesOfPupils(db, rows.map((r) => r.id), on);
  return rows
    .map((r) => ({ id: r.id, fullName: fullName(r), sex: r.sex, birthDate: r.birthDate, classId: classes.get(r.id)?.classId ?? null, className: classes.get(r.id)?.className ?? null }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

export async function classesOn(db: Executor, date: string): Promise<ClassOption[]> {
  const year = await yearOfDate(db, date);
  if (!year) return [];
  const classes = await db
    .selectFrom('schoolClass as c')
    .leftJoin('staff as t', 't.id', 'c.classTeacherId')
    .select(['c.id', 'c.name', 'c.grade', 'c.letter', 't.lastName', 't.firstName', 't.middleName'])
    .where('c.academicYearId', '=', year.id)
    .execute();
  const counts = await db
    .selectFrom('classMembership')
    .select(['classId', (eb) => eb.fn.countAll<number>().as('n')])
    .where(validOn(null, date))
    .groupBy('classId')
    .execute();
  const countOf = new Map(counts.map((c) => [c.classId, Number(c.n)]));
  return classes
    .sort((a, b) => Number(a.grade) - Number(b.grade) || compareRu(a.letter, b.letter))
    .map((c) => ({
      id: c.id,
      name: c.name,
      grade: Number(c.grade),
      yearId: year.id,
      yearName: year.name,
      classTeacherName: c.lastName ? fullName({ lastName: c.lastName, firstName: c.firstName ?? '', middleName: c.middleName }) : null,
      pupilCount: countOf.get(c.id) ?? 0,
    }));
}

export async function classRoster(db: Executor, classId: string, date: string): Promise<ClassRoster> {
  const cls = await db
    .selectFrom('schoolClass as c')
    .innerJoin('academicYear as y', 'y.id', 'c.academicYearId')
    .leftJoin('staff as t', 't.id', 'c.classTeacherId')
    .select(['c.id', 'c.name', 'y.name as yearName', 't.lastName', 't.firstName', 't.middleName'])
    .where('c.id', '=', classId)
    .executeTakeFirst();
  if (!cls) throw new AppError('NOT_FOUND', 'Класс не найден: возможно, его удалили. Обновите страницу.');
  const members = await rosterOn(db, classId, date);
  const ids = members.map((m) => m.pupilId);
  const pupils = await inChunks(ids, (chunk) => db.selectFrom('pupil').select(['id', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate']).where('id', 'in', chunk).execute());
  const byId = new Map(pupils.map((p) => [p.id, p]));
  const itemIds = members.map((m) => m.orderItemId).filter((x): x is string => Boolean(x));
  const orders = await inChunks(itemIds, (chunk) =>
    db.selectFrom('movementOrderItem as i').innerJoin('movementOrder as o', 'o.id', 'i.orderId').select(['i.id', 'o.numberText']).where('i.id', 'in', chunk).execute(),
  );
  const orderOf = new Map(orders.map((o) => [o.id, o.numberText]));
  const entries = await inChunks(ids, (chunk) =>
    db.selectFrom('alphabetBookEntry').select(['pupilId', 'number']).where('pupilId', 'in', chunk).where('status', '=', 'active').execute(),
  );
  const abOf = new Map(entries.map((e) => [e.pupilId, Number(e.number)]));
  return {
    classId: cls.id,
    className: cls.name,
    yearName: cls.yearName,
    date,
    classTeacherName: cls.lastName ? fullName({ lastName: cls.lastName, firstName: cls.firstName ?? '', middleName: cls.middleName }) : null,
    pupils: members
      .map((m) => {
        const p = byId.get(m.pupilId);
        return {
          id: m.pupilId,
          fullName: p ? fullName(p) : m.pupilId,
          sex: p?.sex ?? 'М',
          birthDate: p?.birthDate ?? null,
          since: m.startDate,
          until: m.endDate,
          startOrderNumber: m.orderItemId ? (orderOf.get(m.orderItemId) ?? null) : null,
          alphabetNumber: abOf.get(m.pupilId) ?? null,
        };
      })
      .sort((a, b) => compareRu(a.fullName, b.fullName)),
  };
}

export async function pupilTimeline(db: Executor, pupilId: string): Promise<PupilTimeline> {
  const p = await db.selectFrom('pupil').select(['id', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate']).where('id', '=', pupilId).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'Карточка обучающегося не найдена: возможно, её удалили. Обновите страницу.');
  const memberships = await membershipsOf(db, pupilId);
  const classIds = [...new Set(memberships.map((m) => m.classId))];
  const classes = await inChunks(classIds, (chunk) =>
    db.selectFrom('schoolClass as c').innerJoin('academicYear as y', 'y.id', 'c.academicYearId').select(['c.id', 'c.name', 'y.name as yearName']).where('c.id', 'in', chunk).execute(),
  );
  const clsOf = new Map(classes.map((c) => [c.id, c]));
  const items = await db
    .selectFrom('movementOrderItem as i')
    .innerJoin('movementOrder as o', 'o.id', 'i.orderId')
    .leftJoin('schoolClass as fc', 'fc.id', 'i.fromClassId')
    .leftJoin('schoolClass as tc', 'tc.id', 'i.toClassId')
    .select(['i.id as itemId', 'o.id as orderId', 'o.numberText', 'o.orderDate', 'o.orderType', 'o.status', 'i.effectiveDate', 'fc.name as fromClassName', 'tc.name as toClassName'])
    .where('i.pupilId', '=', pupilId)
    .orderBy('i.effectiveDate')
    .orderBy('o.orderDate')
    .execute();
  const refOf = (itemId: string | null) => {
    const i = itemId ? items.find((x) => x.itemId === itemId) : undefined;
    return i ? { id: i.orderId, numberText: i.numberText, orderDate: i.orderDate, type: i.orderType as OrderType } : null;
  };
  return {
    pupil: { id: p.id, fullName: fullName(p), sex: p.sex, birthDate: p.birthDate },
    register: await registerNumbersOf(db, pupilId),
    memberships: memberships.map((m) => ({
      id: m.id,
      classId: m.classId,
      className: clsOf.get(m.classId)?.name ?? '?',
      yearName: clsOf.get(m.classId)?.yearName ?? '',
      startDate: m.startDate,
      endDate: m.endDate,
      startOrder: refOf(m.orderItemId),
      endOrder: refOf(m.endOrderItemId),
      cause: m.cause,
    })),
    orders: items.map((i) => ({
      orderId: i.orderId,
      numberText: i.numberText,
      orderDate: i.orderDate,
      type: i.orderType as OrderType,
      status: i.status as OrderStatus,
      effectiveDate: i.effectiveDate,
      fromClassName: i.fromClassName ?? null,
      toClassName: i.toClassName ?? null,
    })),
  };
}
