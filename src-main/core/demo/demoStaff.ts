import type { AddressInput, DocumentInput } from '../../../src-shared/contract/peopleFields';
import type { EducationInput, FamilyMemberInput, PositionInput, TrainingInput } from '../../../src-shared/contract/peopleStaffCard';
import { addDays } from '../../../src-shared/domain/calendar/dates';
import { addYears } from '../../../src-shared/domain/documents';
import { SCHOOL_POSITIONS } from '../../../src-shared/domain/positions';
import { snilsChecksum } from '../../../src-shared/domain/validators';
import type { DemoPerson, DemoStaff } from './generateSchool';
import { BOY_NAMES, feminineSurname, GIRL_NAMES, MALE_NAMES, SURNAMES, WOMAN_NAMES } from './names';
import { seededIdFactory, type Rng } from './rng';

/**
 * The HR side of the demo cards (issue 5): ИНН, hiring, positions, category and attestation,
 * education, awards, the family with children, a leave to care for a child, and two former
 * employees dismissed by order — so every field of the staff card has something to show.
 */
export interface DemoStaffDetails {
  columns: Record<string, unknown>;
  documents: DocumentInput[];
  addresses: AddressInput[];
  positions: PositionInput[];
  educations: EducationInput[];
  familyMembers: FamilyMemberInput[];
  /** Filled from a random stream of its own (demoTraining.ts). */
  trainings: TrainingInput[];
}

export interface DemoHelpers {
  digits: (rng: Rng, n: number) => string;
  pad: (n: number, w: number) => string;
  mobile: (rng: Rng) => string;
  address: (rng: Rng, kind: AddressInput['kind']) => AddressInput;
  passport: (rng: Rng, birthDate: string) => DocumentInput;
}

const EDU = ['высшее — бакалавриат', 'высшее — специалитет', 'среднее профессиональное', 'среднее общее'];
const UNIVERSITIES = ['Алтайский государственный педагогический университет', 'Алтайский государственный университет', 'Барнаульский государственный педагогический университет', 'Бийский педагогический государственный университет им. В. М. Шукшина', 'Барнаульский педагогический колледж'];
const AWARDS = [
  'Почётная грамота Министерства просвещения Российской Федерации',
  'Нагрудный знак «Почётный работник воспитания и просвещения Российской Федерации»',
  'Почётная грамота Министерства образования и науки Алтайского края',
];

function innPerson(rng: Rng, h: DemoHelpers): string {
  const w11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const w12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const body = `22${h.digits(rng, 8)}`;
  const c11 = (w11.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11) % 10;
  const with11 = body + c11;
  const c12 = (w12.reduce((s, w, i) => s + w * Number(with11[i]), 0) % 11) % 10;
  return with11 + c12;
}

function masculine(surname: string): string {
  if (surname.endsWith('ая')) return `${surname.slice(0, -2)}ий`;
  return /(ова|ева|ёва|ина|ына)$/.test(surname) ? surname.slice(0, -1) : surname;
}

