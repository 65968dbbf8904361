import { addDays, diffDays, isWeekend } from '../../../src-shared/domain/calendar/dates';
import type { DestinationKind, EnrollKind, OrderType } from '../../../src-shared/domain/movement/orderTypes';
import type { DemoClass, DemoLink, DemoPerson } from './demoTypes';
import { BOY_NAMES, feminineSurname, GIRL_NAMES, MALE_NAMES, SURNAMES, WOMAN_NAMES } from './names';
import { createRng, seededIdFactory, type Rng } from './rng';

/**
 * A year of the movement book for the demo school: enrolment orders for everybody on 1 September,
 * then arrivals from other schools, transfers between parallel classes, withdrawals to other
 * schools, colleges and family education, and one reinstatement — all as orders to be signed in
 * date order, so the demo shows real history (rosters differ by date, reports have movement).
 */
export interface DemoOrderItem {
  pupilId: string;
  fromClassId: string | null;
  toClassId: string | null;
  effectiveDate: string;
  enrollKind?: EnrollKind;
  originSchool?: string;
  originDocument?: string;
  destinationKind?: DestinationKind;
  destinationSchool?: string;
  reason?: string;
}

export interface DemoOrder {
  id: string;
  type: OrderType;
  orderDate: string;
  title: string;
  basis: string;
  items: DemoOrderItem[];
}

export interface DemoMovement {
  /** Pupils who arrive during the year (not in the school on 1 September). */
  newPupils: DemoPerson[];
  newParents: DemoPerson[];
  newLinks: DemoLink[];
  orders: DemoOrder[];
}

const OTHER_SCHOOLS = [
  'МБОУ «СОШ № 12» г. Барнаула',
  'МБОУ «Гимназия № 22» г. Барнаула',
  'МБОУ «Лицей № 3» г. Бийска',
  'МБОУ «СОШ № 1» г. Новоалтайска',
  'МКОУ «Повалихинская СОШ» Первомайского района',
  'МАОУ «СОШ № 132» г. Барнаула',
  'МБОУ «СОШ № 5» г. Новосибирска',
];
const COLLEGES = ['КГБПОУ «Алтайский промышленно-экономический колледж»', 'КГБПОУ «Барнаульский базовый медицинский колледж»'];
const FAR_SCHOOLS = ['МБОУ «СОШ № 21» г. Томска', 'МАОУ «Лицей № 9» г. Кемерово', 'ГБОУ «Школа № 1502» г. Москвы'];

/** Winter holidays (31 December – 8 January) are days off by the production calendar. */
function isDayOff(d: string): boolean {
  const md = d.slice(5);
  return isWeekend(d) || md === '12-31' || (md >= '01-01' && md <= '01-08');
}

function schoolDay(rng: Rng, from: string, spanDays: number): string {
  let d = addDays(from, rng.int(0, spanDays));
  while (isDayOff(d)) d = addDays(d, 1);
  return d;
}

