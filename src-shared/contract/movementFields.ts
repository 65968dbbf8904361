import { z } from './zodRu';
import { isoDate, optText, reqText, version } from './fields';
import { DESTINATION_KIND_KEYS, ENROLL_KIND_KEYS, ORDER_STATUSES, ORDER_TYPES, type OrderStatus } from '../domain/movement/orderTypes';

/** Schemas of the movement book shared by its contract files (orders, registers, reports, rollover). */

export const id = z.string().trim().min(1, 'не выбрана запись').max(100);
export const maybeId = id.nullable();
export const orderType = z.enum(ORDER_TYPES, 'выберите вид приказа из списка');
export const orderStatus = z.enum(Object.keys(ORDER_STATUSES) as [OrderStatus, ...OrderStatus[]]);
export const enrollKind = z.enum(ENROLL_KIND_KEYS, 'выберите, откуда прибыл обучающийся');
export const destinationKind = z.enum(DESTINATION_KIND_KEYS, 'выберите, куда выбыл обучающийся');
export const sex = z.enum(['М', 'Ж'], 'выберите «М» или «Ж»');
/** office — made here; portal — read from the portal's movement-book export (history). */
export const orderSource = z.enum(['office', 'portal']);

/** A card created by the enrolment item: the portal creates pupils through the movement book. */
export const newPupilInput = z.object({
  lastName: reqText(100),
  firstName: reqText(100),
  middleName: optText(100),
  sex,
  birthDate: isoDate,
});
export type NewPupilInput = z.input<typeof newPupilInput>;

export const orderItemInput = z
  .object({
    /** Null for a new item. */
    id: maybeId.default(null),
    pupilId: maybeId.default(null),
    newPupil: newPupilInput.nullable().default(null),
    fromClassId: maybeId.default(null),
    toClassId: maybeId.default(null),
    effectiveDate: isoDate,
    enrollKind: enrollKind.nullable().default(null),
    originSchool: optText(500),
    originDocument: optText(300),
    destinationKind: destinationKind.nullable().default(null),
    destinationSchool: optText(500),
    reason: optText(500),
    note: optText(1000),
    subgroupIds: z.array(id).max(20).default([]),
    /** ФИО in the cases the template uses; empty = declined by petrovich from the card. */
    nameGenitive: optText(300),
    nameDative: optText(300),
    nameAccusative: optText(300),
  })
  .superRefine((item, ctx) => {
    if (!item.pupilId && !item.newPupil) ctx.addIssue({ code: 'custom', path: ['pupilId'], message: 'выберите обучающегося или заполните новую карточку' });
    if (item.pupilId && item.newPupil) ctx.addIssue({ code: 'custom', path: ['newPupil'], message: 'либо существующая карточка, либо новая — не обе сразу' });
  });
export type OrderItemInput = z.input<typeof orderItemInput>;

export const orderInput = z.object({
  type: orderType,
  orderDate: isoDate,
  title: reqText(300),
  basis: optText(1000),
  signatoryPosition: optText(200),
  signatoryName: optText(200),
  items: z.array(orderItemInput).max(3000, 'не больше 3000 пунктов в одном приказе'),
});
export type OrderInput = z.input<typeof orderInput>;

export const orderItem = z.object({
  id: z.string(),
  ordinal: z.number(),
  pupilId: z.string(),
  pupilName: z.string(),
  sex,
  birthDate: z.string().nullable(),
  createdPupil: z.boolean(),
  fromClassId: z.string().nullable(),
  fromClassName: z.string().nullable(),
  toClassId: z.string().nullable(),
  toClassName: z.string().nullable(),
  effectiveDate: z.string(),
  enrollKind: enrollKind.nullable(),
  originSchool: z.string().nullable(),
  originDocument: z.string().nullable(),
  destinationKind: destinationKind.nullable(),
  destinationSchool: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  subgroupIds: z.array(z.string()),
  nameGenitive: z.string(),
  nameDative: z.string(),
  nameAccusative: z.string(),
  namesEdited: z.boolean(),
});
export type OrderItem = z.output<typeof orderItem>;

export const orderDetail = z.object({
  id: z.string(),
  yearId: z.string(),
  yearName: z.string(),
  type: orderType,
  number: z.number().nullable(),
  numberText: z.string().nullable(),
  orderDate: z.string(),
  title: z.string(),
  basis: z.string().nullable(),
  signatoryPosition: z.string().nullable(),
  signatoryName: z.string().nullable(),
  status: orderStatus,
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  printedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** `portal`: a historical order read from the portal's movement book — history only, it cannot be cancelled here. */
  source: orderSource,
  version,
  items: z.array(orderItem),
});
export type OrderDetail = z.output<typeof orderDetail>;

export const orderRow = z.object({
  id: z.string(),
  yearId: z.string(),
  type: orderType,
  numberText: z.string().nullable(),
  orderDate: z.string(),
  title: z.string(),
  status: orderStatus,
  itemCount: z.number(),
  /** First names of the order («Иванов И. И., Петрова А. С. и ещё 3»). */
  pupilsPreview: z.string(),
  signatoryName: z.string().nullable(),
  source: orderSource,
  version,
});
export type OrderRow = z.output<typeof orderRow>;

/** A pupil picked for an order item, with the class on the date asked. */
export const pupilPick = z.object({
  id: z.string(),
  fullName: z.string(),
  sex,
  birthDate: z.string().nullable(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
});
export type PupilPick = z.output<typeof pupilPick>;

export const classOption = z.object({
  id: z.string(),
  name: z.string(),
  grade: z.number(),
  yearId: z.string(),
  yearName: z.string(),
  classTeacherName: z.string().nullable(),
  pupilCount: z.number(),
});
export type ClassOption = z.output<typeof classOption>;
