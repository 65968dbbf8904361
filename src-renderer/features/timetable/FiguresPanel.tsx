import { useMemo } from 'react';
import { Alert, Button, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { FiguresOut, ViolationOut } from '../../../src-shared/contract/timetableFields';
import { useTimetableFiguresQuery } from './timetableApi';
import { ExplanationList } from './ExplanationList';
import { PassportTable } from './PassportTable';
import { formatCount, formatShare, type TimetableIndex } from './timetableModel';

interface Props {
  versionId: string;
  index: TimetableIndex;
  /** Shows where a violation is: its entity's grid with its slots lit. */
  onShow: (v: ViolationOut) => void;
}

const RED = '#cf1322';

function whereText(index: TimetableIndex, v: ViolationOut): string {
  const days = index.view.days;
  const slots = v.slots
    .slice(0, 4)
    .map((s) => `${days[s.day]?.short ?? s.day + 1} ${index.view.periods[s.period]?.label ?? s.period + 1}`)
    .join(', ');
  return slots ? `${slots}${v.slots.length > 4 ? ` и ещё ${v.slots.length - 4}` : ''}` : '';
}

/**
 * The figures of a version from the engine's one evaluator: hard violations with where they are
 * (a click shows the place), teachers' and classes' gaps, the SanPiN passport of every class, and
 * the Russian explanation of what is wrong or not placed.
 */
export function FiguresPanel({ versionId, index, onShow }: Props) {
  const { data, isFetching, error } = useTimetableFiguresQuery({ versionId });
  const teachers = useMemo(() => (data ? [...data.teachers].sort((a, b) => b.gaps - a.gaps || (index.teachers.get(a.staffId)?.fullName ?? '').localeCompare(index.teachers.get(b.staffId)?.fullName ?? '', 'ru')) : []), [data, index]);
  if (!data && isFetching) return <Skeleton active />;
  if (!data) return <Alert type="error" showIcon title={(error as { message?: string } | undefined)?.message ?? 'Показатели не получены'} />;
  const t = data.totals;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="figures">
      <Space size="large" wrap>
        <Statistic title="Нарушений обязательных правил" value={formatCount(data.hard)} styles={{ content: { color: data.hard > 0 ? RED : '#389e0d' } }} />
        <Statistic title="Поставлено уроков" value={`${formatCount(t.placed)} из ${formatCount(t.units)}`} styles={{ content: { color: t.placed < t.units ? RED : undefined } }} />
        <Statistic title="Окна учителей" value={formatCount(t.teacherGaps)} />
        <Statistic title="Окна классов" value={formatCount(t.classGaps)} styles={{ content: { color: t.classGaps > 0 ? RED : undefined } }} />
        <Statistic title="Пик трудности во вт/ср" value={`${formatShare(t.peakTueWedShare)} классов`} />
        <Statistic title="Трудные уроки первыми/последними" value={formatShare(t.hardFirstLastShare)} />
      </Space>
      {data.valid ? (
        <Alert type="success" showIcon title="Расписание допустимо: все уроки поставлены, обязательные правила соблюдены." />
      ) : (
        <Alert type="error" showIcon title="Расписание недопустимо: ниже — что нарушено и где. Щёлкните строку, чтобы увидеть место." />
      )}
      <Tabs
        items={[
          { key: 'violations', label: `Нарушения (${data.violations.length})`, children: <Violations data={data} index={index} onShow={onShow} /> },
          { key: 'passport', label: 'Паспорт СанПиН', children: <PassportTable index={index} classes={data.classes} /> },
          {
            key: 'teachers',
            label: `Окна учителей (${formatCount(t.teacherGaps)})`,
            children: (
              <Table
                size="small"
                rowKey="staffId"
                pagination={false}
                virtual
                scroll={{ y: 420 }}
                dataSource={teachers}
                aria-label="Окна учителей"
                columns={[
                  { title: 'Учитель', key: 'name', render: (_, r) => index.teachers.get(r.staffId)?.fullName ?? '—' },
                  { title: 'Уроков', dataIndex: 'lessons', width: 80, align: 'right' },
                  { title: 'Окна', dataIndex: 'gaps', width: 70, align: 'right', render: (g: number) => (g > 0 ? <Typography.Text strong>{g}</Typography.Text> : 0) },
                  ...index.view.days.map((d) => ({
                    title: d.short,
                    key: `d${d.index}`,
                    width: 70,
                    align: 'center' as const,
                    render: (_: unknown, r: FiguresOut['teachers'][number]) => `${r.lessonsByDay[d.index] ?? 0}${r.gapsByDay[d.index] ? ` / ок. ${r.gapsByDay[d.index]}` : ''}`,
                  })),
                ]}
              />
            ),
          },
          { key: 'explain', label: `Пояснения (${data.explanation.length})`, children: <ExplanationList items={data.explanation} emptyText="Пояснений нет: всё поставлено" testId="figures-explanation" /> },
        ]}
      />
    </Space>
  );
}

function Violations({ data, index, onShow }: { data: FiguresOut; index: TimetableIndex; onShow: (v: ViolationOut) => void }) {
  if (data.violations.length === 0) return <Typography.Text type="secondary">Нарушений обязательных правил нет.</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={data.violations.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      dataSource={data.violations}
      aria-label="Нарушения обязательных правил"
      onRow={(v) => ({ onClick: () => onShow(v), style: { cursor: 'pointer' } })}
      columns={[
        { title: 'Что нарушено', dataIndex: 'label', render: (l: string, v) => <Space size={4}>{l}{v.amount > 1 && <Tag>{v.amount}</Tag>}</Space> },
        { title: 'У кого', key: 'entity', render: (_, v) => v.entity.name },
        { title: 'Где', key: 'where', render: (_, v) => whereText(index, v) },
        {
          title: '',
          key: 'show',
          width: 110,
          render: (_, v) => (
            <Button
              type="link"
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                onShow(v);
              }}
            >
              Показать
            </Button>
          ),
        },
      ]}
    />
  );
}
