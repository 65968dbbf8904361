import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ColumnType } from 'antd/es/table';
import type { CalendarDayView } from '../../../src-shared/contract/calendar';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { DAY_KIND_LABELS } from '../../../src-shared/domain/schoolSetup/calendarDays';
import { downloadFile } from '../../components/downloadFile';
import { formatDateRu } from '../../components/format';
import { useClassesQuery } from '../classes/classesApi';
import { DAY_COLORS, MonthGrid } from './MonthGrid';
import { useCalendarViewQuery, useExportCalendarMutation } from './calendarApi';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

type Dated = { name: string; startDate: string; endDate: string };

/** «дд.мм.гггг – дд.мм.гггг» of a period or of holidays. */
const DATES: ColumnType<Dated> = { title: 'Даты', render: (_: unknown, r: Dated) => `${formatDateRu(r.startDate)} – ${formatDateRu(r.endDate)}` };

/** One of the two half-width summaries under the months: the year's periods and its holidays. */
function SummaryCard<R extends Dated>({ title, rows, empty, columns }: { title: string; rows: R[]; empty: string; columns: ColumnType<R>[] }) {
  return (
    <Col xs={24} lg={12}>
      <Card size="small" title={title}>
        <Table<R> size="small" rowKey="name" pagination={false} dataSource={rows} locale={{ emptyText: empty }} columns={columns} />
      </Card>
    </Col>
  );
}

/** The year at a glance for a grade or a class: school days, holidays, transfers and events. */
export function YearCalendarView({ year }: { year: AcademicYear }) {
  const { message } = App.useApp();
  const [grade, setGrade] = useState(1);
  const [classId, setClassId] = useState<string | null>(null);
  const { data: classes } = useClassesQuery({ yearId: year.id });
  const { data, isFetching } = useCalendarViewQuery({ yearId: year.id, grade, classId });
  const [exportXlsx, { isLoading: exporting }] = useExportCalendarMutation();
  const months = useMemo(() => {
    const out = new Map<string, CalendarDayView[]>();
    for (const d of data?.days ?? []) {
      const key = d.date.slice(0, 7);
      out.set(key, [...(out.get(key) ?? []), d]);
    }
    return [...out.entries()];
  }, [data]);
  const inGrade = (classes?.classes ?? []).filter((c) => c.grade === grade);

  const download = async () => {
    const r = await exportXlsx({ yearId: year.id });
    if ('data' in r && r.data) {
      downloadFile(r.data);
      message.success(`Файл «${r.data.fileName}» сохранён`);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <span>Параллель:</span>
          <Segmented
            aria-label="Параллель"
            value={grade}
            onChange={(g) => {
              setGrade(Number(g));
              setClassId(null);
            }}
            options={GRADES.map((g) => ({ value: g, label: `${g}` }))}
          />
          <Select
            aria-label="Класс"
            allowClear
            placeholder="Вся параллель"
            style={{ width: 160 }}
            value={classId ?? undefined}
            onChange={(v?: string) => setClassId(v ?? null)}
            options={inGrade.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Space>
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void download()}>
          Календарный учебный график (Excel)
        </Button>
      </Space>
      {data?.warnings.map((w) => <Alert key={w} type="warning" showIcon message={w} />)}
      <Space wrap size="small" aria-label="Обозначения">
        {(Object.keys(DAY_COLORS) as CalendarDayView['kind'][])
          .filter((k) => k !== 'outside')
          .map((k) => (
            <Tag key={k} color={DAY_COLORS[k]} style={{ color: '#333', border: '1px solid #ddd' }}>
              {DAY_KIND_LABELS[k]}
            </Tag>
          ))}
        <Tag style={{ outline: '2px solid #1f5fa8' }}>перенос: уроки по расписанию другого дня</Tag>
        <Tag>
          <span style={{ display: 'inline-block', width: 6, height: 6, borderRadius: 3, background: '#7b1fa2', marginRight: 4 }} />
          мероприятие
        </Tag>
      </Space>
      {data && (
        <Row gutter={16}>
          <Col>
            <Statistic title={`Учебных дней (${data.className ?? `${data.grade} кл.`})`} value={data.schoolDays} />
          </Col>
          <Col>
            <Statistic title="Учебных недель" value={data.weeks} />
          </Col>
          <Col>
            <Statistic title="Учебная неделя" value={`${data.weekLength} дн.`} />
          </Col>
        </Row>
      )}
      <Row gutter={[12, 12]} style={{ opacity: isFetching ? 0.6 : 1 }}>
        {months.map(([month, days]) => (
          <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid month={month} days={days} />
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <SummaryCard
          title="Учебные периоды"
          rows={data?.periods ?? []}
          empty="Периоды не заданы"
          columns={[{ title: 'Период', dataIndex: 'name' }, DATES, { title: 'Уч. дней', dataIndex: 'schoolDays' }, { title: 'Недель', dataIndex: 'weeks' }]}
        />
        <SummaryCard title="Каникулы" rows={data?.holidays ?? []} empty="Каникулы не заданы" columns={[{ title: 'Каникулы', dataIndex: 'name' }, DATES, { title: 'Дней', dataIndex: 'days' }]} />
      </Row>
      <Typography.Text type="secondary">Наведите на день, чтобы увидеть причину и мероприятия.</Typography.Text>
    </Space>
  );
}
