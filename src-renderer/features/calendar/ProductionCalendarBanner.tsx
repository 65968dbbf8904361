import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import { useHasRight } from '../access/useSession';
import { useProductionWarningQuery } from './calendarApi';

/**
 * The loud warning on every page: the current or the next calendar year has no production
 * calendar or only a forecast, so working-day deadlines and the school calendar may be wrong.
 */
export function ProductionCalendarBanner() {
  const allowed = useHasRight('setup.read');
  const canFix = useHasRight('productionCalendar.edit');
  const { data } = useProductionWarningQuery(undefined, { skip: !allowed, pollingInterval: 3_600_000 });
  const warnings = data?.warnings ?? [];
  if (warnings.length === 0) return null;
  const missing = warnings.some((w) => w.kind === 'missing');
  return (
    <Alert
      role="alert"
      data-testid="production-calendar-banner"
      type={missing ? 'error' : 'warning'}
      showIcon
      banner
      style={{ marginBottom: 16 }}
      message={missing ? 'Нет производственного календаря' : 'Производственный календарь — только прогноз'}
      description={
        <Space orientation="vertical" size={2}>
          {warnings.map((w) => (
            <span key={w.year}>{w.message}</span>
          ))}
          {canFix && <Link to="/admin/production-calendar">Открыть производственный календарь</Link>}
        </Space>
      }
    />
  );
}
