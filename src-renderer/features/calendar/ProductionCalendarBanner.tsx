import { Alert, Button, Space } from 'antd';
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
 * One line at 1366×768 (issue 24): the years it is about, and «Подробнее» for the full text.
 */
export function ProductionCalendarBanner() {
  const allowed = useHasRight('setup.read');
  const canFix = useHasRight('productionCalendar.edit');
  const { data } = useProductionWarningQuery(undefined, { skip: !allowed, pollingInterval: 3_600_000 });
  const [ack, setAck] = useState<string | null>(readAck);
  const [open, setOpen] = useState(false);
  const warnings = data?.warnings ?? [];
  if (warnings.length === 0) return null;
  const missing = warnings.some((w) => w.kind === 'missing');
  const fingerprint = warnings.map((w) => `${w.year}:${w.kind}:${w.message}`).join('|');
  if (!missing && ack === fingerprint) return null;
  const list = [...new Set(warnings.map((w) => w.year))].sort((a, b) => a - b);
  const years = `${list.join(', ')} ${list.length === 1 ? 'год' : 'годы'}`;
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
      style={{ marginBottom: 16, paddingBlock: 6 }}
      closable={missing ? false : { 'aria-label': 'Понятно, скрыть предупреждение', onClose: dismiss }}
      title={
        <span>
          {missing ? 'Нет производственного календаря' : 'Производственный календарь — только прогноз'} на {years}
          {' '}
          <Button type="link" size="small" style={{ paddingInline: 4 }} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Скрыть подробности' : 'Подробнее'}
          </Button>
        </span>
      }
      description={
        open ? (
          <Space orientation="vertical" size={2}>
            {warnings.map((w) => (
              <span key={w.year}>{w.message}</span>
            ))}
            {canFix && <Link to="/admin/production-calendar">Открыть производственный календарь</Link>}
          </Space>
        ) : undefined
      }
    />
  );
}
