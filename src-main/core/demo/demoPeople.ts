import data from '../../../assets/production-calendar.json';
import type { AddressInput, DocumentInput } from '../../../src-shared/contract/peopleFields';
import { addDays } from '../../../src-shared/domain/calendar/dates';
import { loadProductionCalendar } from '../../../src-shared/domain/calendar';
import { addYears } from '../../../src-shared/domain/documents';
import { ADAPTED_PROGRAMMES, OVZ_CATEGORIES, SOCIAL_STATUSES } from '../../../src-shared/domain/peopleDictionaries';
import { accountDueDate, portalInitialPassword } from '../../../src-shared/domain/portalAccounts';
import type { DemoPerson, DemoSchool, DemoStaff } from './generateSchool';
import { formerStaff, staffDetails, type DemoHelpers, type DemoStaffDetails } from './demoStaff';
import { demoTrainings } from './demoTraining';
import { CITIES, STREETS } from './names';
import { createRng, type Rng } from './rng';

/**
 * The rest of the demo cards (issue 5): documents, addresses, phones, health and ОВЗ of pupils,
 * parents' work, staff HR data, and the state of portal accounts. A separate random stream (seed +
 * a constant) keeps every name, id and roster of the base generator exactly as it was.
 */
export interface DemoCardDetails {
  /** Column values of the card (camelCase, as the schema). */
  columns: Record<string, unknown>;
  documents: DocumentInput[];
  addresses: AddressInput[];
}

export interface DemoAccount {
  personKind: 'pupil' | 'parent' | 'staff';
  personId: string;
  status: 'toCreate' | 'sentToPortal' | 'created' | 'handedOver';
  orderDate: string;
  orderNumber: string | null;
  dueDate: string;
  exportFile: string | null;
  sentOn: string | null;
  login: string | null;
  createdOn: string | null;
  handedOverOn: string | null;
  handedOverTo: string | null;
  /** The initial password of an account created in the portal and not yet handed over (sealed on writing). */
  password: string | null;
}

export interface DemoPeople {
  pupils: Map<string, DemoCardDetails>;
  parents: Map<string, DemoCardDetails>;
  staff: Map<string, DemoStaffDetails>;
  /** Former employees (dismissed), written as extra staff cards. */
  formerStaff: DemoStaff[];
  accounts: DemoAccount[];
}

const cal = loadProductionCalendar(data);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
const CYR = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const WORKPLACES = ['ПАО «Сбербанк»', 'АО «Алтайвагон»', 'КГБУЗ «Городская больница № 5»', 'ООО «Мария-Ра»', 'МБОУ «СОШ № 12»', 'ОАО «РЖД»', 'ИП Смирнов А. В.', 'АО «Барнаульский пивоваренный завод»', 'Администрация Индустриального района', 'ООО «Алтайкровля»', 'ПАО «Ростелеком»'];
const JOBS = ['менеджер', 'инженер', 'бухгалтер', 'продавец-консультант', 'водитель', 'врач', 'медицинская сестра', 'учитель', 'программист', 'экономист', 'оператор', 'слесарь'];
const EDU = ['высшее — бакалавриат', 'высшее — специалитет', 'среднее профессиональное', 'среднее общее'];

// The spelling the cards store (normalisePhone), so the demo reads like typed-in data.
const mobile = (rng: Rng) => `+7 (9${rng.int(13, 99)}) ${rng.int(100, 999)}-${pad(rng.int(0, 99), 2)}-${pad(rng.int(0, 99), 2)}`;

function address(rng: Rng, kind: AddressInput['kind'], city = 'Барнаул'): AddressInput {
  return { kind, postalCode: `656${pad(rng.int(0, 99), 3)}`, region: 'Алтайский край', district: null, settlement: city, street: rng.pick(STREETS), house: String(rng.int(1, 180)), building: rng.chance(0.15) ? String(rng.int(1, 4)) : null, flat: String(rng.int(1, 240)) };
}