/** Spouse and children: children born when the staff member was 22–38, none after summer 2026. */
function family(rng: Rng, s: DemoPerson, h: DemoHelpers, youngChild: string | null): FamilyMemberInput[] {
  const out: FamilyMemberInput[] = [];
  const married = rng.chance(0.7) || youngChild !== null;
  const male = s.sex === 'М' ? s.lastName : null;
  const spouseFather = rng.pick(MALE_NAMES);
  if (married) {
    const spouseYear = Number(s.birthDate.slice(0, 4)) + rng.int(-4, 4);
    out.push(
      s.sex === 'Ж'
        ? { id: null, relation: 'муж', lastName: masculine(s.lastName), firstName: spouseFather[0], middleName: rng.pick(MALE_NAMES)[1], birthDate: `${spouseYear}-${h.pad(rng.int(1, 12), 2)}-${h.pad(rng.int(1, 28), 2)}` }
        : { id: null, relation: 'жена', lastName: feminineSurname(male ?? rng.pick(SURNAMES)), firstName: rng.pick(WOMAN_NAMES), middleName: spouseFather[2], birthDate: `${spouseYear}-${h.pad(rng.int(1, 12), 2)}-${h.pad(rng.int(1, 28), 2)}` },
    );
  }
  const surname = s.sex === 'М' ? s.lastName : masculine(s.lastName);
  // The children's patronymic comes from their father: the staff member himself or the husband.
  const fatherName = s.sex === 'М' ? (MALE_NAMES.find((n) => n[0] === s.firstName) ?? rng.pick(MALE_NAMES)) : spouseFather;
  const born = Number(s.birthDate.slice(0, 4));
  const children = married ? rng.int(0, 3) : rng.chance(0.2) ? 1 : 0;
  for (let i = 0; i < children; i++) {
    const year = Math.min(2025, born + 22 + rng.int(0, 16));
    const boy = rng.chance(0.5);
    out.push({ id: null, relation: boy ? 'сын' : 'дочь', lastName: boy ? surname : feminineSurname(surname), firstName: boy ? rng.pick(BOY_NAMES) : rng.pick(GIRL_NAMES), middleName: boy ? fatherName[1] : fatherName[2], birthDate: `${year}-${h.pad(rng.int(1, 12), 2)}-${h.pad(rng.int(1, 28), 2)}` });
  }
  if (youngChild) {
    const boy = rng.chance(0.5);
    out.push({ id: null, relation: boy ? 'сын' : 'дочь', lastName: boy ? surname : feminineSurname(surname), firstName: boy ? rng.pick(BOY_NAMES) : rng.pick(GIRL_NAMES), middleName: boy ? fatherName[1] : fatherName[2], birthDate: youngChild });
  }
  return out;
}

export function staffDetails(rng: Rng, s: DemoStaff, n: number, h: DemoHelpers): DemoStaffDetails {
  const ref = SCHOOL_POSITIONS.find((x) => x.name === s.position);
  const pedagogical = ref?.pedagogical ?? false;
  const earliest = addYears(s.birthDate, 22);
  const hireYear = Math.max(Number(earliest.slice(0, 4)), 2026 - rng.int(0, 30));
  const hireDate = `${hireYear}-08-${h.pad(rng.int(20, 31), 2)}`;
  const categoryYear = 2021 + rng.int(0, 5);
  const category = pedagogical ? (rng.chance(0.35) ? 'высшая' : rng.chance(0.55) ? 'первая' : rng.chance(0.7) ? 'соответствие занимаемой должности' : 'без категории') : null;
  const positions: PositionInput[] = [{ id: null, position: s.position, kind: 'main', rate: 1, startDate: hireDate, endDate: null, orderNumber: `${rng.int(10, 120)}-к` }];
  if (pedagogical && rng.chance(0.15)) positions.push({ id: null, position: 'Педагог дополнительного образования', kind: 'additional', rate: 0.25, startDate: `${Math.max(hireYear, 2022)}-09-01`, endDate: null, orderNumber: `${rng.int(10, 120)}-к` });
  const gradYear = Number(earliest.slice(0, 4));
  const educations: EducationInput[] = [
    { id: null, level: pedagogical ? 'высшее — специалитет' : rng.pick(EDU), institution: rng.pick(UNIVERSITIES), diplomaDate: `${gradYear}-06-${h.pad(rng.int(20, 30), 2)}`, diplomaNumber: `ДВС ${h.digits(rng, 7)}`, specialty: pedagogical ? 'Педагогика и методика' : 'Экономика', qualification: pedagogical ? `${s.position}` : 'экономист', pedagogical },
  ];
  const young = Number(s.birthDate.slice(0, 4)) >= 1990 && s.sex === 'Ж' && rng.chance(0.1);
  const familyMembers = family(rng, s, h, young ? '2025-09-14' : null);
  const columns: Record<string, unknown> = {
    citizenship: 'Российская Федерация',
    inn: innPerson(rng, h),
    phoneMobile: h.mobile(rng),
    email: rng.chance(0.7) ? `teacher${n}@school6-barnaul.ru` : null,
    personnelNumber: h.pad(n + 1, 4),
    hireDate,
    hireOrderNumber: positions[0].orderNumber,
    totalExperienceStart: earliest,
    pedExperienceStart: pedagogical ? earliest : null,
    payGrade: pedagogical ? String(rng.int(12, 16)) : String(rng.int(2, 8)),
    employeeCategory: ref?.category ?? 'специалист',
    qualificationCategory: category,
    categoryDate: category && category !== 'без категории' ? `${categoryYear}-${h.pad(rng.int(1, 12), 2)}-${h.pad(rng.int(1, 28), 2)}` : null,
    nextAttestationDate: category && category !== 'без категории' ? `${categoryYear + 5}-${h.pad(rng.int(1, 12), 2)}-01` : null,
    academicDegree: pedagogical && rng.chance(0.03) ? 'кандидат педагогических наук' : null,
    awards: pedagogical && rng.chance(0.15) ? `${rng.pick(AWARDS)} (${2010 + rng.int(0, 15)})` : null,
    department: pedagogical ? (s.position === 'Учитель начальных классов' ? 'Начальная школа' : 'Основная и средняя школа') : 'Административно-хозяйственная часть',
    familyStatus: familyMembers.some((m) => m.relation === 'муж' || m.relation === 'жена') ? 'состоит в браке' : 'не состоит в браке',
    maternityLeaveFrom: young ? '2025-11-01' : null,
    maternityLeaveTo: young ? '2028-09-14' : null,
  };
  return { columns, documents: [h.passport(rng, s.birthDate)], addresses: [h.address(rng, 'registration')], positions, educations, familyMembers, trainings: [] };
}

