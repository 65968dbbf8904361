import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  ARRIVAL_COLUMNS,
  ARRIVAL_KEYS,
  DEPARTURE_COLUMNS,
  DEPARTURE_KEYS,
  arrivedTotal,
  leftTotal,
  reconciles,
  type MovementEntry,
  type MovementRowData,
} from '../../../../src-shared/domain/movement/reportColumns';

export interface Line extends MovementRowData {
  key: string;
  name: string;
  kind: 'class' | 'grade' | 'school';
}

/**
 * What the table shows: the totals of both sides, or one side by reason. Twenty-three columns do
 * not fit a 1366 px window (issue 24: «Выбыло» was off-screen and headers broke inside words).
 */
export type MovementView = 'totals' | 'arrivals' | 'departures';

interface Open {
  num: (line: Line, title: string, count: number, onOpen: () => void) => ReactNode;
  openIds: (line: Line, title: string, ids: string[]) => void;
  openEntries: (line: Line, title: string, entries: MovementEntry[]) => void;
}

// Headers wrap between words only; a reason's header is a little smaller so eleven of them fit.
const WHOLE_WORDS = { style: { overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'manual' } } as const;
const REASON_HEAD = { style: { ...WHOLE_WORDS.style, fontSize: 12, lineHeight: 1.25 } } as const;

export function movementColumns(view: MovementView, { num, openIds, openEntries }: Open): ColumnsType<Line> {
  const arrivedAll = (l: Line) => num(l, 'прибыло всего', arrivedTotal(l), () => openEntries(l, 'прибыло всего', ARRIVAL_KEYS.flatMap((k) => l.arrivals[k])));
  const leftAll = (l: Line) => num(l, 'выбыло всего', leftTotal(l), () => openEntries(l, 'выбыло всего', DEPARTURE_KEYS.flatMap((k) => l.departures[k])));
  const name = { title: 'Класс', dataIndex: 'name', width: 120, fixed: 'left' as const, onHeaderCell: () => WHOLE_WORDS };
  const start = { title: 'На начало', width: 80, onHeaderCell: () => WHOLE_WORDS, render: (_: unknown, l: Line) => num(l, 'на начало периода', l.start.length, () => openIds(l, 'на начало периода', l.start)) };
  const end = { title: 'На конец', width: 80, onHeaderCell: () => WHOLE_WORDS, render: (_: unknown, l: Line) => num(l, 'на конец периода', l.end.length, () => openIds(l, 'на конец периода', l.end)) };
  const check = { title: 'Сходится', width: 90, onHeaderCell: () => WHOLE_WORDS, render: (_: unknown, l: Line) => (reconciles(l) ? <Tag color="green">да</Tag> : <Tag color="red">нет</Tag>) };
  if (view === 'totals') {
    return [
      name,
      start,
      { title: 'Прибыло', width: 100, onHeaderCell: () => WHOLE_WORDS, render: (_: unknown, l: Line) => arrivedAll(l) },
      { title: 'Выбыло', width: 100, onHeaderCell: () => WHOLE_WORDS, render: (_: unknown, l: Line) => leftAll(l) },
      end,
      check,
    ];
  }
  if (view === 'arrivals') {
    return [
      name,
      start,
      {
        title: 'Прибыло',
        onHeaderCell: () => WHOLE_WORDS,
        children: [
          ...ARRIVAL_KEYS.map((k) => ({ title: ARRIVAL_COLUMNS[k], onHeaderCell: () => REASON_HEAD, render: (_: unknown, l: Line) => num(l, `прибыло — ${ARRIVAL_COLUMNS[k]}`, l.arrivals[k].length, () => openEntries(l, `прибыло — ${ARRIVAL_COLUMNS[k]}`, l.arrivals[k])) })),
          { title: 'Всего', width: 64, onHeaderCell: () => REASON_HEAD, render: (_: unknown, l: Line) => arrivedAll(l) },
        ],
      },
      end,
    ];
  }
  return [
    name,
    {
      title: 'Выбыло',
      onHeaderCell: () => WHOLE_WORDS,
      children: [
        ...DEPARTURE_KEYS.map((k) => ({ title: DEPARTURE_COLUMNS[k], onHeaderCell: () => REASON_HEAD, render: (_: unknown, l: Line) => num(l, `выбыло — ${DEPARTURE_COLUMNS[k]}`, l.departures[k].length, () => openEntries(l, `выбыло — ${DEPARTURE_COLUMNS[k]}`, l.departures[k])) })),
        { title: 'Всего', width: 64, onHeaderCell: () => REASON_HEAD, render: (_: unknown, l: Line) => leftAll(l) },
      ],
    },
  ];
}