/** The passport in force: issued at 14 and replaced at 20 and 45 — whichever came last by summer 2026. */
function passport(rng: Rng, birthDate: string): DocumentInput {
  const age = 2026 - Number(birthDate.slice(0, 4));
  const issued = addDays(addYears(birthDate, age > 45 ? 45 : age > 20 ? 20 : 14), rng.int(10, 60));
  return { id: null, type: 'passport', series: `01${issued.slice(2, 4)}`, number: digits(rng, 6), issueDate: issued, issuer: 'ГУ МВД России по Алтайскому краю', issuerCode: `220-0${pad(rng.int(1, 99), 2)}` };
}

const helpers: DemoHelpers = { digits, pad, mobile, address: (rng, kind) => address(rng, kind), passport };

/** Состав семьи from who is linked: mother and father, one parent, or a guardian. */
function familyComposition(rng: Rng, relations: readonly string[], social: readonly string[]): string[] {
  const out: string[] = [];
  if (relations.includes('опекун')) out.push('опекаемый');
  else if (relations.includes('мать') && relations.includes('отец')) out.push('полная семья');
  else if (relations.includes('отец')) out.push('неполная семья (отец)');
  else out.push('неполная семья (мать)');
  if (social.includes('многодетная семья') || rng.chance(0.04)) out.push('многодетная семья');
  return out;
}

function pupilDetails(rng: Rng, p: DemoPerson, grade: number, relations: readonly string[]): DemoCardDetails {
  const age = 2026 - Number(p.birthDate.slice(0, 4));
  const documents: DocumentInput[] = [
    { id: null, type: 'birthCertificate', series: `${rng.pick(ROMAN)}-${rng.pick([...CYR])}${rng.pick([...CYR])}`, number: digits(rng, 6), issueDate: addDays(p.birthDate, rng.int(5, 40)), issuer: `Отдел ЗАГС ${rng.chance(0.8) ? 'г. Барнаула' : 'Первомайского района'} управления юстиции Алтайского края`, issuerCode: null },
  ];
  if (age >= 15) documents.push(passport(rng, p.birthDate));
  if (rng.chance(0.7)) documents.push({ id: null, type: 'medicalPolicy', series: null, number: `22${digits(rng, 14)}`, issueDate: null, issuer: 'ТФОМС Алтайского края', issuerCode: null });
  const reg = address(rng, 'registration');
  const addresses = rng.chance(0.85) ? [reg, { ...reg, kind: 'actual' as const }] : [reg, address(rng, 'actual')];
  const ovz = rng.chance(0.06);
  const disability = rng.chance(0.02);
  const health = rng.chance(0.3) ? 'I' : rng.chance(0.8) ? 'II' : rng.chance(0.8) ? 'III' : 'IV';
  const social = rng.chance(0.15) ? [rng.pick(SOCIAL_STATUSES)] : [];
  const transport = rng.chance(0.04);
  // Children from distant villages live in the school's boarding house during the week.
  const boarding = transport && rng.chance(0.4);
  const columns: Record<string, unknown> = {
    citizenship: rng.chance(0.98) ? 'Российская Федерация' : 'Республика Казахстан',
    placeOfBirth: `Алтайский край, г. ${rng.chance(0.7) ? 'Барнаул' : rng.pick(CITIES)}`,
    phoneMobile: age >= 10 && rng.chance(0.7) ? mobile(rng) : null,
    studyForm: 'очная',
    foreignLanguage1: grade >= 2 ? 'английский' : null,
    foreignLanguage2: grade >= 5 && rng.chance(0.3) ? 'немецкий' : null,
    healthGroup: health,
    peGroup: health === 'I' || health === 'II' ? 'основная' : rng.chance(0.7) ? 'подготовительная' : 'специальная «А»',
    hasOvz: ovz ? 1 : 0,
    ovzCategory: ovz ? rng.pick(OVZ_CATEGORIES.slice(4, 8)) : null,
    adaptedProgramme: ovz ? rng.pick(ADAPTED_PROGRAMMES.slice(12, 20)) : null,
    pmpkNumber: ovz ? `${rng.int(10, 999)}` : null,
    pmpkDate: ovz ? `202${rng.int(2, 5)}-0${rng.int(3, 6)}-${pad(rng.int(1, 28), 2)}` : null,
    disabilityGroup: disability ? 'ребёнок-инвалид' : null,
    disabilityCategory: disability ? 'соматические заболевания' : null,
    disabilityUntil: disability ? `202${rng.int(7, 9)}-0${rng.int(1, 9)}-01` : null,
    homeSchooling: disability && rng.chance(0.5) ? 1 : 0,
    needsTransport: transport ? 1 : 0,
    transportProvided: transport && rng.chance(0.8) ? 1 : 0,
    // Grades 1–4 get a free hot meal by law; the benefit (льгота) goes to socially protected families.
    hotMeals: grade <= 4 || rng.chance(0.6) ? 1 : 0,
    freeMeals: social.length > 0 || ovz ? 1 : 0,
    boarding: boarding ? 1 : 0,
    familyComposition: JSON.stringify(familyComposition(rng, relations, social)),
    socialStatus: JSON.stringify(social),
    // A family may refuse the processing of personal data beyond what the law requires (152-ФЗ).
    pdRefusal: rng.chance(0.005) ? 1 : 0,
    hasPcAtHome: rng.chance(0.85) ? 1 : 0,
    fundingType: 'бюджет',
  };
  return { columns, documents, addresses };
}

