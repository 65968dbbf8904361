import type { RolloverAction, RolloverPlan } from '../../../../src-shared/contract/movementRollover';
import { addDays, formatRu } from '../../../../src-shared/domain/calendar/dates';
import { isGraduationGrade, type EnrollKind, type OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { AppError } from '../../../../src-shared/errors';
import { compareRu, fullName } from '../../../../src-shared/domain/names';
import type { YearRow } from '../common';
import { yearById } from '../repo/counters';
import { anyoneInClasses, classRowsOfYear, classesWithSubgroups, pupilNameRows, yearNamed } from '../repo/rollover';
import { rosterOn } from '../repo/membership';
import type { Executor } from '../../foundation/executor';

/**
 * The year rollover worked out from this year's classes and the plan, without writing anything:
 * the wizard's preview and the apply step use the same result, so what was previewed is applied.
 */
export interface PlannedClass {
  name: string;
  grade: number;
  letter: string;
  fromClassId: string | null;
  fromClassName: string | null;
  classTeacherId: string | null;
  /** The wizard named the class teacher (otherwise the predecessor's, or the existing class's, stays). */
  teacherChanged: boolean;
  shift: number;
  existingId: string | null;
}

export interface PlannedPupil {
  pupilId: string;
  fullName: string;
  fromClassId: string;
  fromClassName: string;
  grade: number;
  action: RolloverAction;
  toClassName: string | null;
  reason: string | null;
}

export interface PlannedOrder {
  type: OrderType;
  title: string;
  orderDate: string;
  effectiveDate: string;
  items: { pupilId: string; fromClassId: string | null; toClassName: string | null; enrollKind?: EnrollKind; reason?: string | null }[];
}

export interface BuiltRollover {
  fromYear: YearRow;
  target: { name: string; startDate: string; endDate: string; existing: YearRow | undefined };
  sourceClasses: { id: string; name: string; grade: number; letter: string; pupils: number; successorName: string | null; classTeacherId: string | null }[];
  classes: PlannedClass[];
  pupils: PlannedPupil[];
  orders: PlannedOrder[];
  problems: string[];
  warnings: string[];
}

export async function buildRollover(db: Executor, plan: RolloverPlan): Promise<BuiltRollover> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const fromYear = await yearById(db, plan.fromYearId);
  if (!fromYear) throw new AppError('NOT_FOUND', 'Переход на новый учебный год: исходный учебный год не найден — возможно, его удалили. Обновите страницу.');
  if (Number(fromYear.isClosed) === 1) problems.push(`${fromYear.name} учебный год закрыт — откройте его, чтобы провести годовые приказы`);
  const existing = await yearNamed(db, plan.targetYear.name);
  const target = existing
    ? { name: existing.name, startDate: existing.startDate, endDate: existing.endDate, existing }
    : { ...plan.targetYear, existing: undefined };
  if (existing && Number(existing.isClosed) === 1) problems.push(`${existing.name} учебный год закрыт`);
  if (existing?.id === fromYear.id) problems.push('новый учебный год совпадает с текущим');
  if (target.startDate <= fromYear.endDate) problems.push(`новый учебный год начинается ${formatRu(target.startDate)}, раньше окончания ${fromYear.name} (${formatRu(fromYear.endDate)})`);
  if (plan.graduationDate > fromYear.endDate || plan.graduationDate <= fromYear.startDate) problems.push(`дата выпуска ${formatRu(plan.graduationDate)} должна быть внутри ${fromYear.name} учебного года`);
  if (plan.promotionOrderDate > target.startDate) problems.push('приказ о переводе издаётся до начала нового учебного года');

  const promotionDate = target.startDate;
  const lastDay = addDays(promotionDate, -1) > fromYear.endDate ? fromYear.endDate : addDays(promotionDate, -1);
  const source = (await classRowsOfYear(db, fromYear.id)).sort(
    (a, b) => Number(a.grade) - Number(b.grade) || compareRu(a.letter, b.letter),
  );

  const classes: PlannedClass[] = [];
  const sourceClasses: BuiltRollover['sourceClasses'] = [];
  const rosters = new Map<string, string[]>();
  for (const c of source) {
    const grade = Number(c.grade);
    const graduating = isGraduationGrade(grade);
    const members = await rosterOn(db, c.id, graduating ? plan.graduationDate : lastDay);
    rosters.set(c.id, members.map((m) => m.pupilId));
    let successorName: string | null = null;
    if (!graduating) {
      const s = plan.classes.find((x) => x.fromClassId === c.id);
      const letter = s?.letter ?? c.letter;
      successorName = `${grade + 1}${letter}`;
      classes.push({
        name: successorName,
        grade: grade + 1,
        letter,
        fromClassId: c.id,
        fromClassName: c.name,
        classTeacherId: s && !s.keepTeacher ? s.classTeacherId : c.classTeacherId,
        teacherChanged: Boolean(s && !s.keepTeacher),
        shift: Number(c.shift),
        existingId: null,
      });
    }
    sourceClasses.push({ id: c.id, name: c.name, grade, letter: c.letter, pupils: members.length, successorName, classTeacherId: c.classTeacherId });
  }
  for (const n of plan.newClasses) classes.push({ name: `${n.grade}${n.letter}`, grade: n.grade, letter: n.letter, fromClassId: null, fromClassName: null, classTeacherId: n.classTeacherId, teacherChanged: n.classTeacherId !== null, shift: n.shift, existingId: null });
  const seen = new Set<string>();
  for (const c of classes) {
    if (seen.has(c.name)) problems.push(`класс ${c.name} получается дважды — измените литеру одного из них`);
    seen.add(c.name);
  }
  if (existing) {
    const there = await classRowsOfYear(db, existing.id);
    for (const c of classes) {
      const same = there.find((t) => t.name === c.name);
      c.existingId = same?.id ?? null;
      // A class the завуч already set up keeps its class teacher unless the wizard changes it.
      if (same && !c.teacherChanged) c.classTeacherId = same.classTeacherId;
    }
    if (await anyoneInClasses(
      db,
      there.map((t) => t.id),
    )) warnings.push(`в ${existing.name} учебном году уже есть обучающиеся в классах — проверьте, что переход не проводился раньше`);
    // The annual orders cannot ask per pupil which subgroup to join, so the завуч is told where to do it.
    const split = await classesWithSubgroups(
      db,
      there.map((t) => t.id),
    );
    const splitNames = there.filter((t) => split.has(t.id)).map((t) => t.name).sort(compareRu);
    if (splitNames.length) warnings.push(`в классах ${splitNames.join(', ')} нового года уже созданы подгруппы — после перехода распределите по ним обучающихся (раздел «Классы», подгруппы класса)`);
  }
  for (const c of classes) if (!c.classTeacherId) warnings.push(`у класса ${c.name} не назначен классный руководитель`);

  const allIds = [...rosters.values()].flat();
  const people = await pupilNameRows(db, allIds);
  const nameOf = new Map(people.map((p) => [p.id, fullName(p)]));
  const exceptions = new Map(plan.exceptions.map((e) => [e.pupilId, e]));
  const classNames = new Set(classes.map((c) => c.name));
  const pupils: PlannedPupil[] = [];
  for (const c of sourceClasses) {
    for (const pupilId of rosters.get(c.id) ?? []) {
      const name = nameOf.get(pupilId) ?? pupilId;
      const ex = exceptions.get(pupilId);
      exceptions.delete(pupilId);
      const graduating = isGraduationGrade(c.grade);
      const action: RolloverAction = ex?.action ?? (graduating ? 'graduate' : 'promote');
      let to: string | null = null;
      if (action === 'promote' || action === 'conditional') {
        if (graduating) problems.push(`${name} (${c.name}): из ${c.grade} класса не переводят, а выпускают или оставляют на повторное обучение`);
        to = c.successorName;
      } else if (action === 'repeat') {
        to = ex?.toClassName ?? `${c.grade}${c.letter}`;
        if (!classNames.has(to)) problems.push(`${name} (${c.name}) остаётся на повторное обучение, но класса ${to} в новом году нет — добавьте его в новые классы или выберите другой`);
      } else if (action === 'graduate') {
        if (!graduating) problems.push(`${name} (${c.name}): выпуск бывает после 9 и 11 классов`);
      } else if (action === 'continue') {
        if (c.grade !== 9) problems.push(`${name} (${c.name}): в 10 класс после выпуска зачисляют выпускников 9 класса`);
        to = ex?.toClassName ?? `10${c.letter}`;
        if (!classNames.has(to)) problems.push(`${name} (${c.name}) продолжает обучение в ${to}, но такого класса в новом году нет — добавьте его в новые классы`);
      }
      pupils.push({ pupilId, fullName: name, fromClassId: c.id, fromClassName: c.name, grade: c.grade, action, toClassName: to, reason: ex?.reason ?? null });
    }
  }
  for (const ex of exceptions.values()) problems.push(`обучающийся из списка исключений не числится в классах ${fromYear.name} учебного года на конец года — обновите список (${ex.pupilId})`);

  const by = (a: RolloverAction) => pupils.filter((p) => p.action === a);
  const move = (list: PlannedPupil[]) => list.map((p) => ({ pupilId: p.pupilId, fromClassId: p.fromClassId, toClassName: p.toClassName, reason: p.reason }));
  const planned: PlannedOrder[] = [
    { type: 'promote', title: 'О переводе обучающихся в следующий класс', orderDate: plan.promotionOrderDate, effectiveDate: promotionDate, items: move(by('promote')) },
    { type: 'conditionalPromote', title: 'Об условном переводе обучающихся в следующий класс', orderDate: plan.promotionOrderDate, effectiveDate: promotionDate, items: move(by('conditional')) },
    { type: 'repeatYear', title: 'Об оставлении обучающихся на повторное обучение', orderDate: plan.promotionOrderDate, effectiveDate: promotionDate, items: move(by('repeat')) },
    {
      type: 'graduate',
      title: 'О выпуске обучающихся 9 классов',
      orderDate: plan.graduationOrderDate,
      effectiveDate: plan.graduationDate,
      items: pupils.filter((p) => p.grade === 9 && (p.action === 'graduate' || p.action === 'continue')).map((p) => ({ pupilId: p.pupilId, fromClassId: p.fromClassId, toClassName: null })),
    },
    {
      type: 'graduate',
      title: 'О выпуске обучающихся 11 классов',
      orderDate: plan.graduationOrderDate,
      effectiveDate: plan.graduationDate,
      items: pupils.filter((p) => p.grade >= 11 && p.action === 'graduate').map((p) => ({ pupilId: p.pupilId, fromClassId: p.fromClassId, toClassName: null })),
    },
    {
      type: 'enroll',
      title: 'О зачислении в 10 класс выпускников 9 классов',
      orderDate: plan.graduationOrderDate,
      effectiveDate: promotionDate,
      items: by('continue').map((p) => ({ pupilId: p.pupilId, fromClassId: null, toClassName: p.toClassName, enrollKind: 'continuing' as const })),
    },
  ];
  const orders = planned.filter((o) => o.items.length > 0);
  return { fromYear, target, sourceClasses, classes, pupils, orders, problems, warnings };
}