export function generateMovementYear(
  seed: number,
  year: { startDate: string; endDate: string },
  classes: DemoClass[],
  pupils: (DemoPerson & { classId: string })[],
  /** The demo's «today»: no movement takes effect after it, so no signed order is dated in the future (issue 24). */
  today: string = year.endDate,
): DemoMovement {
  const rng = createRng(seed ^ 0x6d6f7665);
  const upTo = today < year.endDate ? today : year.endDate;
  // The same events on the same pupils whatever today is (one draw each, so counts and people stay
  // put); only the window they fall in shrinks to end at today. Early in September it cannot shrink
  // below the first days, which then may still lie ahead.
  const within = (from: string, spanDays: number, room = 0) => Math.max(0, Math.min(spanDays, diffDays(from, upTo) - room));
  const newId = seededIdFactory(rng, Date.UTC(2026, 7, 20));
  const start = year.startDate;
  const orders: DemoOrder[] = [];
  const enrolDate = addDays(start, -4);

  const firstGrade = new Set(classes.filter((c) => c.grade === 1).map((c) => c.id));
  const enrolItem = (p: { id: string; classId: string }, kind: EnrollKind): DemoOrderItem => ({ pupilId: p.id, fromClassId: null, toClassId: p.classId, effectiveDate: start, enrollKind: kind });
  orders.push({ id: newId(), type: 'enroll', orderDate: enrolDate, title: 'О зачислении обучающихся в 1 классы', basis: 'заявления родителей (законных представителей)', items: pupils.filter((p) => firstGrade.has(p.classId)).map((p) => enrolItem(p, 'first')) });
  orders.push({ id: newId(), type: 'enroll', orderDate: enrolDate, title: 'О зачислении обучающихся 2–11 классов (ввод контингента на начало учебного года)', basis: 'личные дела обучающихся, алфавитная книга', items: pupils.filter((p) => !firstGrade.has(p.classId)).map((p) => enrolItem(p, 'contingent')) });

  const events: { date: string; type: OrderType; item: DemoOrderItem }[] = [];
  const busy = new Set<string>();
  const classOf = new Map(pupils.map((p) => [p.id, p.classId]));
  const byClass = (id: string) => pupils.filter((p) => p.classId === id && !busy.has(p.id));
  const pickPupil = (grades: number[]) => {
    for (let tries = 0; tries < 50; tries++) {
      const cls = rng.pick(classes.filter((c) => grades.includes(c.grade)));
      const list = byClass(cls.id);
      if (list.length > 10) {
        const p = rng.pick(list);
        busy.add(p.id);
        return p;
      }
    }
    return null;
  };

  // Arrivals: new cards with a mother each.
  const newPupils: DemoPerson[] = [];
  const newParents: DemoPerson[] = [];
  const newLinks: DemoLink[] = [];
  for (let i = 0; i < 12; i++) {
    const cls = rng.pick(classes.filter((c) => c.grade <= 10));
    const sex: 'М' | 'Ж' = rng.chance(0.5) ? 'М' : 'Ж';
    const surname = rng.pick(SURNAMES);
    const father = rng.pick(MALE_NAMES);
    const birthYear = 2026 - 7 - (cls.grade - 1);
    const pupil: DemoPerson = {
      id: newId(),
      lastName: sex === 'М' ? surname : feminineSurname(surname),
      firstName: sex === 'М' ? rng.pick(BOY_NAMES) : rng.pick(GIRL_NAMES),
      middleName: sex === 'М' ? father[1] : father[2],
      sex,
      birthDate: `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      snils: '',
    };
    const mother: DemoPerson = {
      id: newId(),
      lastName: feminineSurname(surname),
      firstName: rng.pick(WOMAN_NAMES),
      middleName: rng.pick(MALE_NAMES)[2],
      sex: 'Ж',
      birthDate: `${birthYear - rng.int(24, 38)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      snils: '',
    };
    newPupils.push(pupil);
    newParents.push(mother);
    newLinks.push({ pupilId: pupil.id, parentId: mother.id, relation: 'мать' });
    const family = i === 5;
    events.push({
      date: schoolDay(rng, addDays(start, 14), within(addDays(start, 14), 240, 3)),
      type: 'enroll',
      item: { pupilId: pupil.id, fromClassId: null, toClassId: cls.id, effectiveDate: '', enrollKind: family ? 'familyEducation' : 'otherSchool', originSchool: family ? undefined : rng.pick(OTHER_SCHOOLS), originDocument: family ? 'заявление родителей, аттестация в форме семейного образования' : 'личное дело обучающегося' },
    });
  }

  // Transfers between parallel classes of the same grade.
  for (let i = 0; i < 8; i++) {
    const p = pickPupil([2, 3, 5, 6, 7, 8, 10]);
    if (!p) continue;
    const from = classes.find((c) => c.id === p.classId) as DemoClass;
    const parallel = classes.filter((c) => c.grade === from.grade && c.id !== from.id);
    // A school with one class per grade has nowhere to transfer to.
    if (parallel.length === 0) continue;
    const to = rng.pick(parallel);
    events.push({ date: schoolDay(rng, addDays(start, 20), within(addDays(start, 20), 230, 3)), type: 'transfer', item: { pupilId: p.id, fromClassId: from.id, toClassId: to.id, effectiveDate: '', reason: 'по заявлению родителей' } });
  }

  // Withdrawals, with where they went.
  const destinations: [DestinationKind, number[]][] = [
    ['sameRegion', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['sameRegion', [2, 4, 6, 8]],
    ['sameRegion', [3, 5, 7]],
    ['sameRegion', [1, 6, 9]],
    ['sameRegion', [4, 10]],
    ['otherRegion', [2, 5, 8]],
    ['otherRegion', [3, 7]],
    ['abroad', [4, 6]],
    ['college', [9]],
    ['familyEducation', [5, 6, 7]],
  ];
  let familyPupil: { id: string; classId: string; date: string } | null = null;
  for (const [kind, grades] of destinations) {
    const p = pickPupil(grades);
    if (!p) continue;
    // Room for the reinstatement six weeks after a departure to family education.
    const date = schoolDay(rng, addDays(start, 25), within(addDays(start, 25), 200, kind === 'familyEducation' ? 52 : 3));
    const school = kind === 'sameRegion' ? rng.pick(OTHER_SCHOOLS.slice(0, 4)) : kind === 'otherRegion' ? rng.pick(FAR_SCHOOLS) : kind === 'college' ? rng.pick(COLLEGES) : undefined;
    events.push({ date, type: 'withdraw', item: { pupilId: p.id, fromClassId: classOf.get(p.id) as string, toClassId: null, effectiveDate: '', destinationKind: kind, destinationSchool: school, reason: kind === 'abroad' ? 'выезд семьи на постоянное место жительства' : undefined } });
    if (kind === 'familyEducation') familyPupil = { id: p.id, classId: p.classId, date };
  }
  // The pupil who left for family education comes back six weeks later.
  if (familyPupil) {
    events.push({ date: schoolDay(rng, addDays(familyPupil.date, 42), within(addDays(familyPupil.date, 42), 5, 3)), type: 'reinstate', item: { pupilId: familyPupil.id, fromClassId: null, toClassId: familyPupil.classId, effectiveDate: '', reason: 'заявление родителей о продолжении обучения в школе' } });
  }

  events.sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type));
  const TITLES: Partial<Record<OrderType, string>> = {
    enroll: 'О зачислении обучающихся',
    transfer: 'О переводе обучающихся в другой класс',
    withdraw: 'О выбытии обучающихся',
    reinstate: 'О восстановлении обучающегося',
  };
  for (const e of events) {
    e.item.effectiveDate = e.date;
    // The order is signed the working day before it takes effect.
    let orderDate = addDays(e.date, -1);
    while (isDayOff(orderDate)) orderDate = addDays(orderDate, -1);
    const last = orders[orders.length - 1];
    if (last.type === e.type && last.orderDate === orderDate) last.items.push(e.item);
    else orders.push({ id: newId(), type: e.type, orderDate, title: TITLES[e.type] ?? e.type, basis: 'заявление родителей (законных представителей)', items: [e.item] });
  }
  return { newPupils, newParents, newLinks, orders };
}
