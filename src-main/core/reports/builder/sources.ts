import { compareRu, fullName, shortName } from '../../../../src-shared/domain/names';
import { ageOn } from '../../../../src-shared/domain/personRules';
import { addYears } from '../../../../src-shared/domain/documents';
import { ORDER_STATUSES, ORDER_TYPE_INFO, type OrderStatus, type OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { SOCIAL_CATEGORIES } from '../../../../src-shared/domain/reports/pupilCategories';
import type { BuilderEntity } from '../../../../src-shared/domain/reports/builderFields';
import type { SourceRow } from '../../../../src-shared/domain/reports/builderEval';
import type { Executor } from '../../foundation/executor';
import { addressesOn, byClassAndName, classesOn, familiesOn, parentsOn, pupilsOn, type ParentLink } from '../repo/pupilsOn';
import { classShifts } from '../repo/lookups';
import { ordersWithPupils } from '../repo/movementBook';
import { highestEducation, staffOn, yearsSince } from '../repo/staffOn';

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

const pupils: Loader = async (db, scope) => {
  // In class-list order, so a report without its own sorting reads like the lists.
  const list = (await pupilsOn(db, scope.date, scope.classIds)).sort(byClassAndName);
  const need = (...keys: string[]) => keys.some((k) => scope.used.has(k));
  const teachers = need('classTeacher') ? new Map((await classesOn(db, scope.date)).map((c) => [c.id, c.classTeacherName])) : new Map<string, string | null>();
  const addresses = need('address') ? await addressesOn(db, scope.date, scope.classIds) : new Map<string, string>();
  const parents = need('parentsNames', 'parentsPhones', 'parentsCount') ? await parentsOn(db, scope.date, scope.classIds) : new Map<string, ParentLink[]>();
  return list.map((p) => {
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
        snils: p.snils,
        citizenship: p.citizenship,
        personalFileNumber: p.personalFileNumber,
        phoneMobile: p.phoneMobile,
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
  // One pass over the day's class lists joined to the families (no per-chunk look-ups).
  const families = await familiesOn(db, scope.date, scope.classIds);
  const byParent = new Map<string, { row: (typeof families)[number]; children: { pupilId: string; relation: string }[] }>();
  for (const r of families) {
    const entry = byParent.get(r.id);
    if (entry) entry.children.push({ pupilId: r.pupilId, relation: r.relation });
    else byParent.set(r.id, { row: r, children: [{ pupilId: r.pupilId, relation: r.relation }] });
  }
  return [...byParent.values()].map(({ row: r, children: links }) => {
    const children = links.map((l) => ({ ...l, kid: kidOf.get(l.pupilId) })).sort((a, b) => compareRu(a.kid?.fullName ?? '', b.kid?.fullName ?? ''));
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
  const shifts = await classShifts(db, list.map((c) => c.id));
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
  const { orders: rows, items } = await ordersWithPupils(db);
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
