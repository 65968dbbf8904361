import { ADDRESS_KINDS } from '../../../../src-shared/domain/peopleDictionaries';
import { compareRu, fullName, shortName } from '../../../../src-shared/domain/names';
import { ageOn } from '../../../../src-shared/domain/personRules';
import { addYears } from '../../../../src-shared/domain/documents';
import { ORDER_STATUSES, ORDER_TYPE_INFO, type OrderStatus, type OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { SOCIAL_CATEGORIES } from '../../../../src-shared/domain/reports/pupilCategories';
import type { BuilderEntity } from '../../../../src-shared/domain/reports/builderFields';
import type { SourceRow } from '../../../../src-shared/domain/reports/builderEval';
import type { Executor } from '../../foundation/executor';
import { inChunks } from '../../movement/index';
import { classesOn, pupilsOn } from '../facts/pupilsOn';
import { highestEducation, staffOn, yearsSince } from '../facts/staffOn';

/**
 * Where the builder's rows come from: one loader per entity, each reading through the same scope as
 * the entity's list (a class teacher's builder sees the pupils, parents and classes of their own
 * classes on the report's date). Related values (a pupil's class, the parents' phones) are read only
 * when a column or filter asks for them.
 */
export interface SourceScope {
  date: string;
  /** Visible classes, or null for all. */
  classIds: string[] | null;
  /** Field keys the definition uses (columns, filters, grouping, sorting). */
  used: ReadonlySet<string>;
}

type Loader = (db: Executor, scope: SourceScope) => Promise<SourceRow[]>;

function addressText(a: { postalCode: string | null; region: string | null; district: string | null; settlement: string | null; street: string | null; house: string | null; building: string | null; flat: string | null }): string {
  return [a.postalCode, a.region, a.district, a.settlement, a.street ? `ул. ${a.street}` : null, a.house ? `д. ${a.house}` : null, a.building ? `корп. ${a.building}` : null, a.flat ? `кв. ${a.flat}` : null].filter(Boolean).join(', ');
}

/** Actual address, else registration (the class list's «адрес»), by person id. */
export async function addressesOf(db: Executor, kind: 'pupil' | 'parent' | 'staff', ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await inChunks([...ids], (chunk) => db.selectFrom('personAddress').selectAll().where('personKind', '=', kind).where('personId', 'in', chunk).execute());
  const out = new Map<string, { kind: string; text: string }>();
  const order = Object.keys(ADDRESS_KINDS);
  for (const r of rows) {
    const prev = out.get(r.personId);
    // actual before registration before stay
    const rank = (k: string) => (k === 'actual' ? 0 : k === 'registration' ? 1 : 2 + order.indexOf(k));
    if (!prev || rank(r.kind) < rank(prev.kind)) out.set(r.personId, { kind: r.kind, text: addressText(r) });
  }
  return new Map([...out].map(([k, v]) => [k, v.text]));
}

export interface ParentLink {
  pupilId: string;
  parentId: string;
  relation: string;
  name: string;
  shortName: string;
  phone: string | null;
}

export async function parentsOfPupils(db: Executor, pupilIds: readonly string[]): Promise<Map<string, ParentLink[]>> {
  const rows = await inChunks([...pupilIds], (chunk) =>
    db
      .selectFrom('pupilParent as pp')
      .innerJoin('parent as p', 'p.id', 'pp.parentId')
      .select(['pp.pupilId', 'pp.parentId', 'pp.relation', 'p.lastName', 'p.firstName', 'p.middleName', 'p.phoneMobile', 'p.phoneHome'])
      .where('pp.pupilId', 'in', chunk)
      .execute(),
  );
  const out = new Map<string, ParentLink[]>();
  for (const r of rows) {
    const list = out.get(r.pupilId) ?? [];
    list.push({ pupilId: r.pupilId, parentId: r.parentId, relation: r.relation, name: fullName(r), shortName: shortName(r), phone: r.phoneMobile ?? r.phoneHome });
    out.set(r.pupilId, list);
  }
  const rank = (rel: string) => ['мать', 'отец', 'опекун', 'попечитель'].indexOf(rel) >>> 0;
  for (const list of out.values()) list.sort((a, b) => rank(a.relation) - rank(b.relation));
  return out;
}

const pupils: Loader = async (db, scope) => {
  const list = await pupilsOn(db, scope.date, scope.classIds);
  const ids = list.map((p) => p.id);
  const need = (...keys: string[]) => keys.some((k) => scope.used.has(k));
  const extra = need('snils', 'personalFileNumber', 'phoneMobile')
    ? new Map((await inChunks(ids, (chunk) => db.selectFrom('pupil').select(['id', 'snils', 'personalFileNumber', 'phoneMobile']).where('id', 'in', chunk).execute())).map((r) => [r.id, r]))
    : new Map<string, { snils: string | null; personalFileNumber: string | null; phoneMobile: string | null }>();
  const teachers = need('classTeacher') ? new Map((await classesOn(db, scope.date)).map((c) => [c.id, c.classTeacherName])) : new Map<string, string | null>();
  const addresses = need('address') ? await addressesOf(db, 'pupil', ids) : new Map<string, string>();
  const parents = need('parentsNames', 'parentsPhones', 'parentsCount') ? await parentsOfPupils(db, ids) : new Map<string, ParentLink[]>();
  return list.map((p) => {
    const e = extra.get(p.id);
    const ps = parents.get(p.id) ?? [];
    return {
      id: p.id,
      values: {
        fullName: p.fullName,
        lastName: p.lastName,
        sex: p.sex,
        birthDate: p.birthDate,
        age: p.birthDate ? ageOn(p.birthDate, scope.date) : null,
        birthYear: p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
        snils: e?.snils ?? null,
        citizenship: p.citizenship,
        personalFileNumber: e?.personalFileNumber ?? null,
        phoneMobile: e?.phoneMobile ?? null,
        address: addresses.get(p.id) ?? null,
        className: p.className,
        grade: p.grade,
        classTeacher: teachers.get(p.classId) ?? null,
        healthGroup: p.healthGroup,
        peGroup: p.peGroup,
        hasOvz: p.hasOvz,
        ovzCategory: p.ovzCategory,
        disabilityGroup: p.disabilityGroup,
        homeSchooling: p.homeSchooling,
        boarding: p.boarding,
        freeMeals: p.freeMeals,
        familyComposition: p.familyComposition,
        socialStatus: p.socialStatus,
        socialCategories: SOCIAL_CATEGORIES.filter((c) => c.test(p)).map((c) => c.label),
        foreignLanguage1: p.foreignLanguage1,
        studyForm: p.studyForm,
        parentsNames: ps.map((x) => `${x.name} (${x.relation})`).join('; ') || null,
        parentsPhones: ps.filter((x) => x.phone).map((x) => `${x.phone} (${x.shortName})`).join('; ') || null,
        parentsCount: ps.length,
      },
    };
  });
};

const parents: Loader = async (db, scope) => {
  const kids = await pupilsOn(db, scope.date, scope.classIds);
  const kidOf = new Map(kids.map((k) => [k.id, k]));
  const links = await inChunks(kids.map((k) => k.id), (chunk) => db.selectFrom('pupilParent').select(['pupilId', 'parentId', 'relation']).where('pupilId', 'in', chunk).execute());
  const byParent = new Map<string, { pupilId: string; relation: string }[]>();
  for (const l of links) {
    const list = byParent.get(l.parentId);
    if (list) list.push(l);
    else byParent.set(l.parentId, [l]);
  }
  const rows = await inChunks([...byParent.keys()], (chunk) =>
    db.selectFrom('parent').select(['id', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'phoneMobile', 'email', 'workplace', 'jobTitle', 'education']).where('id', 'in', chunk).execute(),
  );
  return rows.map((r) => {
    const children = (byParent.get(r.id) ?? []).map((l) => ({ ...l, kid: kidOf.get(l.pupilId) })).sort((a, b) => compareRu(a.kid?.fullName ?? '', b.kid?.fullName ?? ''));
    return {
      id: r.id,
      values: {
        fullName: fullName(r),
        sex: r.sex,
        birthDate: r.birthDate,
        age: r.birthDate ? ageOn(r.birthDate, scope.date) : null,
        phoneMobile: r.phoneMobile,
        email: r.email,
        workplace: r.workplace,
        jobTitle: r.jobTitle,
        education: r.education,
        childrenNames: children.map((c) => `${c.kid?.fullName ?? ''} (${c.kid?.className ?? ''})`).join('; ') || null,
        childrenClasses: [...new Set(children.map((c) => c.kid?.className ?? '').filter(Boolean))],
        childrenCount: children.length,
        relations: [...new Set(children.map((c) => c.relation))],
      },
    };
  });
};

const staff: Loader = async (db, scope) => {
  const list = await staffOn(db, scope.date);
  const threeYearsAgo = addYears(scope.date, -3);
  const classes = scope.used.has('classTeacherOf') ? await classesOn(db, scope.date) : [];
  const leads = new Map<string, string[]>();
  for (const c of classes) if (c.classTeacherId) leads.set(c.classTeacherId, [...(leads.get(c.classTeacherId) ?? []), c.name]);
  return list.map((s) => {
    const high = highestEducation(s.educations);
    const last = s.trainings.map((t) => t.endDate).sort().pop() ?? null;
    return {
      id: s.id,
      values: {
        fullName: s.fullName,
        sex: s.sex,
        birthDate: s.birthDate,
        age: s.birthDate ? ageOn(s.birthDate, scope.date) : null,
        phoneMobile: s.phoneMobile,
        email: s.email,
        personnelNumber: s.personnelNumber,
        position: s.mainPosition,
        rate: Math.round(s.active.reduce((n, p) => n + (p.rate ?? 0), 0) * 100) / 100,
        employeeCategory: s.employeeCategory,
        hireDate: s.hireDate,
        classTeacherOf: (leads.get(s.id) ?? []).join(', ') || null,
        qualificationCategory: s.qualificationCategory,
        categoryDate: s.categoryDate,
        nextAttestationDate: s.nextAttestationDate,
        educationLevel: high?.level ?? null,
        pedagogicalEducation: s.educations.some((e) => e.pedagogical === true),
        lastTrainingDate: last,
        trainedLast3Years: s.trainings.some((t) => t.endDate >= threeYearsAgo && t.endDate <= scope.date),
        totalExperience: yearsSince(s.totalExperienceStart ?? s.hireDate, scope.date),
        pedExperience: yearsSince(s.pedExperienceStart, scope.date),
      },
    };
  });
};

const classes: Loader = async (db, scope) => {
  const list = await classesOn(db, scope.date, scope.classIds);
  const shifts = new Map((await inChunks(list.map((c) => c.id), (chunk) => db.selectFrom('schoolClass').select(['id', 'shift']).where('id', 'in', chunk).execute())).map((r) => [r.id, Number(r.shift)]));
  const members = await pupilsOn(db, scope.date, list.map((c) => c.id));
  const byClass = new Map<string, typeof members>();
  for (const p of members) {
    const list = byClass.get(p.classId);
    if (list) list.push(p);
    else byClass.set(p.classId, [p]);
  }
  const count = (classId: string, test: (p: (typeof members)[number]) => boolean) => (byClass.get(classId) ?? []).filter(test).length;
  return list.map((c) => ({
    id: c.id,
    values: {
      name: c.name,
      grade: c.grade,
      programme: c.programme,
      programmeVariant: c.programmeVariant,
      shift: shifts.get(c.id) ?? null,
      classTeacher: c.classTeacherName,
      pupilCount: count(c.id, () => true),
      boys: count(c.id, (p) => p.sex === 'М'),
      girls: count(c.id, (p) => p.sex === 'Ж'),
      ovzCount: count(c.id, (p) => p.hasOvz),
    },
  }));
};

const orders: Loader = async (db, scope) => {
  const rows = await db
    .selectFrom('movementOrder as o')
    .innerJoin('academicYear as y', 'y.id', 'o.academicYearId')
    .select(['o.id', 'o.numberText', 'o.orderDate', 'o.orderType', 'o.status', 'o.title', 'o.signatoryName', 'y.name as yearName'])
    .execute();
  const items = await db.selectFrom('movementOrderItem as i').innerJoin('pupil as p', 'p.id', 'i.pupilId').select(['i.orderId', 'i.ordinal', 'p.lastName', 'p.firstName', 'p.middleName']).execute();
  const byOrder = new Map<string, { ordinal: number; name: string }[]>();
  for (const i of items) {
    const entry = { ordinal: Number(i.ordinal), name: shortName(i) };
    const list = byOrder.get(i.orderId);
    if (list) list.push(entry);
    else byOrder.set(i.orderId, [entry]);
  }
  void scope;
  return rows.map((o) => {
    const list = (byOrder.get(o.id) ?? []).sort((a, b) => a.ordinal - b.ordinal);
    return {
      id: o.id,
      values: {
        numberText: o.numberText,
        orderDate: o.orderDate,
        type: ORDER_TYPE_INFO[o.orderType as OrderType]?.label ?? o.orderType,
        status: ORDER_STATUSES[o.status as OrderStatus] ?? o.status,
        title: o.title,
        yearName: o.yearName,
        itemCount: list.length,
        signatoryName: o.signatoryName,
        pupils: list.map((x) => x.name).join(', ') || null,
      },
    };
  });
};

export const SOURCES: Record<BuilderEntity, Loader> = { pupils, parents, staff, classes, orders };
