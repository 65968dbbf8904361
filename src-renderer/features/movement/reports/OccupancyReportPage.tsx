import { useMemo, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { OccupancyReport } from '../../../../src-shared/contract/movementReports';
import { OCCUPANCY_COLUMNS, OCCUPANCY_KEYS, sumOccupancy, type OccupancyColumn } from '../../../../src-shared/domain/movement/reportColumns';
import { DateField } from '../../../components/DateField';
import { formatDateRu, todayIso } from '../../../components/format';
import { useExportOccupancyMutation, useOccupancyQuery } from '../movementApi';
import { DrillDownModal, DrillNumber, type DrillRow } from './DrillDownModal';
import { useDownload } from '../../../components/downloadFile';
import { SortableTable } from '../../../components/SortableTable';

interface Line {
  key: string;
  name: string;
  teacher: string | null;
  kind: 'class' | 'grade' | 'school';
  cells: Record<OccupancyColumn, string[]>;
}

function lines(report: OccupancyReport): Line[] {
  const out: Line[] = [];
  const grades = [...new Set(report.rows.map((r) => r.grade))].sort((a, b) => a - b);
  for (const g of grades) {
    const rows = report.rows.filter((r) => r.grade === g);
    for (const r of rows) out.push({ key: r.classId, name: r.name, teacher: r.classTeacherName, kind: 'class', cells: r.cells });
    out.push({ key: `grade-${g}`, name: `Итого ${g} кл.`, teacher: null, kind: 'grade', cells: sumOccupancy(rows.map((r) => r.cells)) });
  }
  out.push({ key: 'school', name: 'Итого по школе', teacher: null, kind: 'school', cells: sumOccupancy(report.rows.map((r) => r.cells)) });
  return out;
}

/** «Наполняемость классов» on a date (work order §3.10): every number opens its pupils. */
export function OccupancyReportPage() {
  const [date, setDate] = useState(todayIso());
  const { data, isFetching } = useOccupancyQuery({ date });
  const [exportXlsx, { isLoading }] = useExportOccupancyMutation();
  const download = useDownload();
  const [drill, setDrill] = useState<{ title: string; rows: DrillRow[] } | null>(null);
  const table = useMemo(() => (data ? lines(data) : []), [data]);
  const open = (line: Line, col: OccupancyColumn) => {
    if (!data) return;
    const classOf = new Map(data.rows.flatMap((r) => r.cells.total.map((id) => [id, r.name] as const)));
    setDrill({
      title: `${line.name}, ${OCCUPANCY_COLUMNS[col].toLowerCase()} на ${formatDateRu(date)}`,
      rows: line.cells[col].map((id) => ({ pupilId: id, fullName: data.pupils[id]?.fullName ?? id, birthDate: data.pupils[id]?.birthDate ?? null, className: line.kind === 'class' ? undefined : classOf.get(id) })),
    });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Наполняемость классов
      </Typography.Title>
      <Space wrap>
        <span>На дату:</span>
        <div style={{ width: 160 }}>
          <DateField id="occupancyDate" value={date} onChange={(v) => v && setDate(v)} />
        </div>
        <Button icon={<FileExcelOutlined />} loading={isLoading} onClick={() => void download(() => exportXlsx({ date }))}>
          Скачать Excel
        </Button>
        {data && <Typography.Text type="secondary">{data.yearName ? `${data.yearName} учебный год` : 'Дата вне учебных лет'}</Typography.Text>}
      </Space>
      <SortableTable<Line>
        listKey="movement.occupancy"
        rowKey="key"
        loading={isFetching}
        dataSource={table}
        aria-label="Наполняемость классов"
        rowClassName={(l) => (l.kind === 'class' ? '' : 'report-total')}
        onRow={(l) => ({ style: l.kind === 'class' ? undefined : { background: l.kind === 'school' ? '#e6f4ff' : '#fafafa', fontWeight: 600 } })}
        columns={[
          { title: 'Класс', dataIndex: 'name', width: 140 },
          { title: 'Классный руководитель', dataIndex: 'teacher' },
          ...OCCUPANCY_KEYS.map((k) => ({
            title: OCCUPANCY_COLUMNS[k],
            width: 110,
            render: (_: unknown, l: Line) => <DrillNumber count={l.cells[k].length} strong={l.kind !== 'class'} label={`${l.name}: ${OCCUPANCY_COLUMNS[k]}`} onOpen={() => open(l, k)} />,
          })),
        ]}
      />
      {drill && <DrillDownModal title={drill.title} rows={drill.rows} onClose={() => setDrill(null)} />}
    </Space>
  );
}
