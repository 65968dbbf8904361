import { compareRu, fullName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';

/**
 * The pupils on the school's class lists on a day, with their class and the card values the
 * reports count by. One query however large the school: a district's 100 000 pupils arrive in one
 * pass. Card values are the card's current ones (the card keeps no dated history of them); the
 * class is the dated membership's, so «on 1 October» is the roster of 1 October.
 */
export interface PupilOn {
  id: string;
  fullName: string;
  lastName: string;
  sex: 'М' | 'Ж';
  birthDate: string | null;
  classId: string;
  className: string;
  grade: number;
  letter: string;
  programme: string;
  programmeVariant: string | null;
  hasOvz: boolean;
  ovzCategory: string | null;
  adaptedProgramme: string | null;
  disabilityGroup: string | null;
  homeSchooling: boolean;
  boarding: boolean;
  healthGroup: string | null;
  peGroup: string | null;
  familyComposition: readonly string[];
  socialStatus: readonly string[];
  deviantBehaviour: readonly string[];
  citizenship: string | null;
  foreignLanguage1: string | null;
  foreignLanguage2: string | null;
  freeMeals: boolean;
  needsTransport: boolean;
  gifted: boolean;
  smallNorthernPeople: boolean;
  studyForm: string | null;
}

const EMPTY: readonly string[] = Object.freeze([]);

/** JSON lists of the card, parsed once per distinct text (most are `[]` or one of a few values). */
export function listParser(): (text: unknown) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  return (text) => {
    if (typeof text !== 'string' || text === '' || text === '[]') return EMPTY;
    let v = memo.get(text);
    if (v === undefined) {
      try {
        const parsed = JSON.parse(text) as unknown;
        v = Object.freeze(Array.isArray(parsed) ? parsed.map(String) : [String(parsed)]);
      } catch {
        // A value written before the field became a list (migration 0034) is one value.
        v = Object.freeze([text]);
      }
      memo.set(text, v);
    }
    return v;
  };
}

const flag = (v: unknown) => Number(v) === 1;

export async function pupilsOn(db: Executor, date: string, classIds: readonly string[] | null = null): Promise<PupilOn[]> {
  if (classIds && classIds.length === 0) return [];
  let q = db
    .selectFrom('classMembership as m')
    .innerJoin('schoolClass as c', 'c.id', 'm.classId')
    .innerJoin('pupil as p', 'p.id', 'm.pupilId')
    .select([
      'p.id',
      'p.lastName',
      'p.firstName',
      'p.middleName',
      'p.sex',
      'p.birthDate',
      'c.id as classId',
      'c.name as className',
      'c.grade',
      'c.letter',
      'c.programme',
      'c.programmeVariant',
      'p.hasOvz',
      'p.ovzCategory',
      'p.adaptedProgramme',
      'p.disabilityGroup',
      'p.homeSchooling',
      'p.boarding',
      'p.healthGroup',
      'p.peGroup',
      'p.familyComposition',
      'p.socialStatus',
      'p.deviantBehaviour',
      'p.citizenship',
      'p.foreignLanguage1',
      'p.foreignLanguage2',
      'p.freeMeals',
      'p.needsTransport',
      'p.gifted',
      'p.smallNorthernPeople',
      'p.studyForm',
    ])
    .where('m.startDate', '<=', date)
    .where((eb) => eb.or([eb('m.endDate', 'is', null), eb('m.endDate', '>', date)]))
    // Grade, letter, then the normalised name (lower case, ё → е): the order of every class list,
    // sorted by the database (a collator over a district's 100 000 names costs seconds).
    .orderBy('c.grade')
    .orderBy('c.letter')
    .orderBy('p.searchKey')
    .orderBy('p.id');
  if (classIds) q = q.where('m.classId', 'in', [...classIds]);
  const rows = await q.execute();
  const list = listParser();
  const out: PupilOn[] = rows.map((r) => ({
    id: r.id,
    fullName: fullName(r),
    lastName: r.lastName,
    sex: r.sex,
    birthDate: r.birthDate,
    classId: r.classId,
    className: r.className,
    grade: Number(r.grade),
    letter: r.letter,
    programme: r.programme ?? 'ООП',
    programmeVariant: r.programmeVariant,
    hasOvz: flag(r.hasOvz),
    ovzCategory: r.ovzCategory,
    adaptedProgramme: r.adaptedProgramme,
    disabilityGroup: r.disabilityGroup,
    homeSchooling: flag(r.homeSchooling),
    boarding: flag(r.boarding),
    healthGroup: r.healthGroup,
    peGroup: r.peGroup,
    familyComposition: list(r.familyComposition),
    socialStatus: list(r.socialStatus),
    deviantBehaviour: list(r.deviantBehaviour),
    citizenship: r.citizenship,
    foreignLanguage1: r.foreignLanguage1,
    foreignLanguage2: r.foreignLanguage2,
    freeMeals: flag(r.freeMeals),
    needsTransport: flag(r.needsTransport),
    gifted: flag(r.gifted),
    smallNorthernPeople: flag(r.smallNorthernPeople),
    studyForm: r.studyForm,
  }));
  return out;
}

/** The classes of the year containing `date` (also those empty on that day), in grade order. */
export interface ClassOn {
  id: string;
  name: string;
  grade: number;
  letter: string;
  programme: string;
  programmeVariant: string | null;
  classTeacherId: string | null;
  classTeacherName: string | null;
}

export async function classesOn(db: Executor, date: string, classIds: readonly string[] | null = null): Promise<ClassOn[]> {
  let q = db
    .selectFrom('schoolClass as c')
    .innerJoin('academicYear as y', 'y.id', 'c.academicYearId')
    .leftJoin('staff as t', 't.id', 'c.classTeacherId')
    .select(['c.id', 'c.name', 'c.grade', 'c.letter', 'c.programme', 'c.programmeVariant', 'c.classTeacherId', 't.lastName', 't.firstName', 't.middleName'])
    .where('y.startDate', '<=', date)
    .where('y.endDate', '>=', date);
  if (classIds) q = q.where('c.id', 'in', [...classIds, '-']);
  const rows = await q.execute();
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      grade: Number(r.grade),
      letter: r.letter,
      programme: r.programme ?? 'ООП',
      programmeVariant: r.programmeVariant,
      classTeacherId: r.classTeacherId,
      classTeacherName: r.lastName ? fullName({ lastName: r.lastName, firstName: r.firstName ?? '', middleName: r.middleName }) : null,
    }))
    .sort((a, b) => a.grade - b.grade || compareRu(a.letter, b.letter));
}
