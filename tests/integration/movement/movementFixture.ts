import type { Kysely } from 'kysely';
import type { Database } from '../../../src-main/core/db/schema';
import type { OrderDetail, OrderInput, OrderItemInput } from '../../../src-shared/contract/movementFields';
import { newId } from '../../../src-shared/domain/ids';
import { searchKey } from '../../../src-shared/domain/names';
import type { ApiClient } from '../../../src-shared/transport';

/**
 * A school year with empty classes, written straight into the set-up tables (classes are issue 4);
 * every pupil then arrives through the movement book, the way the office works.
 */
export interface MovementFixture {
  yearId: string;
  classes: Record<string, string>;
  teachers: Record<string, string>;
}

export async function seedYear(db: Kysely<Database>, names = ['1А', '1Б', '5А', '5Б', '9А', '10А', '11А']): Promise<MovementFixture> {
  const now = new Date().toISOString();
  await db
    .insertInto('schoolCard')
    .values({
      id: 'main',
      fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»',
      shortName: 'МБОУ «СОШ № 6»',
      kind: 'Средняя общеобразовательная школа',
      inn: null,
      kpp: null,
      ogrn: null,
      legalAddress: '656056, г. Барнаул, ул. Школьная, д. 6',
      actualAddress: '656056, г. Барнаул, ул. Школьная, д. 6',
      phone: null,
      email: null,
      website: null,
      directorName: 'Шарапова Елена Викторовна',
      licenseNumber: null,
      licenseDate: null,
      licenseIssuer: null,
      accreditationNumber: null,
      accreditationDate: null,
      accreditationValidUntil: null,
      version: 1,
      updatedAt: now,
      updatedBy: null,
    })
    .execute();
  const yearId = newId();
  await db.insertInto('academicYear').values({ id: yearId, name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31', isCurrent: 1, isClosed: 0, version: 1, updatedAt: now }).execute();
  const classes: Record<string, string> = {};
  const teachers: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const teacher = newId();
    const last = ['Кузнецова', 'Орлова', 'Белова', 'Миронова', 'Зайцева', 'Титова', 'Гусева', 'Лебедева'][i % 8];
    await db
      .insertInto('staff')
      .values({ id: teacher, lastName: last, firstName: 'Мария', middleName: 'Ивановна', sex: 'Ж', birthDate: '1980-01-01', snils: null, searchKey: searchKey(last, 'Мария', 'Ивановна'), version: 1, createdAt: now, updatedAt: now, position: 'Учитель' })
      .execute();
    teachers[name] = teacher;
    const id = newId();
    const grade = Number(/^\d+/.exec(name)?.[0]);
    await db
      .insertInto('schoolClass')
      .values({ id, academicYearId: yearId, grade, letter: name.replace(/^\d+/, ''), name, classTeacherId: teacher, shift: 1, previousClassId: null, version: 1, updatedAt: now })
      .execute();
    classes[name] = id;
  }
  return { yearId, classes, teachers };
}

export function newPupilItem(p: { lastName: string; firstName: string; middleName?: string; sex: 'М' | 'Ж'; birthDate: string }, toClassId: string, date: string, extra: Partial<OrderItemInput> = {}): OrderItemInput {
  return { newPupil: { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName ?? null, sex: p.sex, birthDate: p.birthDate }, toClassId, effectiveDate: date, enrollKind: 'first', ...extra };
}

export function order(type: OrderInput['type'], orderDate: string, items: OrderItemInput[], extra: Partial<OrderInput> = {}): OrderInput {
  return { type, orderDate, title: `Приказ (${type})`, basis: 'заявление родителей (законных представителей)', signatoryPosition: 'Директор', signatoryName: 'Шарапова Елена Викторовна', items, ...extra };
}

export async function saveAndSign(client: ApiClient, o: OrderInput): Promise<OrderDetail> {
  const draft = await client.call('movement.orders.save', { id: null, version: 0, order: o });
  return client.call('movement.orders.sign', { id: draft.id, version: draft.version });
}

export async function rosterNames(client: ApiClient, classId: string, date: string): Promise<string[]> {
  return (await client.call('movement.classes.roster', { classId, date })).pupils.map((p) => p.fullName);
}
