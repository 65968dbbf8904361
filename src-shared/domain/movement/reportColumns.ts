/**
 * Columns of «Наполняемость классов» and «Движение учащихся по школе», and the arithmetic both the
 * server (Excel) and the screen use, so the totals on paper and on screen are the same numbers.
 */
export const OCCUPANCY_COLUMNS = {
  total: 'Всего',
  boys: 'Мальчики',
  girls: 'Девочки',
  ovz: 'ОВЗ',
  boarding: 'Интернат',
  homeSchooling: 'Обучение на дому',
} as const;
export type OccupancyColumn = keyof typeof OCCUPANCY_COLUMNS;
export const OCCUPANCY_KEYS = Object.keys(OCCUPANCY_COLUMNS) as OccupancyColumn[];

export const ARRIVAL_COLUMNS = {
  first: 'Зачислены впервые',
  otherSchool: 'Из других ОО',
  familyEducation: 'С семейного образования',
  reinstate: 'Восстановлены',
  transfer: 'Из других классов',
  annual: 'Годовой перевод, продолжение обучения',
  other: 'Ввод контингента, без приказа',
} as const;
export type ArrivalColumn = keyof typeof ARRIVAL_COLUMNS;
export const ARRIVAL_KEYS = Object.keys(ARRIVAL_COLUMNS) as ArrivalColumn[];

export const DEPARTURE_COLUMNS = {
  transfer: 'В другие классы',
  annual: 'Годовой перевод',
  sameRegion: 'В ОО региона',
  otherRegion: 'В другой регион',
  abroad: 'За пределы России',
  college: 'В СПО',
  familyEducation: 'На семейное образование',
  otherWithdraw: 'Выбыли по другим причинам',
  graduate: 'Выпущены',
  expel: 'Отчислены',
  other: 'Без приказа',
} as const;
export type DepartureColumn = keyof typeof DEPARTURE_COLUMNS;
export const DEPARTURE_KEYS = Object.keys(DEPARTURE_COLUMNS) as DepartureColumn[];

/** Which arrival column a class membership counts in, from the order item that started it. */
export function arrivalColumn(type: string | null, enrollKind: string | null): ArrivalColumn {
  switch (type) {
    case 'enroll':
      if (enrollKind === 'first' || enrollKind === 'otherSchool' || enrollKind === 'familyEducation') return enrollKind;
      return enrollKind === 'continuing' ? 'annual' : 'other';
    case 'reinstate':
      return 'reinstate';
    case 'transfer':
      return 'transfer';
    case 'promote':
    case 'conditionalPromote':
    case 'repeatYear':
      return 'annual';
    default:
      return 'other';
  }
}

/** Which departure column, from the order item that ended the membership. */
export function departureColumn(type: string | null, destinationKind: string | null): DepartureColumn {
  switch (type) {
    case 'transfer':
      return 'transfer';
    case 'promote':
    case 'conditionalPromote':
    case 'repeatYear':
      return 'annual';
    case 'withdraw':
      if (destinationKind === 'sameRegion' || destinationKind === 'otherRegion' || destinationKind === 'abroad' || destinationKind === 'college' || destinationKind === 'familyEducation') {
        return destinationKind;
      }
      return 'otherWithdraw';
    case 'graduate':
      return 'graduate';
    case 'expel':
      return 'expel';
    default:
      return 'other';
  }
}

export interface MovementEntry {
  pupilId: string;
  date: string;
  orderNumber: string | null;
  detail: string;
}

export interface MovementRowData {
  start: string[];
  end: string[];
  arrivals: Record<ArrivalColumn, MovementEntry[]>;
  departures: Record<DepartureColumn, MovementEntry[]>;
}

export function emptyMovement(): MovementRowData {
  return {
    start: [],
    end: [],
    arrivals: Object.fromEntries(ARRIVAL_KEYS.map((k) => [k, []])) as unknown as Record<ArrivalColumn, MovementEntry[]>,
    departures: Object.fromEntries(DEPARTURE_KEYS.map((k) => [k, []])) as unknown as Record<DepartureColumn, MovementEntry[]>,
  };
}

/** Several rows summed (a grade, the school): lists concatenated, so every total stays drillable. */
export function sumMovement(rows: readonly MovementRowData[]): MovementRowData {
  const out = emptyMovement();
  for (const r of rows) {
    out.start.push(...r.start);
    out.end.push(...r.end);
    for (const k of ARRIVAL_KEYS) out.arrivals[k].push(...r.arrivals[k]);
    for (const k of DEPARTURE_KEYS) out.departures[k].push(...r.departures[k]);
  }
  return out;
}

export function arrivedTotal(r: MovementRowData): number {
  return ARRIVAL_KEYS.reduce((n, k) => n + r.arrivals[k].length, 0);
}

export function leftTotal(r: MovementRowData): number {
  return DEPARTURE_KEYS.reduce((n, k) => n + r.departures[k].length, 0);
}

/** start + arrived − left = end */
export function reconciles(r: MovementRowData): boolean {
  return r.start.length + arrivedTotal(r) - leftTotal(r) === r.end.length;
}

export function sumOccupancy(rows: readonly Record<OccupancyColumn, string[]>[]): Record<OccupancyColumn, string[]> {
  const out = Object.fromEntries(OCCUPANCY_KEYS.map((k) => [k, [] as string[]])) as Record<OccupancyColumn, string[]>;
  for (const r of rows) for (const k of OCCUPANCY_KEYS) out[k].push(...r[k]);
  return out;
}
