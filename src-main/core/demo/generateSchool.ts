import { schoolToday } from '../foundation/clock';
import { snilsChecksum } from '../../../src-shared/domain/validators';
import { BOY_NAMES, feminineSurname, GIRL_NAMES, MALE_NAMES, SURNAMES, WOMAN_NAMES } from './names';
import { createRng, seededIdFactory, type Rng } from './rng';
import type { DemoClass, DemoLink, DemoPerson, DemoStaff } from './demoTypes';
import { generateMovementYear, type DemoMovement } from './movementYear';

export type { DemoClass, DemoLink, DemoPerson, DemoStaff } from './demoTypes';

export interface DemoSchool {
  seed: number;
  year: { id: string; name: string; startDate: string; endDate: string };
  staff: DemoStaff[];
  classes: DemoClass[];
  pupils: (DemoPerson & { classId: string })[];
  parents: DemoPerson[];
  links: DemoLink[];
  /** The year's movement book: orders signed in date order (issue 6). */
  movement: DemoMovement;
}

export interface DemoOptions {
  seed?: number;
  classesPerGrade?: number;
  /** Average class size; the real size varies ±4. */
  classSize?: number;
  /** The day the demo is made for (the clock's by default): the movement book ends at it. */
  today?: string;
}

const LETTERS = ['А', 'Б', 'В', 'Г'];

/** Teachers by subject for a 33-class school (about 48 teachers). */
const TEACHING: readonly [string, number][] = [
  ['Русский язык и литература', 6],
  ['Математика', 6],
  ['Английский язык', 5],
  ['История и обществознание', 3],
  ['Физика', 2],
  ['Химия', 1],
  ['Биология', 2],
  ['География', 1],
  ['Информатика', 2],
  ['Физическая культура', 3],
  ['Музыка', 1],
  ['Изобразительное искусство', 1],
  ['Труд (технология)', 2],
];

const OTHER_STAFF: readonly [string, number][] = [
  ['Директор', 1],
  ['Заместитель директора по учебно-воспитательной работе', 2],
  ['Заместитель директора по воспитательной работе', 1],
  ['Заместитель директора по административно-хозяйственной работе', 1],
  ['Преподаватель-организатор основ безопасности и защиты Родины', 1],
  ['Педагог-психолог', 1],
  ['Социальный педагог', 1],
  ['Учитель-логопед', 1],
  ['Педагог-библиотекарь', 1],
  ['Педагог дополнительного образования', 2],
  ['Советник директора по воспитанию и взаимодействию с детскими общественными объединениями', 1],
  ['Секретарь учебной части', 1],
  ['Специалист по кадрам', 1],
  ['Главный бухгалтер', 1],
  ['Лаборант', 1],
  ['Заведующий хозяйством', 1],
  ['Уборщик служебных помещений', 3],
  ['Сторож (вахтёр)', 2],
];

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function randomDate(rng: Rng, fromYear: number, fromMonth: number, months: number): string {
  const monthIndex = fromMonth - 1 + rng.int(0, months - 1);
  const y = fromYear + Math.floor(monthIndex / 12);
  const m = (monthIndex % 12) + 1;
  return isoDate(y, m, rng.int(1, 28));
}

