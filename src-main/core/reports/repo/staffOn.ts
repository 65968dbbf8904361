import type { EducationInput, PositionInput, TrainingInput } from '../../../../src-shared/contract/peopleStaffCard';
import { compareRu, fullName } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';
import { positionActiveOn, readEducations, readPositions, readTrainings } from '../../people/index';

/**
 * The staff working on a day, with what the staff reports and ОО-1 count: positions in force that
 * day (main and additional, with rates), education, courses, category and attestation, experience
 * start dates, and the subjects they teach (from the teaching load of the day's year, else from
 * their subject list). A person counts as working when a position is in force on the day; a card
 * without positions counts from its hire date until its dismissal.
 */
export interface StaffOn {
  id: string;
  fullName: string;
  sex: 'М' | 'Ж';
  birthDate: string | null;
  phoneMobile: string | null;
  email: string | null;
  personnelNumber: string | null;
  hireDate: string | null;
  dismissalDate: string | null;
  employeeCategory: string | null;
  qualificationCategory: string | null;
  categoryDate: string | null;
  nextAttestationDate: string | null;
  academicDegree: string | null;
  totalExperienceStart: string | null;
  pedExperienceStart: string | null;
  positions: PositionInput[];
  /** Positions in force on the day. */
  active: PositionInput[];
  /** The main position in force on the day (the latest started), or the first additional one. */
  mainPosition: string | null;
  /** Only additional positions on the day (внешний совместитель): ОО-1 leaves them out. */
  externalOnly: boolean;
  educations: EducationInput[];
  trainings: TrainingInput[];
  /** Subjects with their weekly classes in the load, most first. */
  subjects: string[];
}

export async function staffOn(db: Executor, date: string): Promise<StaffOn[]> {
  const rows = await db
    .selectFrom('staff')
    .select([
      'id',
      'lastName',
      'firstName',
      'middleName',
      'sex',
      'birthDate',
      'phoneMobile',
      'email',
      'personnelNumber',
      'hireDate',
      'dismissalDate',
      'employeeCategory',
      'qualificationCategory',
      'categoryDate',
      'nextAttestationDate',
      'academicDegree',
      'totalExperienceStart',
      'pedExperienceStart',
    ])
    .execute();
  const positions = await readPositions(db, 'all');
  const educations = await readEducations(db, 'all');
  const trainings = await readTrainings(db, 'all');
  const subjects = await subjectsTaught(db, date);
  const out: StaffOn[] = [];
  for (const r of rows) {
    const all = positions.get(r.id) ?? [];
    const active = all.filter((p) => positionActiveOn(p, date));
    const working = all.length > 0 ? active.length > 0 : Boolean(r.hireDate && r.hireDate <= date && (!r.dismissalDate || r.dismissalDate >= date));
    if (!working) continue;
    const mains = active.filter((p) => p.kind === 'main').sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
    out.push({
      id: r.id,
      fullName: fullName(r),
      sex: r.sex,
      birthDate: r.birthDate,
      phoneMobile: r.phoneMobile,
      email: r.email,
      personnelNumber: r.personnelNumber,
      hireDate: r.hireDate,
      dismissalDate: r.dismissalDate,
      employeeCategory: r.employeeCategory,
      qualificationCategory: r.qualificationCategory,
      categoryDate: r.categoryDate,
      nextAttestationDate: r.nextAttestationDate,
      academicDegree: r.academicDegree,
      totalExperienceStart: r.totalExperienceStart,
      pedExperienceStart: r.pedExperienceStart,
      positions: all,
      active,
      mainPosition: mains[0]?.position ?? active[0]?.position ?? null,
      externalOnly: active.length > 0 && mains.length === 0,
      educations: educations.get(r.id) ?? [],
      trainings: trainings.get(r.id) ?? [],
      subjects: subjects.get(r.id) ?? [],
    });
  }
  return out.sort((a, b) => compareRu(a.fullName, b.fullName));
}

/** Staff id → subject names, the ones with most classes in the day's load first (else the staff's subject list). */
async function subjectsTaught(db: Executor, date: string): Promise<Map<string, string[]>> {
  const year = await db.selectFrom('academicYear').select('id').where('startDate', '<=', date).where('endDate', '>=', date).executeTakeFirst();
  const out = new Map<string, string[]>();
  if (year) {
    const load = await db
      .selectFrom('teachingAssignment as a')
      .innerJoin('subject as s', 's.id', 'a.subjectId')
      .select(['a.staffId', 's.name', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('a.academicYearId', '=', year.id)
      .groupBy(['a.staffId', 's.name'])
      .execute();
    const byStaff = new Map<string, { name: string; n: number }[]>();
    for (const r of load) byStaff.set(r.staffId, [...(byStaff.get(r.staffId) ?? []), { name: r.name, n: Number(r.n) }]);
    for (const [id, list] of byStaff) out.set(id, list.sort((a, b) => b.n - a.n || compareRu(a.name, b.name)).map((x) => x.name));
  }
  const declared = await db.selectFrom('staffSubject as ss').innerJoin('subject as s', 's.id', 'ss.subjectId').select(['ss.staffId', 's.name']).execute();
  for (const r of declared) {
    const list = out.get(r.staffId) ?? [];
    if (!list.includes(r.name)) out.set(r.staffId, [...list, r.name]);
  }
  return out;
}

/** Full years from a start date to a day (experience), or null when the start is unknown. */
export function yearsSince(start: string | null, day: string): number | null {
  if (!start || start > day) return start ? 0 : null;
  const y = Number(day.slice(0, 4)) - Number(start.slice(0, 4));
  return day.slice(5) < start.slice(5) ? y - 1 : y;
}

const LEVEL_RANK = ['высшее — подготовка кадров высшей квалификации', 'высшее — магистратура', 'высшее — специалитет', 'высшее — бакалавриат', 'среднее профессиональное', 'среднее общее', 'основное общее', 'начальное общее'];

/** The highest education of a card (by the dictionary's order; free text «высшее…» counts as higher). */
export function highestEducation(list: readonly EducationInput[]): EducationInput | null {
  const rank = (e: EducationInput) => {
    const i = LEVEL_RANK.indexOf(e.level ?? '');
    if (i >= 0) return i;
    const l = (e.level ?? '').toLowerCase();
    return l.startsWith('высш') ? 3.5 : l.includes('проф') ? 4.5 : 9;
  };
  return [...list].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

export function isHigher(e: EducationInput | null): boolean {
  return Boolean(e?.level?.toLowerCase().startsWith('высш'));
}

export function isVocational(e: EducationInput | null): boolean {
  return Boolean(e?.level?.toLowerCase().startsWith('среднее проф'));
}
