import { compareRu, fullName, shortName } from '../../../../src-shared/domain/names';
import type { CompiledQuery } from 'kysely';
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
  /** Lower case, ё → е: sorts a list by name without a collator. */
  searchKey: string;
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
  snils: string | null;
  personalFileNumber: string | null;
  phoneMobile: string | null;
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

/**
 * Rows of a query built with the app's camelCase names, read without the camelCase plugin: the
 * plugin rebuilds every row object, which on a district's 100 000 pupils costs more than the query.
 * Keys come back as the database's snake_case column names.
 */
async function rawRows(db: Executor, query: { compile(): CompiledQuery }): Promise<Record<string, unknown>[]> {
  return (await db.withoutPlugins().executeQuery(query.compile())).rows as Record<string, unknown>[];
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * The pupils on the class lists of a day. `ordered`: by grade, letter and the normalised name (the
 * database sorts; a collator over a district's names costs seconds) — only lists need an order.
 */
export async function pupilsOn(db: Executor, date: string, classIds: readonly string[] | null = null, ordered = false): Promise<PupilOn[]> {
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
      'p.searchKey',
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
      'p.snils',
      'p.personalFileNumber',
      'p.phoneMobile',
    ])
    .where('m.startDate', '<=', date)
    .where((eb) => eb.or([eb('m.endDate', 'is', null), eb('m.endDate', '>', date)]));
  if (classIds) q = q.where('m.classId', 'in', [...classIds]);
  if (ordered) q = q.orderBy('c.grade').orderBy('c.letter').orderBy('p.searchKey').orderBy('p.id');
  const rows = await rawRows(db, q);
  const list = listParser();
  const out: PupilOn[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const lastName = String(r.last_name);
    const firstName = String(r.first_name);
    const middleName = text(r.middle_name);
    out[i] = {
      id: String(r.id),
      fullName: middleName ? `${lastName} ${firstName} ${middleName}` : `${lastName} ${firstName}`,
      lastName,
      searchKey: String(r.search_key),
      sex: r.sex as 'М' | 'Ж',
      birthDate: text(r.birth_date),
      classId: String(r.class_id),
      className: String(r.class_name),
      grade: Number(r.grade),
      letter: String(r.letter),
      programme: text(r.programme) ?? 'ООП',
      programmeVariant: text(r.programme_variant),
      hasOvz: flag(r.has_ovz),
      ovzCategory: text(r.ovz_category),
      adaptedProgramme: text(r.adapted_programme),
      disabilityGroup: text(r.disability_group),
      homeSchooling: flag(r.home_schooling),
      boarding: flag(r.boarding),
      healthGroup: text(r.health_group),
      peGroup: text(r.pe_group),
      familyComposition: list(r.family_composition),
      socialStatus: list(r.social_status),
      deviantBehaviour: list(r.deviant_behaviour),
      citizenship: text(r.citizenship),
      foreignLanguage1: text(r.foreign_language1),
      foreignLanguage2: text(r.foreign_language2),
      freeMeals: flag(r.free_meals),
      needsTransport: flag(r.needs_transport),
      gifted: flag(r.gifted),
      smallNorthernPeople: flag(r.small_northern_people),
      studyForm: text(r.study_form),
      snils: text(r.snils),
      personalFileNumber: text(r.personal_file_number),
      phoneMobile: text(r.phone_mobile),
    };
  }
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

export interface ParentLink {
  pupilId: string;
  parentId: string;
  relation: string;
  name: string;
  shortName: string;
  phone: string | null;
}

const RELATION_ORDER = ['мать', 'отец', 'опекун', 'попечитель'];

/**
 * Parents of the pupils on the class lists of a day, in one query (a district's 100 000 pupils
 * would take two hundred chunked look-ups): pupil id → links, mother first.
 */
export async function parentsOn(db: Executor, date: string, classIds: readonly string[] | null = null): Promise<Map<string, ParentLink[]>> {
  const out = new Map<string, ParentLink[]>();
  if (classIds && classIds.length === 0) return out;
  let q = db
    .selectFrom('classMembership as m')
    .innerJoin('pupilParent as pp', 'pp.pupilId', 'm.pupilId')
    .innerJoin('parent as p', 'p.id', 'pp.parentId')
    .select(['pp.pupilId', 'pp.parentId', 'pp.relation', 'p.lastName', 'p.firstName', 'p.middleName', 'p.phoneMobile', 'p.phoneHome'])
    .where('m.startDate', '<=', date)
    .where((eb) => eb.or([eb('m.endDate', 'is', null), eb('m.endDate', '>', date)]));
  if (classIds) q = q.where('m.classId', 'in', [...classIds]);
  for (const r of await q.execute()) {
    const link = { pupilId: r.pupilId, parentId: r.parentId, relation: r.relation, name: fullName(r), shortName: shortName(r), phone: r.phoneMobile ?? r.phoneHome };
    const list = out.get(r.pupilId);
    if (list) list.push(link);
    else out.set(r.pupilId, [link]);
  }
  const rank = (rel: string) => (RELATION_ORDER.includes(rel) ? RELATION_ORDER.indexOf(rel) : RELATION_ORDER.length);
  for (const list of out.values()) if (list.length > 1) list.sort((a, b) => rank(a.relation) - rank(b.relation));
  return out;
}

export function addressLine(a: { postalCode: string | null; region: string | null; district: string | null; settlement: string | null; street: string | null; house: string | null; building: string | null; flat: string | null }): string {
  return [a.postalCode, a.region, a.district, a.settlement, a.street ? `ул. ${a.street}` : null, a.house ? `д. ${a.house}` : null, a.building ? `корп. ${a.building}` : null, a.flat ? `кв. ${a.flat}` : null].filter(Boolean).join(', ');
}

/** Where the pupils of a day live (the actual address, else the registration): pupil id → one line. */
export async function addressesOn(db: Executor, date: string, classIds: readonly string[] | null = null): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (classIds && classIds.length === 0) return out;
  let q = db
    .selectFrom('classMembership as m')
    .innerJoin('personAddress as a', (j) => j.onRef('a.personId', '=', 'm.pupilId').on('a.personKind', '=', 'pupil'))
    .select(['m.pupilId', 'a.kind', 'a.postalCode', 'a.region', 'a.district', 'a.settlement', 'a.street', 'a.house', 'a.building', 'a.flat'])
    .where('m.startDate', '<=', date)
    .where((eb) => eb.or([eb('m.endDate', 'is', null), eb('m.endDate', '>', date)]));
  if (classIds) q = q.where('m.classId', 'in', [...classIds]);
  const kindOf = new Map<string, string>();
  for (const r of await q.execute()) {
    const prev = kindOf.get(r.pupilId);
    // The actual address wins over the registration, the registration over a temporary one.
    if (prev === 'actual' || (prev === 'registration' && r.kind !== 'actual')) continue;
    kindOf.set(r.pupilId, r.kind);
    out.set(r.pupilId, addressLine(r));
  }
  return out;
}

/** Class-list order without a collator: grade, letter, then the normalised name. */
export function byClassAndName(a: PupilOn, b: PupilOn): number {
  return a.grade - b.grade || (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0) || (a.searchKey < b.searchKey ? -1 : a.searchKey > b.searchKey ? 1 : 0);
}

/** The parents of the pupils on a day's class lists with their card fields, one row per link. */
export async function familiesOn(db: Executor, date: string, classIds: readonly string[] | null) {
  let q = db
    .selectFrom('classMembership as m')
    .innerJoin('pupilParent as pp', 'pp.pupilId', 'm.pupilId')
    .innerJoin('parent as r', 'r.id', 'pp.parentId')
    .select(['pp.pupilId', 'pp.relation', 'r.id', 'r.lastName', 'r.firstName', 'r.middleName', 'r.sex', 'r.birthDate', 'r.phoneMobile', 'r.email', 'r.workplace', 'r.jobTitle', 'r.education'])
    .where('m.startDate', '<=', date)
    .where((eb) => eb.or([eb('m.endDate', 'is', null), eb('m.endDate', '>', date)]));
  if (classIds) q = q.where('m.classId', 'in', classIds.length ? [...classIds] : ['-']);
  return q.execute();
}