function makeSnilsFactory(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const body = String(rng.int(2_000_000, 199_999_999)).padStart(9, '0');
      if (used.has(body)) continue;
      used.add(body);
      const s = body + snilsChecksum(body);
      return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6, 9)} ${s.slice(9)}`;
    }
  };
}

/**
 * A realistic Russian school: grades 1–11, about 33 classes and 800 pupils with their parents,
 * about 70 staff. Sex and patronymic agree; siblings share parents; СНИЛС numbers are valid.
 */
export function generateSchool(opts: DemoOptions = {}): DemoSchool {
  const seed = opts.seed ?? 20260901;
  const rng = createRng(seed);
  const newId = seededIdFactory(rng);
  const snils = makeSnilsFactory(rng);
  const perGrade = opts.classesPerGrade ?? 3;
  const classSize = opts.classSize ?? 24;

  const adult = (sex: 'М' | 'Ж', birthYearFrom: number, birthYearTo: number, surname?: string): DemoPerson => {
    const male = surname ?? rng.pick(SURNAMES);
    const father = rng.pick(MALE_NAMES);
    return {
      id: newId(),
      lastName: sex === 'М' ? male : feminineSurname(male),
      firstName: sex === 'М' ? rng.pick(MALE_NAMES)[0] : rng.pick(WOMAN_NAMES),
      middleName: sex === 'М' ? father[1] : father[2],
      sex,
      birthDate: randomDate(rng, birthYearFrom, 1, (birthYearTo - birthYearFrom + 1) * 12),
      snils: snils(),
    };
  };

  const staff: DemoStaff[] = [];
  for (const [position, count] of OTHER_STAFF) {
    for (let i = 0; i < count; i++) {
      const sex = position.startsWith('Сторож') || position.includes('хозяйственной') ? 'М' : rng.chance(0.85) ? 'Ж' : 'М';
      staff.push({ ...adult(sex, 1962, 1998), position, subject: null });
    }
  }
  const primaryTeachers: DemoStaff[] = [];
  for (let i = 0; i < perGrade * 4; i++) {
    const t = { ...adult(rng.chance(0.97) ? 'Ж' : 'М', 1965, 2001), position: 'Учитель начальных классов', subject: 'Начальные классы' };
    staff.push(t);
    primaryTeachers.push(t);
  }
  const subjectTeachers: DemoStaff[] = [];
  for (const [subject, count] of TEACHING) {
    for (let i = 0; i < count; i++) {
      const sex = subject === 'Физическая культура' || subject === 'Труд (технология)' ? (rng.chance(0.6) ? 'М' : 'Ж') : rng.chance(0.85) ? 'Ж' : 'М';
      const t = { ...adult(sex, 1960, 2002), position: 'Учитель', subject };
      staff.push(t);
      subjectTeachers.push(t);
    }
  }

  const year = { id: newId(), name: '2026/2027', startDate: '2026-09-01', endDate: '2027-08-31' };
  const classes: DemoClass[] = [];
  const seniorTutors = [...subjectTeachers];
  for (let grade = 1; grade <= 11; grade++) {
    for (let k = 0; k < perGrade; k++) {
      const teacher = grade <= 4 ? primaryTeachers[(grade - 1) * perGrade + k] : seniorTutors.splice(rng.int(0, seniorTutors.length - 1), 1)[0];
      // Grades 1, 5, 9–11 study in the first shift only (SanPiN); some 2–4 and 6–8 classes in the second.
      const shift: 1 | 2 = [2, 3, 4, 6, 7].includes(grade) && k === perGrade - 1 ? 2 : 1;
      classes.push({ id: newId(), grade, letter: LETTERS[k], name: `${grade}${LETTERS[k]}`, classTeacherId: teacher.id, shift });
    }
  }

  const pupils: DemoSchool['pupils'] = [];
  const parents: DemoPerson[] = [];
  const links: DemoLink[] = [];
  const families: { surname: string; fatherName: readonly [string, string, string]; parentIds: [string, DemoLink['relation']][]; grades: number[] }[] = [];

  for (const cls of classes) {
    const size = classSize + rng.int(-4, 4);
    // Born so that the child is 6.5–8 in September of grade 1 (the enrolment rule) plus grade − 1 years.
    const birthFrom = 2026 - 7 - (cls.grade - 1);
    for (let i = 0; i < size; i++) {
      const sex: 'М' | 'Ж' = rng.chance(0.5) ? 'М' : 'Ж';
      const siblingFamily = families.length > 20 && rng.chance(0.14) ? rng.pick(families) : undefined;
      // Siblings at most six grades apart, so the parents stay plausibly older than every child.
      const family =
        siblingFamily && !siblingFamily.grades.includes(cls.grade) && siblingFamily.grades.every((g) => Math.abs(g - cls.grade) <= 6)
          ? siblingFamily
          : undefined;
      const surname = family?.surname ?? rng.pick(SURNAMES);
      const fatherName = family?.fatherName ?? rng.pick(MALE_NAMES);
      const pupil = {
        id: newId(),
        lastName: sex === 'М' ? surname : feminineSurname(surname),
        firstName: sex === 'М' ? rng.pick(BOY_NAMES) : rng.pick(GIRL_NAMES),
        middleName: sex === 'М' ? fatherName[1] : fatherName[2],
        sex,
        birthDate: randomDate(rng, birthFrom, 9, 12),
        snils: snils(),
        classId: cls.id,
      };
      pupils.push(pupil);
      if (family) {
        family.grades.push(cls.grade);
        for (const [parentId, relation] of family.parentIds) links.push({ pupilId: pupil.id, parentId, relation });
        continue;
      }
      const childYear = Number(pupil.birthDate.slice(0, 4));
      const parentIds: [string, DemoLink['relation']][] = [];
      if (rng.chance(0.02)) {
        const guardian = adult(rng.chance(0.8) ? 'Ж' : 'М', childYear - 60, childYear - 40);
        parents.push(guardian);
        parentIds.push([guardian.id, 'опекун']);
      } else {
        const mother = adult('Ж', childYear - 42, childYear - 26, rng.chance(0.9) ? surname : undefined);
        parents.push(mother);
        parentIds.push([mother.id, 'мать']);
        if (rng.chance(0.8)) {
          const father = adult('М', childYear - 48, childYear - 26, surname);
          father.firstName = fatherName[0];
          parents.push(father);
          parentIds.push([father.id, 'отец']);
        }
      }
      for (const [parentId, relation] of parentIds) links.push({ pupilId: pupil.id, parentId, relation });
      families.push({ surname, fatherName, parentIds, grades: [cls.grade] });
    }
  }

  return { seed, year, staff, classes, pupils, parents, links, movement: generateMovementYear(seed, year, classes, pupils, opts.today ?? schoolToday()) };
}
