import { z } from './zodRu';
import { query } from './define';
import { isoDate } from './fields';
import { exportedFile } from './files';
import { ARRIVAL_KEYS, DEPARTURE_KEYS, OCCUPANCY_KEYS, type ArrivalColumn, type DepartureColumn, type OccupancyColumn } from '../domain/movement/reportColumns';

const ids = z.array(z.string());
const entry = z.object({ pupilId: z.string(), date: z.string(), orderNumber: z.string().nullable(), detail: z.string() });

const occupancyCells = z.object(Object.fromEntries(OCCUPANCY_KEYS.map((k) => [k, ids])) as Record<OccupancyColumn, typeof ids>);
const arrivals = z.object(Object.fromEntries(ARRIVAL_KEYS.map((k) => [k, z.array(entry)])) as Record<ArrivalColumn, z.ZodArray<typeof entry>>);
const departures = z.object(Object.fromEntries(DEPARTURE_KEYS.map((k) => [k, z.array(entry)])) as Record<DepartureColumn, z.ZodArray<typeof entry>>);

const pupilInfo = z.object({ fullName: z.string(), sex: z.string(), birthDate: z.string().nullable() });

export const occupancyReport = z.object({
  date: z.string(),
  yearName: z.string().nullable(),
  rows: z.array(
    z.object({
      classId: z.string(),
      name: z.string(),
      grade: z.number(),
      classTeacherName: z.string().nullable(),
      cells: occupancyCells,
    }),
  ),
  pupils: z.record(z.string(), pupilInfo),
});
export type OccupancyReport = z.output<typeof occupancyReport>;

export const movementReport = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      classId: z.string(),
      name: z.string(),
      grade: z.number(),
      yearName: z.string(),
      start: ids,
      end: ids,
      arrivals,
      departures,
    }),
  ),
  pupils: z.record(z.string(), pupilInfo),
  /** Classes whose numbers do not reconcile (start + arrived − left ≠ end); empty when all do. */
  problems: z.array(z.string()),
});
export type MovementReport = z.output<typeof movementReport>;

const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'конец периода раньше его начала' });

export const movementReportsContract = {
  /** «Наполняемость классов» on a date: per class totals with the pupils behind every number. */
  'reports.occupancy': query({
    summary: 'Наполняемость классов',
    right: 'movement.reports',
    input: z.object({ date: isoDate }),
    output: occupancyReport,
  }),
  'reports.occupancy.export': query({
    summary: 'Наполняемость классов (Excel)',
    right: 'movement.reports',
    exportsPersonalData: true,
    input: z.object({ date: isoDate }),
    output: exportedFile,
  }),
  /** «Движение учащихся по школе» for a period: start, arrivals and departures by kind, end. */
  'reports.movement': query({
    summary: 'Движение учащихся по школе',
    right: 'movement.reports',
    labels: { from: 'Начало периода', to: 'Конец периода' },
    input: period,
    output: movementReport,
  }),
  'reports.movement.export': query({
    summary: 'Движение учащихся по школе (Excel)',
    right: 'movement.reports',
    exportsPersonalData: true,
    labels: { from: 'Начало периода', to: 'Конец периода' },
    input: period,
    output: exportedFile,
  }),
};