/**
 * Two former employees: a teacher who left at the end of last year and a guard who retired — their
 * positions end on the dismissal day, so they appear only under «Уволены».
 */
export function formerStaff(rng: Rng, h: DemoHelpers, firstNumber: number): { person: DemoStaff; details: DemoStaffDetails }[] {
  const newId = seededIdFactory(rng, Date.UTC(2026, 7, 3));
  const specs = [
    { sex: 'Ж' as const, born: 1988, position: 'Учитель', hire: '2014-08-25', dismissal: '2026-06-30', order: '41-к', reason: 'по собственному желанию' },
    { sex: 'М' as const, born: 1958, position: 'Сторож (вахтёр)', hire: '2009-03-02', dismissal: '2025-12-31', order: '97-к', reason: 'в связи с выходом на пенсию' },
  ];
  return specs.map((x, i) => {
    const surname = rng.pick(SURNAMES);
    const father = rng.pick(MALE_NAMES);
    const body = String(200_000_100 + i);
    const snils = `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6, 9)} ${snilsChecksum(body)}`;
    const person: DemoStaff = {
      id: newId(),
      lastName: x.sex === 'М' ? surname : feminineSurname(surname),
      firstName: x.sex === 'М' ? rng.pick(MALE_NAMES)[0] : rng.pick(WOMAN_NAMES),
      middleName: x.sex === 'М' ? father[1] : father[2],
      sex: x.sex,
      birthDate: `${x.born}-${h.pad(rng.int(1, 12), 2)}-${h.pad(rng.int(1, 28), 2)}`,
      snils,
      position: x.position,
      subject: null,
    };
    const details = staffDetails(rng, person, firstNumber + i, h);
    details.positions = [{ id: null, position: x.position, kind: 'main', rate: 1, startDate: x.hire, endDate: x.dismissal, orderNumber: `${rng.int(10, 60)}-к` }];
    details.columns = {
      ...details.columns,
      hireDate: x.hire,
      hireOrderNumber: details.positions[0].orderNumber,
      dismissalDate: x.dismissal,
      dismissalOrderNumber: x.order,
      retirementDate: x.reason.includes('пенсию') ? addDays(x.dismissal, 1) : null,
      maternityLeaveFrom: null,
      maternityLeaveTo: null,
      note: `Уволен(а) ${x.reason}.`,
      personnelNumber: h.pad(firstNumber + i + 1, 4),
    };
    return { person, details };
  });
}