function parentDetails(rng: Rng, p: DemoPerson): DemoCardDetails {
  return {
    columns: {
      citizenship: 'Российская Федерация',
      phoneMobile: rng.chance(0.95) ? mobile(rng) : null,
      email: rng.chance(0.5) ? `${['mama', 'papa', 'family', 'home'][rng.int(0, 3)]}${rng.int(10, 9999)}@mail.ru` : null,
      workplace: rng.chance(0.85) ? rng.pick(WORKPLACES) : null,
      jobTitle: rng.chance(0.85) ? rng.pick(JOBS) : null,
      education: rng.pick(EDU),
    },
    documents: [passport(rng, p.birthDate)],
    addresses: [address(rng, 'registration')],
  };
}

const login = (p: DemoPerson, prefix = '') => `${prefix}${p.lastName}${p.firstName[0]}${p.middleName ? p.middleName[0] : ''}`;

/** Details of every card of the demo school, including pupils and parents who arrive during the year. */
export function generatePeopleDetails(school: DemoSchool): DemoPeople {
  const rng = createRng(school.seed + 5_005);
  const gradeOf = new Map(school.classes.map((c) => [c.id, c.grade]));
  const out: DemoPeople = { pupils: new Map(), parents: new Map(), staff: new Map(), formerStaff: [], accounts: [] };
  const movement = school.movement;
  const arrivals = new Map<string, { orderDate: string; grade: number }>();
  for (const o of movement?.orders ?? []) {
    for (const i of o.items) if (o.type === 'enroll' && i.toClassId) arrivals.set(i.pupilId, { orderDate: o.orderDate, grade: gradeOf.get(i.toClassId) ?? 1 });
  }
  const relationsOf = new Map<string, string[]>();
  for (const l of [...school.links, ...(movement?.newLinks ?? [])]) relationsOf.set(l.pupilId, [...(relationsOf.get(l.pupilId) ?? []), l.relation]);
  for (const p of [...school.pupils, ...(movement?.newPupils ?? [])]) {
    const grade = 'classId' in p ? (gradeOf.get((p as { classId: string }).classId) ?? 1) : (arrivals.get(p.id)?.grade ?? 5);
    out.pupils.set(p.id, pupilDetails(rng, p, grade, relationsOf.get(p.id) ?? []));
  }
  for (const p of [...school.parents, ...(movement?.newParents ?? [])]) out.parents.set(p.id, parentDetails(rng, p));
  school.staff.forEach((s, i) => out.staff.set(s.id, staffDetails(rng, s, i, helpers)));
  for (const f of formerStaff(rng, helpers, school.staff.length)) {
    out.formerStaff.push(f.person);
    out.staff.set(f.person.id, f.details);
  }
  const trainingRng = createRng(school.seed + 7_007);
  for (const s of [...school.staff, ...out.formerStaff]) {
    const details = out.staff.get(s.id);
    if (details) details.trainings = demoTrainings(trainingRng, s, String(details.columns.hireDate));
  }

  // Portal accounts: the staff and the pupils of earlier years got theirs long ago; grade 1 was sent
  // to the portal with the August enrolment (logins still to be recorded from the printout); pupils
  // who arrived during the year wait for theirs — the latest ones are overdue on the start page.
  const parentsOf = new Map<string, string[]>();
  for (const l of [...school.links, ...(movement?.newLinks ?? [])]) parentsOf.set(l.pupilId, [...(parentsOf.get(l.pupilId) ?? []), l.parentId]);
  const peopleById = new Map([...school.parents, ...(movement?.newParents ?? [])].map((p) => [p.id, p]));
  const seen = new Set<string>();
  type State = Omit<DemoAccount, 'personKind' | 'personId' | 'dueDate' | 'login' | 'password'> & { login?: boolean; importCode?: string };
  const account = (kind: DemoAccount['personKind'], person: DemoPerson, state: State) => {
    if (seen.has(`${kind}:${person.id}`)) return;
    seen.add(`${kind}:${person.id}`);
    const prefix = kind === 'parent' ? (person.sex === 'Ж' ? 'м' : 'о') : '';
    const { importCode, ...rest } = state;
    out.accounts.push({
      ...rest,
      personKind: kind,
      personId: person.id,
      dueDate: accountDueDate(cal, state.orderDate),
      login: state.login ? login(person, prefix) : null,
      // The portal's initial password: the surname and the import run's code (formats/netschool.md §1.1).
      password: importCode ? portalInitialPassword(person.lastName, importCode) : null,
    });
  };
  for (const s of [...school.staff, ...out.formerStaff]) {
    const hire = out.staff.get(s.id)?.columns.hireDate as string;
    const handed = addDays(accountDueDate(cal, hire), -1);
    account('staff', s, { status: 'handedOver', orderDate: hire, orderNumber: out.staff.get(s.id)?.columns.hireOrderNumber as string, exportFile: null, sentOn: null, createdOn: handed, handedOverOn: handed, handedOverTo: 'лично', login: true });
  }
  const letterOf = new Map(school.classes.map((c) => [c.id, c.letter]));
  for (const p of school.pupils) {
    const grade = gradeOf.get(p.classId) ?? 1;
    // One first-grade class is still waiting for the portal's printout; in another the logins and
    // initial passwords are recorded and the letters are ready to print; the others got theirs.
    const waiting = grade === 1 && letterOf.get(p.classId) === 'В';
    const printable = grade === 1 && letterOf.get(p.classId) === 'Б';
    const state: State = waiting
      ? { status: 'sentToPortal' as const, orderDate: '2026-08-25', orderNumber: '87-з', exportFile: 'Зачисление в 1 классы 2026.csv', sentOn: '2026-08-26', createdOn: null, handedOverOn: null, handedOverTo: null }
      : printable
        ? { status: 'created' as const, orderDate: '2026-08-25', orderNumber: '87-з', exportFile: 'Зачисление в 1 классы 2026.csv', sentOn: '2026-08-26', createdOn: '2026-08-27', handedOverOn: null, handedOverTo: null, login: true, importCode: '4821' }
        : { status: 'handedOver' as const, orderDate: `${2026 - grade + 1}-08-25`, orderNumber: grade === 1 ? '87-з' : null, exportFile: null, sentOn: null, createdOn: `${2026 - grade + 1}-08-27`, handedOverOn: `${2026 - grade + 1}-09-02`, handedOverTo: 'через классного руководителя', login: true };
    account('pupil', p, state);
    for (const parentId of parentsOf.get(p.id) ?? []) account('parent', peopleById.get(parentId) as DemoPerson, state);
  }
  for (const p of movement?.newPupils ?? []) {
    const orderDate = arrivals.get(p.id)?.orderDate;
    if (!orderDate) continue;
    // Arrivals of the autumn have their accounts; the latest ones still wait (a few of them overdue).
    const done = orderDate <= '2026-11-13';
    const handed = accountDueDate(cal, orderDate);
    const state = done
      ? { status: 'handedOver' as const, orderDate, orderNumber: null, exportFile: null, sentOn: null, createdOn: handed, handedOverOn: handed, handedOverTo: 'через классного руководителя', login: true }
      : { status: 'toCreate' as const, orderDate, orderNumber: null, exportFile: null, sentOn: null, createdOn: null, handedOverOn: null, handedOverTo: null };
    account('pupil', p, state);
    for (const parentId of parentsOf.get(p.id) ?? []) account('parent', peopleById.get(parentId) as DemoPerson, state);
  }
  return out;
}
