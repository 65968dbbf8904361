import { Alert, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useHasRight } from '../../components/useSession';
import { useProductionWarningQuery } from './calendarApi';

const ACK_KEY = 'school-office.productionCalendarWarningSeen';

function readAck(): string | null {
  try {
    return window.localStorage.getItem(ACK_KEY);
  } catch {
    return null;
  }
}

/**
 * The loud warning on every page: the current or the next calendar year has no production
 * calendar or only a forecast, so working-day deadlines and the school calendar may be wrong.
 * A missing year cannot be dismissed. A forecast can: someone who has read it should not lose a
 * fifth of every screen to it all year; it comes back as soon as the warning's text changes.
 */
export function ProductionCalendarBanner() {
  const allowed = useHasRight('setup.read');
  const canFix = useHasRight('productionCalendar.edit');
  const { data } = useProductionWarningQuery(undefined, { skip: !allowed, pollingInterval: 3_600_000 });
  const [ack, setAck] = useState<string | null>(readAck);
  const warnings = data?.warnings ?? [];
  if (warnings.length === 0) return null;
  const missing = warnings.some((w) => w.kind === 'missing');
  const fingerprint = warnings.map((w) => `${w.year}:${w.kind}:${w.message}`).join('|');
  if (!missing && ack === fingerprint) return null;
  const dismiss = () => {
    try {
      window.localStorage.setItem(ACK_KEY, fingerprint);
    } catch {
      // Private mode or a full store: hiding for this page view is still what was asked for.
    }
    setAck(fingerprint);
  };
  return (
    <Alert
      role="alert"
      data-testid="production-calendar-banner"
      type={missing ? 'error' : 'warning'}
      showIcon
      banner
      style={{ marginBottom: 16 }}
      closable={missing ? false : { 'aria-label': 'Понятно, скрыть предупреждение', onClose: dismiss }}
      title={missing ? 'Нет производственного календаря' : 'Производственный календарь — только прогноз'}
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
