import type { NewPupilInput, OrderDetail, OrderItemInput } from '../../../src-shared/contract/movementFields';
import type { DestinationKind, EnrollKind, OrderType } from '../../../src-shared/domain/movement/orderTypes';

/** One item as the editor holds it: what is sent back plus what is shown. */
export interface EditItem {
  key: string;
  id: string | null;
  pupilId: string | null;
  newPupil: (NewPupilInput & { middleName?: string | null }) | null;
  pupilName: string;
  sex: 'М' | 'Ж';
  birthDate: string | null;
  fromClassId: string | null;
  fromClassName: string | null;
  toClassId: string | null;
  toClassName: string | null;
  effectiveDate: string;
  enrollKind: EnrollKind | null;
  originSchool: string | null;
  originDocument: string | null;
  destinationKind: DestinationKind | null;
  destinationSchool: string | null;
  reason: string | null;
  note: string | null;
  subgroupIds: string[];
  nameGenitive: string;
  nameDative: string;
  nameAccusative: string;
}

let seq = 0;
export function newKey(): string {
  seq += 1;
  return `new-${seq}`;
}

export function itemsFromDetail(order: OrderDetail): EditItem[] {
  return order.items.map((i) => ({
    key: i.id,
    id: i.id,
    pupilId: i.pupilId,
    newPupil: null,
    pupilName: i.pupilName,
    sex: i.sex,
    birthDate: i.birthDate,
    fromClassId: i.fromClassId,
    fromClassName: i.fromClassName,
    toClassId: i.toClassId,
    toClassName: i.toClassName,
    ...itemDetails(i),
    nameGenitive: i.nameGenitive,
    nameDative: i.nameDative,
    nameAccusative: i.nameAccusative,
  }));
}

type ItemDetails = Pick<EditItem, 'effectiveDate' | 'enrollKind' | 'originSchool' | 'originDocument' | 'destinationKind' | 'destinationSchool' | 'reason' | 'note' | 'subgroupIds'>;

/** The item's own details, the same in the editor and in the saved order. */
function itemDetails(i: ItemDetails): ItemDetails {
  return {
    effectiveDate: i.effectiveDate,
    enrollKind: i.enrollKind,
    originSchool: i.originSchool,
    originDocument: i.originDocument,
    destinationKind: i.destinationKind,
    destinationSchool: i.destinationSchool,
    reason: i.reason,
    note: i.note,
    subgroupIds: i.subgroupIds,
  };
}

export function itemsToInput(items: EditItem[]): OrderItemInput[] {
  return items.map((i) => ({
    id: i.id,
    pupilId: i.newPupil ? null : i.pupilId,
    newPupil: i.newPupil,
    fromClassId: i.fromClassId,
    toClassId: i.toClassId,
    ...itemDetails(i),
    nameGenitive: i.nameGenitive || null,
    nameDative: i.nameDative || null,
    nameAccusative: i.nameAccusative || null,
  }));
}

export function defaultEnrollKind(type: OrderType): EnrollKind | null {
  return type === 'enroll' ? 'first' : null;
}
