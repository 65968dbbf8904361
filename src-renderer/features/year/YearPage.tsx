import type { ReactNode } from 'react';
import { Alert, Empty, Skeleton, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { EventsTab } from '../calendar/EventsTab';
import { HolidaysTab } from '../calendar/HolidaysTab';
import { TransfersTab } from '../calendar/TransfersTab';
import { YearCalendarView } from '../calendar/YearCalendarView';
import { PeriodsTab } from './PeriodsTab';
import { SetupCheckPanel } from './SetupCheckPanel';
import { YearsTab } from './YearsTab';
import { useSelectedYear } from '../../components/useSelectedYear';
import { YearSelect } from '../../components/YearSelect';

/**
 * «Учебный год и календарь»: the years, their study periods, holidays and days off, transfers of
 * school days, events and the year calendar with its Excel export. The tab is in the address, so a
 * link or a reload keeps it.
 */
export function YearPage() {
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'years';
  if (isLoading) return <Skeleton active />;

  const yearTab = (content: (y: NonNullable<typeof year>) => ReactNode) =>
    year ? content(year) : <Empty description="Сначала создайте учебный год на вкладке «Учебные годы»" />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Учебный год и календарь
        </Typography.Title>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
      </Space>
      {year?.isClosed && <Alert type="info" showIcon message={`Учебный год ${year.name} закрыт: его данные только для чтения.`} />}
      {year && <SetupCheckPanel yearId={year.id} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'years', label: 'Учебные годы', children: <YearsTab years={years} loading={isLoading} /> },
          { key: 'periods', label: 'Учебные периоды', children: yearTab((y) => <PeriodsTab year={y} />) },
          { key: 'holidays', label: 'Каникулы и выходные', children: yearTab((y) => <HolidaysTab year={y} />) },
          { key: 'transfers', label: 'Переносы', children: yearTab((y) => <TransfersTab year={y} />) },
          { key: 'events', label: 'Мероприятия', children: yearTab((y) => <EventsTab year={y} />) },
          { key: 'calendar', label: 'Календарь года', children: yearTab((y) => <YearCalendarView year={y} />) },
        ]}
      />
    </Space>
  );
}
