import { useMemo } from 'react';
import { Table, Tooltip, Typography } from 'antd';
import type { FiguresOut } from '../../../src-shared/contract/timetableFields';
import { sortedClasses, type TimetableIndex } from './timetableModel';

type ClassFigures = FiguresOut['classes'][number];

const GOOD = '#f6ffed';
const BAD = '#fff1f0';
const WARN = '#fff7e6';

/**
 * The SanPiN «паспорт» of every class: the day's sum of difficulty points (the peak day marked —
 * it should be Tuesday or Wednesday) over the number of lessons that day against the maximum,
 * hard lessons put first or last, the same subject twice a day, gaps.
 */
export function PassportTable({ index, classes }: { index: TimetableIndex; classes: ClassFigures[] }) {
  const rows = useMemo(() => {
    const byId = new Map(classes.map((c) => [c.classId, c]));
    return sortedClasses(index.view.classes)
      .map((c) => ({ cls: c, f: byId.get(c.id) }))
      .filter((r): r is { cls: typeof r.cls; f: ClassFigures } => Boolean(r.f));
  }, [index, classes]);
  const days = index.view.days;
  return (
    <Table
      size="small"
      rowKey={(r) => r.cls.id}
      pagination={false}
      virtual
      scroll={{ y: 440 }}
      dataSource={rows}
      aria-label="Паспорт расписания по СанПиН"
      data-testid="passport"
      columns={[
        { title: 'Класс', key: 'class', width: 70, render: (_, r) => <Typography.Text strong>{r.cls.name}</Typography.Text> },
        ...days.map((d) => ({
          title: (
            <Tooltip title="Сумма баллов трудности за день · уроков в этот день">
              <span>{d.short}</span>
            </Tooltip>
          ),
          key: `d${d.index}`,
          width: 86,
          align: 'center' as const,
          onCell: (r: { f: ClassFigures }) => {
            const p = r.f.passport;
            const over = p.daysOverMax.includes(d.index);
            const peak = p.peakDay === d.index;
            return { style: { background: over ? BAD : peak ? (p.peakOnTueWed ? GOOD : WARN) : undefined } };
          },
          render: (_: unknown, r: { f: ClassFigures }) => {
            const p = r.f.passport;
            if (d.index >= (index.classes.get(r.f.classId)?.weekLength ?? 6)) return <Typography.Text type="secondary">—</Typography.Text>;
            const over = p.daysOverMax.includes(d.index);
            return (
              <span>
                <span style={{ fontWeight: p.peakDay === d.index ? 700 : 400 }}>{p.daySums[d.index] ?? 0}</span>
                <span style={{ color: over ? '#cf1322' : '#8c8c8c' }}> · {p.dayLessons[d.index] ?? 0} ур.</span>
              </span>
            );
          },
        })),
        {
          title: 'Пик',
          key: 'peak',
          width: 70,
          render: (_, r) => {
            const p = r.f.passport;
            if (p.peakDay === null) return '—';
            return <Typography.Text type={p.peakOnTueWed ? 'success' : 'warning'}>{days[p.peakDay]?.short ?? ''}</Typography.Text>;
          },
        },
        {
          title: 'Максимум уроков',
          key: 'max',
          width: 110,
          render: (_, r) => {
            const p = r.f.passport;
            const text = `${p.maxPerDay}${p.onceAWeek ? ` (раз в нед. ${p.onceAWeek})` : ''}`;
            return p.daysOverMax.length ? <Typography.Text type="danger">{`${text}: превышен — ${p.daysOverMax.map((d) => days[d]?.short).join(', ')}`}</Typography.Text> : text;
          },
        },
        {
          title: 'Трудные первым/последним',
          key: 'hard',
          width: 120,
          align: 'center',
          render: (_, r) => `${r.f.passport.hardFirstLast} из ${r.f.passport.hardLessons}`,
        },
        { title: 'Повтор предмета в день', key: 'repeat', width: 100, align: 'center', render: (_, r) => r.f.passport.sameSubjectRepeats },
        { title: 'Окна', key: 'gaps', width: 64, align: 'center', render: (_, r) => (r.f.gaps > 0 ? <Typography.Text type="danger">{r.f.gaps}</Typography.Text> : 0) },
      ]}
    />
  );
}
