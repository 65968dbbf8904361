import type { EducationInput, FamilyMemberInput, PositionInput, TrainingInput } from '../../../../src-shared/contract/peopleStaffCard';
import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { POSITION_KINDS, TRAINING_KINDS, type PositionKind, type TrainingKind } from '../../../../src-shared/domain/peopleDictionaries';
import { newId } from '../../../../src-shared/domain/ids';
import type { Executor } from '../../foundation/executor';


/**
 * Dated positions, education records and the family of a staff card. `staff.position` keeps the main position
 * valid today for the modules that only need a name (classes, users, reports).
 */
export async function readPositions(db: Executor, staffIds: readonly string[] | 'all'): Promise<Map<string, PositionInput[]>> {
  const out = new Map<string, PositionInput[]>();
  if (staffIds !== 'all' && staffIds.length === 0) return out;
  const rows = await db.selectFrom('staffPosition').selectAll().$if(staffIds !== 'all', (q) => q.where('staffId', 'in', [...staffIds])).orderBy('staffId').orderBy('sortOrder').execute();
  for (const r of rows) {
    const list = out.get(r.staffId) ?? [];
    list.push({
      id: r.id,
      position: r.position,
      kind: r.kind as PositionKind,
      rate: r.rate === null ? null : Number(r.rate),
      startDate: r.startDate,
      endDate: r.endDate,
      orderNumber: r.orderNumber,
    });
    out.set(r.staffId, list);
  }
  return out;
}

export async function writePositions(db: Executor, staffId: string, positions: readonly PositionInput[]): Promise<void> {
  await db.deleteFrom('staffPosition').where('staffId', '=', staffId).execute();
  if (positions.length === 0) return;
  await db
    .insertInto('staffPosition')
    .values(positions.map((p, i) => ({ id: p.id ?? newId(), staffId, sortOrder: i, position: p.position, kind: p.kind, rate: p.rate, startDate: p.startDate, endDate: p.endDate, orderNumber: p.orderNumber })))
    .execute();
}

export async function readEducations(db: Executor, staffIds: readonly string[] | 'all'): Promise<Map<string, EducationInput[]>> {
  const out = new Map<string, EducationInput[]>();
  if (staffIds !== 'all' && staffIds.length === 0) return out;
  const rows = await db.selectFrom('staffEducation').selectAll().$if(staffIds !== 'all', (q) => q.where('staffId', 'in', [...staffIds])).orderBy('staffId').orderBy('sortOrder').execute();
  for (const r of rows) {
    const list = out.get(r.staffId) ?? [];
    const { staffId: _s, sortOrder: _o, pedagogical, ...education } = r;
    list.push({ ...education, pedagogical: pedagogical === null || pedagogical === undefined ? null : Number(pedagogical) === 1 });
    out.set(r.staffId, list);
  }
  return out;
}

export async function writeEducations(db: Executor, staffId: string, educations: readonly EducationInput[]): Promise<void> {
  await db.deleteFrom('staffEducation').where('staffId', '=', staffId).execute();
  if (educations.length === 0) return;
  await db
    .insertInto('staffEducation')
    .values(educations.map((e, i) => ({ ...e, id: e.id ?? newId(), staffId, sortOrder: i, pedagogical: e.pedagogical === null || e.pedagogical === undefined ? null : e.pedagogical ? 1 : 0 })))
    .execute();
}

export async function readTrainings(db: Executor, staffIds: readonly string[] | 'all'): Promise<Map<string, TrainingInput[]>> {
  const out = new Map<string, TrainingInput[]>();
  if (staffIds !== 'all' && staffIds.length === 0) return out;
  const rows = await db.selectFrom('staffTraining').selectAll().$if(staffIds !== 'all', (q) => q.where('staffId', 'in', [...staffIds])).orderBy('staffId').orderBy('sortOrder').execute();
  for (const r of rows) {
    const list = out.get(r.staffId) ?? [];
    list.push({ id: r.id, kind: r.kind as TrainingKind, startDate: r.startDate, endDate: r.endDate, institution: r.institution, programme: r.programme, hours: r.hours === null ? null : Number(r.hours), document: r.document });
    out.set(r.staffId, list);
  }
  return out;
}

export async function writeTrainings(db: Executor, staffId: string, trainings: readonly TrainingInput[]): Promise<void> {
  await db.deleteFrom('staffTraining').where('staffId', '=', staffId).execute();
  if (trainings.length === 0) return;
  await db
    .insertInto('staffTraining')
    .values(trainings.map((t, i) => ({ ...t, id: t.id ?? newId(), staffId, sortOrder: i })))
    .execute();
}

