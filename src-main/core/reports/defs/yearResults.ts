import { formatRu } from '../../../../src-shared/domain/calendar/dates';
import { DESTINATION_KINDS, ORDER_TYPE_INFO, isGraduationGrade, type DestinationKind, type OrderType } from '../../../../src-shared/domain/movement/orderTypes';
import { AppError } from '../../../../src-shared/errors';
import { classGrades, classesOfYear, itemsWithOrders, membershipsOfClasses } from '../repo/movementBook';
import { findYear } from '../repo/lookups';
import type { ColumnSpec } from '../engine/grid';
import type { ReportDef } from '../engine/types';
import { addGradeRows, gradeRowKey, sumGradeRows } from './gradeRows';
import { allOf, equalityCheck } from './checks';

/**
 * «Итоговые данные по учащимся» for a school year, from the movement book (the dated memberships of
 * the year's classes and the orders that started and ended them): on the first day, arrived,
 * left by reason, finished the year, and what the annual orders decided. A transfer between classes
 * of one grade moves nobody in or out of the grade; one into another grade does.
 */
const WITHDRAW_KEYS = ['sameRegion', 'otherRegion', 'abroad', 'college', 'familyEducation', 'other'] as const;

const COLUMNS: ColumnSpec[] = [
  { key: 'start', title: 'На начало года', width: 9 },
  { key: 'arrived', title: 'Всего', group: 'Прибыло', width: 7 },
  { key: 'fromOtherGrade', title: 'из них из других параллелей', group: 'Прибыло', width: 10 },
  ...WITHDRAW_KEYS.map((k) => ({ key: `w:${k}`, title: k === 'other' ? 'Выбыли по другим причинам' : DESTINATION_KINDS[k as DestinationKind], group: 'Выбыло', width: 10 })),
  { key: 'expelled', title: 'Отчислены', group: 'Выбыло', width: 9 },
  { key: 'toOtherGrade', title: 'В другие параллели', group: 'Выбыло', width: 9 },
  { key: 'noOrder', title: 'Без приказа', group: 'Выбыло', width: 8 },
  { key: 'left', title: 'Всего', group: 'Выбыло', width: 7 },
  { key: 'completed', title: 'Окончили учебный год', width: 10 },
  { key: 'promoted', title: 'Переведены в следующий класс', group: 'Из окончивших год', width: 11 },
  { key: 'conditional', title: 'Переведены условно', group: 'Из окончивших год', width: 10 },
  { key: 'repeat', title: 'Оставлены на повторное обучение', group: 'Из окончивших год', width: 11 },
  { key: 'graduated', title: 'Выпущены с аттестатом', group: 'Из окончивших год', width: 10 },
  { key: 'noCertificate', title: 'Отчислены из 9, 11 классов со справкой об обучении', group: 'Из окончивших год', width: 13 },
  { key: 'undecided', title: 'Решение не принято (приказа нет)', group: 'Из окончивших год', width: 11 },
];

const OUTCOMES = ['promoted', 'conditional', 'repeat', 'graduated', 'noCertificate', 'undecided'];

