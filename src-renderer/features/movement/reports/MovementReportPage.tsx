import { useMemo, useState } from 'react';
import { Alert, Button, Segmented, Space, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { MovementReport } from '../../../../src-shared/contract/movementReports';
import { sumMovement, type MovementEntry } from '../../../../src-shared/domain/movement/reportColumns';
import { DateField } from '../../../components/DateField';
import { formatDateRu, todayIso } from '../../../components/format';
import { useSelectedYear } from '../../../components/useSelectedYear';
import { useExportMovementReportMutation, useMovementReportQuery } from '../movementApi';
import { DrillDownModal, DrillNumber, type DrillRow } from './DrillDownModal';
import { useDownload } from '../../../components/downloadFile';
import { movementColumns, type Line, type MovementView } from './movementReportColumns';

function lines(report: MovementReport): Line[] {
  const out: Line[] = [];
  const years = new Set(report.rows.map((r) => r.yearName));
  const groups = [...new Map(report.rows.map((r) => [`${r.yearName}|${r.grade}`, r])).values()];
  for (const g of groups) {
    const rows = report.rows.filter((r) => r.yearName === g.yearName && r.grade === g.grade);
    for (const r of rows) out.push({ ...r, key: r.classId, name: years.size > 1 ? `${r.name} (${r.yearName})` : r.name, kind: 'class' });
    out.push({ ...sumMovement(rows), key: `g-${g.yearName}-${g.grade}`, name: `Итого ${g.grade} кл.${years.size > 1 ? ` (${g.yearName})` : ''}`, kind: 'grade' });
  }
  out.push({ ...sumMovement(report.rows), key: 'school', name: 'Итого по школе', kind: 'school' });
  return out;
}

/** «Движение учащихся по школе» for a period; every number opens the pupils behind it. */
export function MovementReportPage() {
  const { year } = useSelectedYear();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const period = { from: from ?? year?.startDate ?? todayIso(), to: to ?? todayIso() };
  const valid = period.from <= period.to;
  const { data, isFetching } = useMovementReportQuery(period, { skip: !valid });
  const [exportXlsx, { isLoading }] = useExportMovementReportMutation();
  const download = useDownload();
  const [drill, setDrill] = useState<{ title: string; rows: DrillRow[] } | null>(null);
  const [view, setView] = useState<MovementView>('totals');
  const table = useMemo(() => (data ? lines(data) : []), [data]);
  const classOf = useMemo(() => new Map((data?.rows ?? []).flatMap((r) => [...r.start, ...r.end].map((id) => [id, r.name] as const))), [data]);

  const person = (id: string) => data?.pupils[id];
  const openIds = (line: Line, title: string, ids: string[]) =>
    setDrill({ title: `${line.name}: ${title}`, rows: ids.map((id) => ({ pupilId: id, fullName: person(id)?.fullName ?? id, birthDate: person(id)?.birthDate ?? null, className: line.kind === 'class' ? undefined : classOf.get(id) })) });
  const openEntries = (line: Line, title: string, entries: MovementEntry[]) =>
    setDrill({ title: `${line.name}: ${title}`, rows: entries.map((e) => ({ pupilId: e.pupilId, fullName: person(e.pupilId)?.fullName ?? e.pupilId, birthDate: person(e.pupilId)?.birthDate ?? null, date: e.date, orderNumber: e.orderNumber, detail: e.detail })) });
  const num = (line: Line, title: string, count: number, onOpen: () => void) => <DrillNumber count={count} strong={line.kind !== 'class'} label={`${line.name}: ${title}`} onOpen={onOpen} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Движение учащихся по школе
      </Typography.Title>
      <Space wrap>
        <span>С</span>
        <div style={{ width: 150 }}>
          <DateField id="movementFrom" value={period.from} onChange={(v) => v && setFrom(v)} />
        </div>
        <span>по</span>
        <div style={{ width: 150 }}>
          <DateField id="movementTo" value={period.to} onChange={(v) => v && setTo(v)} />
        </div>
        <Button icon={<FileExcelOutlined />} loading={isLoading} disabled={!valid} onClick={() => void download(() => exportXlsx(period))}>
          Скачать Excel
        </Button>
      </Space>
      {!valid && <Alert type="error" showIcon message="Конец периода раньше его начала" />}
      {data && data.problems.length > 0 && <Alert type="error" showIcon message={`Не сходится: ${data.problems.join(', ')}`} />}
      <Typography.Text type="secondary">
        На начало — состав на {formatDateRu(period.from)}, на конец — на {formatDateRu(period.to)}; на начало + прибыло − выбыло = на конец. Нажмите на число, чтобы увидеть обучающихся.
      </Typography.Text>
      <Segmented<MovementView>
        aria-label="Что показать"
        value={view}
        onChange={setView}
        options={[
          { value: 'totals', label: 'Итоги' },
          { value: 'arrivals', label: 'Прибыло по причинам' },
          { value: 'departures', label: 'Выбыло по причинам' },
        ]}
      />
      <Table<Line>
        rowKey="key"
        size="small"
        bordered
        loading={isFetching}
        dataSource={table}
        pagination={false}
        // Columns as wide as their words: a sideways scroll only if a window is narrower than 1366 px.
        scroll={{ x: 'max-content' }}
        aria-label="Движение учащихся"
        onRow={(l) => ({ style: l.kind === 'class' ? undefined : { background: l.kind === 'school' ? '#e6f4ff' : '#fafafa', fontWeight: 600 } })}
        columns={movementColumns(view, { num, openIds, openEntries })}
      />
      {drill && <DrillDownModal title={drill.title} rows={drill.rows} onClose={() => setDrill(null)} />}
    </Space>
  );
}
