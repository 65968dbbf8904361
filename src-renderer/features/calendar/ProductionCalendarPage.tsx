import { useRef, useState } from 'react';
import { Alert, App, Button, Empty, InputNumber, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProductionYearView } from '../../../src-shared/contract/productionCalendar';
import { useHasRight } from '../../components/useSession';
import { ProductionYearEditor } from './ProductionYearEditor';
import { useImportProductionMutation, useProductionYearsQuery } from './calendarApi';

const ART_112 = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];

/** A year the program does not have yet: the holidays of art. 112 as a forecast to correct. */
function blankYear(year: number): ProductionYearView {
  return {
    year,
    status: 'forecast',
    source: 'Прогноз по ст. 112 ТК РФ; переносы по постановлению Правительства РФ ещё не внесены',
    holidays: ART_112.map((d) => `${year}-${d}`),
    daysOff: [],
    workingWeekends: [],
    shortDays: [],
    transfers: [],
    workingDays: [],
    origin: 'shipped',
    shipped: false,
    version: 0,
    updatedAt: null,
  };
}

/** «Производственный календарь»: federal days off and transfers by year; load a file or correct a year. */
export function ProductionCalendarPage() {
  const { message } = App.useApp();
  const canEdit = useHasRight('productionCalendar.edit');
  const { data, isLoading } = useProductionYearsQuery();
  const [importFile, { isLoading: importing }] = useImportProductionMutation();
  const [error, setError] = useState<string | null>(null);
  const [newYear, setNewYear] = useState<number | null>(null);
  const [active, setActive] = useState<string | undefined>(undefined);
  const fileRef = useRef<HTMLInputElement>(null);
  if (isLoading) return <Skeleton active />;
  const years = [...(data?.years ?? [])];
  if (newYear && !years.some((y) => y.year === newYear)) years.push(blankYear(newYear));
  const nextMissing = Math.max(new Date().getFullYear(), ...years.map((y) => y.year)) + 1;

  const onFile = async (file: File) => {
    setError(null);
    const r = await importFile({ fileName: file.name, text: await file.text() });
    if ('data' in r && r.data) {
      message.success(`Загружены годы: ${r.data.years.join(', ')}`);
      setActive(String(r.data.years[0]));
    } else setError((r.error as { message?: string })?.message ?? 'Файл не загружен');
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Производственный календарь
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Нерабочие праздничные дни и переносы выходных по постановлениям Правительства РФ. По ним считаются сроки в рабочих днях и учебный календарь. Данные
        из файла программы можно заменить: загрузить файл того же формата или исправить год вручную.
      </Typography.Paragraph>
      {canEdit && (
        <Space wrap>
          <input ref={fileRef} type="file" accept=".json,application/json" style={{ display: 'none' }} aria-label="Файл производственного календаря" onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0])} />
          <Button icon={<UploadOutlined />} loading={importing} onClick={() => fileRef.current?.click()}>
            Загрузить из файла (JSON)
          </Button>
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              setNewYear(nextMissing);
              setActive(String(nextMissing));
            }}
          >
            Добавить {nextMissing} год
          </Button>
          <InputNumber aria-label="Год" placeholder="год" min={2000} max={2100} style={{ width: 90 }} onPressEnter={(e) => { const y = Number((e.target as HTMLInputElement).value); if (y) { setNewYear(y); setActive(String(y)); } }} />
        </Space>
      )}
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} message={error} data-testid="form-error" />}
      {years.length === 0 ? (
        <Empty />
      ) : (
        <Tabs
          activeKey={active ?? String(years.find((y) => y.year === new Date().getFullYear())?.year ?? years[0].year)}
          onChange={setActive}
          items={years
            .sort((a, b) => a.year - b.year)
            .map((y) => ({
              key: String(y.year),
              label: (
                <Space size={4}>
                  {y.year}
                  {y.status === 'forecast' && <Tag color="orange">прогноз</Tag>}
                </Space>
              ),
              children: <ProductionYearEditor year={y} canEdit={canEdit} />,
            }))}
        />
      )}
    </Space>
  );
}