export function trainingsForAudit(trainings: readonly TrainingInput[]): string[] {
  return trainings.map((t) =>
    [
      `${TRAINING_KINDS[t.kind]}: «${t.programme}»`,
      t.institution,
      `${t.startDate ? `с ${formatRu(t.startDate)} ` : ''}по ${formatRu(t.endDate)}`,
      t.hours !== null ? `${t.hours} ч.` : null,
      t.document,
    ]
      .filter(Boolean)
      .join(', '),
  );
}

export async function readFamilyMembers(db: Executor, staffIds: readonly string[] | 'all'): Promise<Map<string, FamilyMemberInput[]>> {
  const out = new Map<string, FamilyMemberInput[]>();
  if (staffIds !== 'all' && staffIds.length === 0) return out;
  const rows = await db.selectFrom('staffFamilyMember').selectAll().$if(staffIds !== 'all', (q) => q.where('staffId', 'in', [...staffIds])).orderBy('staffId').orderBy('sortOrder').execute();
  for (const r of rows) {
    const list = out.get(r.staffId) ?? [];
    const { staffId: _s, sortOrder: _o, ...member } = r;
    list.push(member);
    out.set(r.staffId, list);
  }
  return out;
}

export async function writeFamilyMembers(db: Executor, staffId: string, members: readonly FamilyMemberInput[]): Promise<void> {
  await db.deleteFrom('staffFamilyMember').where('staffId', '=', staffId).execute();
  if (members.length === 0) return;
  await db
    .insertInto('staffFamilyMember')
    .values(members.map((m, i) => ({ ...m, id: m.id ?? newId(), staffId, sortOrder: i })))
    .execute();
}

/** Whether a position record is in force on a day. */
export function positionActiveOn(p: Pick<PositionInput, 'startDate' | 'endDate'>, day: string): boolean {
  return (p.startDate === null || p.startDate <= day) && (p.endDate === null || p.endDate >= day);
}

/** The main position valid on a day (the latest started one), or null. */
export function mainPositionOn(positions: readonly PositionInput[], day: string): string | null {
  const active = positions.filter((p) => p.kind === 'main' && positionActiveOn(p, day));
  active.sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return active[0]?.position ?? null;
}

/**
 * Positions after a dismissal: every record still in force on the dismissal day ends on it, so the
 * main position valid today (and «who held the post on 1 October?») follows the dismissal without
 * HR closing each record by hand. Records that ended earlier or start later stay as they are.
 */
export function closePositionsOn(positions: readonly PositionInput[], dismissalDate: string): PositionInput[] {
  return positions.map((p) => (positionActiveOn(p, dismissalDate) && (p.endDate === null || p.endDate > dismissalDate) ? { ...p, endDate: dismissalDate } : p));
}

export function positionsForAudit(positions: readonly PositionInput[]): string[] {
  return positions.map((p) => {
    const period = `${p.startDate ? `с ${formatRu(p.startDate)}` : ''}${p.endDate ? ` по ${formatRu(p.endDate)}` : ''}`.trim();
    const rate = p.rate !== null ? `, ${String(p.rate).replace('.', ',')} ст.` : '';
    return [`${p.position} (${POSITION_KINDS[p.kind]}${rate})`, period, p.orderNumber ? `приказ ${p.orderNumber}` : null].filter(Boolean).join(', ');
  });
}

export function familyMembersForAudit(members: readonly FamilyMemberInput[]): string[] {
  return members.map((m) => [`${m.relation}: ${[m.lastName, m.firstName, m.middleName].filter(Boolean).join(' ')}`, m.birthDate ? `${formatRu(m.birthDate)} г. р.` : null].filter(Boolean).join(', '));
}

export function educationsForAudit(educations: readonly EducationInput[]): string[] {
  return educations.map((e) =>
    [
      e.level,
      e.institution,
      e.diplomaDate ? `диплом ${e.diplomaNumber ?? ''} от ${formatRu(e.diplomaDate)}`.replace('  ', ' ') : e.diplomaNumber,
      e.specialty,
      e.qualification,
      e.pedagogical === true ? 'педагогическое' : e.pedagogical === false ? 'непедагогическое' : null,
    ]
      .filter(Boolean)
      .join(', '),
  );
}
