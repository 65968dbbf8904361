import type { Kysely, Transaction } from 'kysely';
import { searchKey } from '../../../src-shared/domain/names';
import type { Database } from '../db/schema';
import type { DemoPerson, DemoSchool } from './generateSchool';
import { writeDemoMovement } from './writeMovement';
import { demoCardColumns, writeDemoPeople, type DemoPeopleOptions } from './writeDemoPeople';
import { generatePeopleDetails } from './demoPeople';
import { writeDemoCurriculum } from './writeDemoCurriculum';
import { writeDemoSetup } from './writeDemoSetup';
import { writeDemoDeadlines } from './writeDemoDeadlines';
import { schoolToday } from '../foundation/clock';
import type { Executor } from '../foundation/executor';

const CHUNK = 200;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

function personRow(p: DemoPerson, at: string) {
  return {
    id: p.id,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    sex: p.sex,
    birthDate: p.birthDate,
    snils: p.snils,
    searchKey: searchKey(p.lastName, p.firstName, p.middleName),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

function directorName(school: DemoSchool): string | null {
  const d = school.staff.find((s) => s.position === 'Директор');
  return d ? `${d.lastName} ${d.firstName} ${d.middleName}` : null;
}

/** Called before each stage of `writeDemo` inside its transaction; throwing rolls everything back. */
export type DemoStepHook = (done: number, total: number, title: string) => void | Promise<void>;
export const DEMO_STEPS = 6;

export interface DemoCounts {
  staff: number;
  classes: number;
  pupils: number;
  parents: number;
  /** Signed orders of the movement book. */
  orders: number;
}

/** Writes the generated school in one transaction: a failure leaves the database as it was. */
/** The demo school is written only into a database without pupils. */
export async function hasPupils(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('pupil').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) > 0;
}

export async function writeDemo(
  db: Kysely<Database>,
  school: DemoSchool,
  at = '2026-08-25T09:00:00.000Z',
  /** `today`: the day the deadline monitor's ticks and nearby events are placed around (the clock's by default). */
  opts: DemoPeopleOptions & { today?: string; onStep?: DemoStepHook } = {},
): Promise<DemoCounts> {
  let stepNo = 0;
  // Between the stages: the wizard's job shows progress and throws here on «Отменить» (rolling it all back).
  const step = async (title: string) => opts.onStep?.(++stepNo, DEMO_STEPS, title);
  // The full cards of issue 5, generated from their own random stream (the base school stays as it was).
  const cards = generatePeopleDetails(school);
  await db.transaction().execute(async (trx: Transaction<Database>) => {
    await trx
      .insertInto('schoolCard')
      .values({
        id: 'main',
        fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»',
        shortName: 'МБОУ «СОШ № 6»',
        kind: 'Средняя общеобразовательная школа',
        inn: '2224011531',
        kpp: '222401001',
        ogrn: '1022201534574',
        legalAddress: '656056, Алтайский край, г. Барнаул, ул. Школьная, д. 6',
        actualAddress: '656056, Алтайский край, г. Барнаул, ул. Школьная, д. 6',
        phone: '+7 (3852) 63-12-06',
        email: 'school6@barnaul-obr.ru',
        website: 'school6-barnaul.ru',
        directorName: directorName(school),
        licenseNumber: 'Л035-01262-22/00245108',
        licenseDate: '2015-03-12',
        licenseIssuer: 'Министерство образования и науки Алтайского края',
        accreditationNumber: 'А007-01262-22/01105694',
        accreditationDate: '2015-05-20',
        accreditationValidUntil: null,
        version: 1,
        updatedAt: at,
        updatedBy: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .insertInto('academicYear')
      .values({ ...school.year, isCurrent: 1, isClosed: 0, version: 1, updatedAt: at })
      .execute();
    await insertChunked(school.staff, (c) => trx.insertInto('staff').values(c.map((s) => ({ ...personRow(s, at), position: s.position, ...demoCardColumns(cards, 'staff', s.id) }))).execute());
    await insertChunked(school.classes, (c) =>
      trx
        .insertInto('schoolClass')
        .values(c.map((k) => ({ ...k, academicYearId: school.year.id, previousClassId: null, version: 1, updatedAt: at })))
        .execute(),
    );
    await step('Учебный год, звонки, предметы, кабинеты');
    // Periods, calendar, bells, starter subjects, rooms and home rooms (issue 4).
    await writeDemoSetup(trx, school, at);
    await step('Обучающиеся и родители');
    await insertChunked(school.pupils, (c) => trx.insertInto('pupil').values(c.map((p) => ({ ...personRow(p, at), ...demoCardColumns(cards, 'pupil', p.id) }))).execute());
    await insertChunked(school.parents, (c) => trx.insertInto('parent').values(c.map((p) => ({ ...personRow(p, at), ...demoCardColumns(cards, 'parent', p.id) }))).execute());
    await insertChunked(school.links, (c) =>
      trx
        .insertInto('pupilParent')
        .values(c.map((l) => ({ ...l, isLegalRepresentative: 1 })))
        .execute(),
    );
    await step('Книга движения и приказы');
    // Class membership comes from the signed orders of the movement book, as in real use.
    await writeDemoMovement(trx, school.movement, directorName(school), at);
    await step('Полные карточки и учётные записи портала');
    // Full cards (documents, addresses, health, HR data), search tokens and portal accounts (issue 5).
    await writeDemoPeople(trx, school, at, cards, true, opts);
    await step('Учебный план и нагрузка');
    // Curriculum, teaching load and subgroups by the plan (issue 7).
    await writeDemoCurriculum(trx, school, at);
    await step('Сроки по регламенту');
    // The deadline monitor: when the calendar was entered, owners' ticks around today (issue 20).
    await writeDemoDeadlines(trx, school, at, opts.today ?? schoolToday());
  });
  return {
    staff: school.staff.length,
    classes: school.classes.length,
    pupils: school.pupils.length + school.movement.newPupils.length,
    parents: school.parents.length + school.movement.newParents.length,
    orders: school.movement.orders.length,
  };
}
