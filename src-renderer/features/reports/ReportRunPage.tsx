import { ReportPageHead } from './ReportPageHead';
import { Alert, Button, Card, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ReportParams } from '../../../src-shared/contract/reportResult';
import { AUDIENCE_TITLES, REPORTS, isReportKey, reportDefaultDate, type ReportKey } from '../../../src-shared/domain/reports/catalogue';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { useClassesQuery } from '../classes/classesApi';
import { useDownload } from '../../components/downloadFile';
import { todayIso } from '../../components/format';
import { useYearsQuery } from '../../components/yearsApi';
import { YearSelect } from '../../components/YearSelect';
import { ReportView } from './ReportView';
import {
  useClassReportQuery,
  useDrillClassMutation,
  useDrillSchoolMutation,
  useDrillStaffMutation,
  useExportClassMutation,
  useExportSchoolMutation,
  useExportStaffMutation,
  useSchoolReportQuery,
  useStaffReportQuery,
} from './reportsApi';

/**
 * A catalogue report: its parameters (kept in the address, so «back» from a card returns to the
 * same report), the preview with drill-down, and the Excel file.
 */
function errorMessage(error: unknown): string {
  return (error as { message?: string } | undefined)?.message ?? 'Отчёт не сформирован';
}

function ReportRun({ reportKey }: { reportKey: ReportKey }) {
  const info = REPORTS[reportKey];
  const [search, setSearch] = useSearchParams();
  const date = search.get('date') ?? reportDefaultDate(reportKey, todayIso());
  const classId = search.get('classId');
  const yearId = search.get('yearId');
  const { data: yearsData } = useYearsQuery();
  const years = yearsData?.years ?? [];
  const year = years.find((y) => y.id === yearId) ?? years.find((y) => y.isCurrent) ?? years[0] ?? null;
  const yearOfDate = years.find((y) => y.startDate <= date && y.endDate >= date) ?? null;
  const { data: classesData } = useClassesQuery({ yearId: yearOfDate?.id ?? '' }, { skip: !info.params.includes('class') || !yearOfDate });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  const params: ReportParams = {
    ...(info.params.includes('date') ? { date } : {}),
    ...(info.params.includes('class') ? { classId: classId ?? null } : {}),
    ...(info.params.includes('year') ? { yearId: year?.id ?? null } : {}),
  };
  const input = { key: reportKey as never, params };
  const audience = info.audience;
  const school = useSchoolReportQuery(input, { skip: audience !== 'school' || (info.params.includes('year') && !year) });
  const klass = useClassReportQuery(input, { skip: audience !== 'class' });
  const staff = useStaffReportQuery(input, { skip: audience !== 'staff' });
  const run = audience === 'school' ? school : audience === 'class' ? klass : staff;
  const [drillSchool] = useDrillSchoolMutation();
  const [drillClass] = useDrillClassMutation();
  const [drillStaff] = useDrillStaffMutation();
  const [exportSchool, s1] = useExportSchoolMutation();
  const [exportClass, s2] = useExportClassMutation();
  const [exportStaff, s3] = useExportStaffMutation();
  const download = useDownload();
  const drill = audience === 'school' ? drillSchool : audience === 'class' ? drillClass : drillStaff;
  const exportFile = audience === 'school' ? exportSchool : audience === 'class' ? exportClass : exportStaff;
  const exporting = s1.isLoading || s2.isLoading || s3.isLoading;
  const classes = [...(classesData?.classes ?? [])].sort((a, b) => a.grade - b.grade || a.letter.localeCompare(b.letter, 'ru'));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ReportPageHead section={info.group} title={info.title}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {info.purpose}
        </Typography.Paragraph>
        <Space wrap size={4}>
          <Tag>Кто запускает: {AUDIENCE_TITLES[audience]}</Tag>
          {info.deadline && <Tag color="orange">Срок: {info.deadline}</Tag>}
          {info.names && <Tag color="purple">с персональными данными — выгрузка записывается в журнал</Tag>}
        </Space>
      </ReportPageHead>
      <Card size="small">
        <Space wrap align="end">
          {info.params.includes('date') && (
            <div>
              <div style={{ fontSize: 12, color: '#666' }}>На дату</div>
              <div style={{ width: 160 }}>
                <DateField id="reportDate" value={date} onChange={(v) => v && set('date', v)} />
              </div>
            </div>
          )}
          {info.params.includes('class') && (
            <div>
              <div style={{ fontSize: 12, color: '#666' }}>Класс</div>
              <Select
                aria-label="Класс"
                style={{ width: 200 }}
                allowClear
                placeholder={reportKey === 'class-lists' ? 'все мои классы' : 'выберите класс'}
                value={classId ?? undefined}
                onChange={(v) => set('classId', v ?? null)}
                options={classes.map((c) => ({ value: c.id, label: c.name }))}
              />
            </div>
          )}
          {info.params.includes('year') && <YearSelect years={years} value={year?.id ?? null} onChange={(id) => set('yearId', id)} />}
          <Button icon={<ReloadOutlined />} onClick={() => void run.refetch()} disabled={run.isUninitialized}>
            Обновить
          </Button>
          <Button type="primary" icon={<FileExcelOutlined />} loading={exporting} disabled={!run.data} onClick={() => void download(() => exportFile(input), 'Файл Excel сохранён')}>
            Скачать Excel
          </Button>
        </Space>
        {info.params.includes('date') && <div style={{ fontSize: 12, color: '#888', marginTop: 6 }}>Состав классов и возраст — на {formatDateRu(date)}.</div>}
      </Card>
      {run.isFetching && !run.data && <Spin />}
      {run.error && <Alert type="error" showIcon message={errorMessage(run.error)} />}
      {run.data && !run.error && <ReportView result={run.data} drill={(target) => drill({ ...input, target })} />}
    </Space>
  );
}

export function ReportRunPage() {
  const { key = '' } = useParams();
  if (!isReportKey(key)) return <Result status="404" title="Нет такого отчёта" extra={<Link to="/reports">К каталогу отчётов</Link>} />;
  return <ReportRun key={key} reportKey={key} />;
}