export const yearResults: ReportDef = {
  key: 'pupils-year-results',
  needsYear: true,
  async compute({ db, params, grid }) {
    const year = await findYear(db, params.yearId as string);
    if (!year) throw new AppError('NOT_FOUND', 'Учебный год не найден.');
    const classes = await classesOfYear(db, year.id);
    const gradeOf = new Map(classes.map((c) => [c.id, Number(c.grade)]));
    const members = await membershipsOfClasses(db, classes.map((c) => c.id));
    const itemIds = [...new Set(members.flatMap((m) => [m.orderItemId, m.endOrderItemId]).filter((x): x is string => Boolean(x)))];
    const items = await itemsWithOrders(db, itemIds);
    const itemOf = new Map(items.map((i) => [i.id, i]));
    // The grade a transfer came from / went to, when that class is of another year (annual moves).
    const otherClassIds = [...new Set(items.flatMap((i) => [i.fromClassId, i.toClassId]).filter((x): x is string => Boolean(x) && !gradeOf.has(x as string)))];
    for (const c of await classGrades(db, otherClassIds)) gradeOf.set(c.id, Number(c.grade));

    const grades = [...new Set(classes.map((c) => Number(c.grade)))].sort((a, b) => a - b);
    const g = grid({ id: 'results', title: 'Итоги учебного года по параллелям', labelTitle: 'Параллель', kind: 'pupil', columns: COLUMNS, landscape: true });
    addGradeRows(g, grades);
    const orderNote = (itemId: string | null) => {
      const i = itemId ? itemOf.get(itemId) : undefined;
      return i ? `${ORDER_TYPE_INFO[i.orderType as OrderType]?.label ?? i.orderType}, приказ № ${i.numberText ?? 'б/н'}${i.reason ? ` (${i.reason})` : ''}` : undefined;
    };

    for (const m of members) {
      const grade = gradeOf.get(m.classId) as number;
      const row = gradeRowKey(grade);
      const startsIn = m.startDate > year.startDate && m.startDate <= year.endDate;
      if (m.startDate <= year.startDate && (m.endDate === null || m.endDate > year.startDate)) g.add(row, 'start', m.pupilId);
      if (startsIn) {
        const i = m.orderItemId ? itemOf.get(m.orderItemId) : undefined;
        const type = i?.orderType;
        const fromGrade = i?.fromClassId ? gradeOf.get(i.fromClassId) : undefined;
        if (type === 'transfer' || type === 'promote' || type === 'conditionalPromote' || type === 'repeatYear') {
          if (fromGrade !== undefined && fromGrade !== grade) {
            g.add(row, 'arrived', m.pupilId, orderNote(m.orderItemId));
            g.add(row, 'fromOtherGrade', m.pupilId, orderNote(m.orderItemId));
          }
        } else if (m.startDate > year.startDate) g.add(row, 'arrived', m.pupilId, orderNote(m.orderItemId) ?? m.cause ?? 'без приказа');
      }
      if (m.startDate > year.endDate) continue;
      const endsIn = m.endDate !== null && m.endDate > year.startDate && m.endDate <= year.endDate;
      const e = m.endOrderItemId ? itemOf.get(m.endOrderItemId) : undefined;
      const note = orderNote(m.endOrderItemId);
      const outcome = (col: string) => {
        g.add(row, 'completed', m.pupilId, note);
        g.add(row, col, m.pupilId, note);
      };
      if (e && ['promote', 'conditionalPromote', 'repeatYear', 'graduate'].includes(e.orderType)) {
        outcome(e.orderType === 'promote' ? 'promoted' : e.orderType === 'conditionalPromote' ? 'conditional' : e.orderType === 'repeatYear' ? 'repeat' : 'graduated');
      } else if (!endsIn) {
        outcome('undecided');
      } else if (e?.orderType === 'withdraw') {
        const kind = (e.destinationKind ?? 'other') as (typeof WITHDRAW_KEYS)[number];
        g.add(row, `w:${WITHDRAW_KEYS.includes(kind) ? kind : 'other'}`, m.pupilId, note);
        g.add(row, 'left', m.pupilId, note);
      } else if (e?.orderType === 'expel') {
        if (isGraduationGrade(grade)) outcome('noCertificate');
        else {
          g.add(row, 'expelled', m.pupilId, note);
          g.add(row, 'left', m.pupilId, note);
        }
      } else if (e?.orderType === 'transfer') {
        const toGrade = e.toClassId ? gradeOf.get(e.toClassId) : undefined;
        if (toGrade !== undefined && toGrade !== grade) {
          g.add(row, 'toOtherGrade', m.pupilId, note);
          g.add(row, 'left', m.pupilId, note);
        }
      } else if (!e) {
        g.add(row, 'noOrder', m.pupilId, m.cause ?? 'без приказа');
        g.add(row, 'left', m.pupilId, m.cause ?? 'без приказа');
      }
    }
    sumGradeRows(g, grades);

    const rows = [...grades.map(gradeRowKey), 'total'];
    const checks = [
      allOf(
        'На начало + прибыло − выбыло = окончили год (по каждой параллели и по школе)',
        rows.map((r) => equalityCheck('', g.count(r, 'start') + g.count(r, 'arrived') - g.count(r, 'left'), g.count(r, 'completed'), r === 'total' ? 'всего' : `${r.slice(1)} кл.`)),
      ),
      allOf(
        'Окончили год = переведены + условно + оставлены + выпущены + со справкой + без решения',
        rows.map((r) => equalityCheck('', g.count(r, 'completed'), OUTCOMES.reduce((n, c) => n + g.count(r, c), 0), r === 'total' ? 'всего' : `${r.slice(1)} кл.`)),
      ),
    ];
    const notes: string[] = [];
    const undecided = g.count('total', 'undecided');
    if (undecided > 0) notes.push(`Для ${undecided} обучающихся годовые приказы (перевод, выпуск) ещё не подписаны — они в столбце «Решение не принято».`);
    return { subtitle: `${year.name} учебный год (${formatRu(year.startDate)} — ${formatRu(year.endDate)})`, tables: [g.build()], checks, notes };
  },
};
