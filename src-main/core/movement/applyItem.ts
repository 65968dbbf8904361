import { formatRu } from '../../../src-shared/domain/calendar/dates';
import { ORDER_TYPE_INFO, expectedTargetGrade, isGraduationGrade, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { newId } from '../../../src-shared/domain/ids';
import { classInfo, refuse, type ClassInfo } from './common';
import { orderOfItemText, type EffectJournal } from './repo/effects';
import { membershipsFrom, membershipsOf, type MembershipRow } from './repo/membership';
import { activeEntryOf, assignRegisterNumber } from './repo/register';
import type { Executor } from '../foundation/executor';
import {
  classNameOf,
  copyNumbersToCard,
  deleteSubgroupRow,
  endMembershipRow,
  endSubgroupRow,
  insertMembershipRow,
  insertSubgroupRow,
  subgroupRowsInClass,
  subgroupsByIds,
} from './repo/itemEffects';

/**
 * Applies one item of an order being signed to the dated class membership. Every check runs
 * against the state left by the items before it, inside the signing transaction; the first refusal
 * rolls the whole order back.
 */
export interface ApplyItemInput {
  id: string;
  ordinal: number;
  pupilId: string;
  pupilName: string;
  lastName: string;
  fromClassId: string | null;
  toClassId: string | null;
  effectiveDate: string;
  subgroupIds: string[];
}

export interface AppliedChange {
  pupilId: string;
  fromClass: string | null;
  toClass: string | null;
  date: string;
  register: { number: number; personalFileNumber: string } | null;
}

function where(item: ApplyItemInput): string {
  return `Пункт ${item.ordinal} (${item.pupilName})`;
}

function classYearCheck(item: ApplyItemInput, cls: ClassInfo, role: string): void {
  const d = item.effectiveDate;
  if (d < cls.yearStart || d > cls.yearEnd) {
    throw refuse(`${where(item)}: класс ${cls.name} ${role} относится к ${cls.yearName} учебному году, а дата ${formatRu(d)} в него не попадает`);
  }
  if (cls.yearClosed) throw refuse(`${where(item)}: ${cls.yearName} учебный год закрыт, его классы только для чтения`);
}

async function laterMovement(db: Executor, item: ApplyItemInput, running: MembershipRow[], current: MembershipRow | undefined, classes: Map<string, ClassInfo>): Promise<void> {
  const later = running.find((m) => m !== current && m.startDate > item.effectiveDate);
  if (later) {
    const by = await orderOfItemText(db, later.orderItemId);
    throw refuse(`${where(item)}: с ${formatRu(later.startDate)} обучающийся уже числится в классе ${classes.get(later.classId)?.name ?? ''} (${by}) — сначала отмените тот приказ или выберите дату позже`);
  }
  if (current?.endDate) {
    const by = await orderOfItemText(db, current.endOrderItemId);
    throw refuse(`${where(item)}: обучающийся уже выбыл из класса ${classes.get(current.classId)?.name ?? ''} с ${formatRu(current.endDate)} (${by}) — сначала отмените тот приказ`);
  }
}

export async function applyItem(db: Executor, type: OrderType, cause: string, item: ApplyItemInput, classes: Map<string, ClassInfo>, journal: EffectJournal): Promise<AppliedChange> {
  const info = ORDER_TYPE_INFO[type];
  const d = item.effectiveDate;
  const running = await membershipsFrom(db, item.pupilId, d);
  const toClass = item.toClassId ? classes.get(item.toClassId) : undefined;
  if (info.effect !== 'out') {
    if (!toClass) throw refuse(`${where(item)}: не выбран класс, в который ${info.effect === 'in' ? 'зачисляется' : 'переводится'} обучающийся`);
    classYearCheck(item, toClass, 'назначения');
  }

  let fromName: string | null = null;
  if (info.effect === 'in') {
    const busy = running[0];
    if (busy) {
      const cls = classes.get(busy.classId)?.name ?? (await classNameOf(db, busy.classId));
      const when = busy.startDate > d ? `будет числиться с ${formatRu(busy.startDate)}` : `числится с ${formatRu(busy.startDate)}`;
      throw refuse(`${where(item)}: обучающийся уже ${when} в классе ${cls} (${await orderOfItemText(db, busy.orderItemId)}) — для смены класса нужен приказ о переводе`);
    }
    if (type === 'reinstate' && (await membershipsOf(db, item.pupilId)).length === 0) {
      throw refuse(`${where(item)}: восстановить можно только выбывшего или отчисленного обучающегося; этот ещё не учился в школе — оформите зачисление`);
    }
  } else {
    const current = running.find((m) => m.startDate <= d);
    if (!current) throw refuse(`${where(item)}: на ${formatRu(d)} обучающийся не числится ни в одном классе`);
    const currentClass = classes.get(current.classId) ?? (await loadClass(db, current.classId, classes));
    if (item.fromClassId && item.fromClassId !== current.classId) {
      throw refuse(`${where(item)}: на ${formatRu(d)} обучающийся числится в классе ${currentClass.name}, а в приказе указан класс ${classes.get(item.fromClassId)?.name ?? 'другой'}`);
    }
    if (current.startDate === d) throw refuse(`${where(item)}: обучающийся пришёл в класс ${currentClass.name} в тот же день, ${formatRu(d)}; дата должна быть позже`);
    await laterMovement(db, item, running, current, classes);
    if (currentClass.yearClosed) throw refuse(`${where(item)}: ${currentClass.yearName} учебный год закрыт, его классы только для чтения`);
    if (toClass) {
      if (toClass.id === currentClass.id) throw refuse(`${where(item)}: обучающийся уже в классе ${toClass.name}`);
      const grade = expectedTargetGrade(type, currentClass.grade);
      if (grade !== null && toClass.grade !== grade) {
        throw refuse(`${where(item)}: «${info.label}» из класса ${currentClass.name} ведёт в ${grade} класс, а выбран ${toClass.name}`);
      }
    }
    if (type === 'graduate' && !isGraduationGrade(currentClass.grade)) throw refuse(`${where(item)}: выпуск бывает после 9 и 11 классов, а обучающийся в классе ${currentClass.name}`);
    fromName = currentClass.name;
    await endMembershipRow(db, current.id, d, item.id);
    await journal.add(db, item.id, 'membershipEnd', current.id, { endDate: d, classId: current.classId, pupilId: item.pupilId });
    await leaveSubgroups(db, item, current.classId, journal);
  }

  let register: AppliedChange['register'] = null;
  if (toClass) {
    const id = newId();
    await insertMembershipRow(db, { id, pupilId: item.pupilId, classId: toClass.id, startDate: d, cause, orderItemId: item.id });
    await journal.add(db, item.id, 'membershipInsert', id, { classId: toClass.id, pupilId: item.pupilId, startDate: d });
    await joinSubgroups(db, item, toClass, journal);
    if (info.effect === 'in' && !(await activeEntryOf(db, item.pupilId))) {
      const entry = await assignRegisterNumber(db, { id: item.pupilId, lastName: item.lastName }, d, item.id);
      const onCard = await copyNumbersToCard(db, item.pupilId, entry);
      await journal.add(db, item.id, 'registerAssign', entry.id, { number: entry.number, personalFileNumber: entry.personalFileNumber, pupilId: item.pupilId, onCard });
      register = { number: entry.number, personalFileNumber: entry.personalFileNumber };
    }
  }
  return { pupilId: item.pupilId, fromClass: fromName, toClass: toClass?.name ?? null, date: d, register };
}

async function loadClass(db: Executor, classId: string, classes: Map<string, ClassInfo>): Promise<ClassInfo> {
  const loaded = await classInfo(db, [classId]);
  for (const [k, v] of loaded) classes.set(k, v);
  return loaded.get(classId) as ClassInfo;
}

/** Subgroups follow the class: leaving a class ends the pupil's subgroups of that class. */
async function leaveSubgroups(db: Executor, item: ApplyItemInput, classId: string, journal: EffectJournal): Promise<void> {
  const d = item.effectiveDate;
  const rows = await subgroupRowsInClass(db, item.pupilId, classId, d);
  for (const r of rows) {
    if (r.startDate < d) {
      await endSubgroupRow(db, r.id, d);
      await journal.add(db, item.id, 'subgroupEnd', r.id, { endDate: d, before: r.endDate });
    } else {
      await deleteSubgroupRow(db, r.id);
      await journal.add(db, item.id, 'subgroupDelete', r.id, { row: r });
    }
  }
}

/** The subgroups of the target class chosen in the item (one per subject). */
async function joinSubgroups(db: Executor, item: ApplyItemInput, toClass: ClassInfo, journal: EffectJournal): Promise<void> {
  if (item.subgroupIds.length === 0) return;
  const groups = await subgroupsByIds(db, item.subgroupIds);
  const subjects = new Set<string>();
  for (const sid of item.subgroupIds) {
    const g = groups.find((x) => x.id === sid);
    if (!g || g.classId !== toClass.id) throw refuse(`${where(item)}: выбранная подгруппа не относится к классу ${toClass.name} — выберите подгруппы заново`);
    if (subjects.has(g.subjectId)) throw refuse(`${where(item)}: по одному предмету можно выбрать только одну подгруппу`);
    subjects.add(g.subjectId);
    const id = newId();
    await insertSubgroupRow(db, { id, subgroupId: g.id, pupilId: item.pupilId, startDate: item.effectiveDate });
    await journal.add(db, item.id, 'subgroupInsert', id, { subgroupId: g.id });
  }
}
