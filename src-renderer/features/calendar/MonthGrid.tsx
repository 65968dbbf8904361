import { Tooltip } from 'antd';
import type { CalendarDayView } from '../../../src-shared/contract/calendar';
import { weekday } from '../../../src-shared/domain/calendar/dates';
import { WEEKDAY_SHORT } from '../../../src-shared/domain/schoolSetup/bellSchedule';
import { DAY_KIND_LABELS } from '../../../src-shared/domain/schoolSetup/calendarDays';
import { formatDateRu } from '../../components/format';

export const DAY_COLORS: Record<CalendarDayView['kind'], string> = {
  school: '#e9f5e1',
  holiday: '#ffe0b2',
  dayOff: '#d6e4ff',
  federal: '#ffcdd2',
  weekend: '#eeeeee',
  outside: '#ffffff',
};

const MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];

function tooltip(d: CalendarDayView): string {
  const parts = [`${formatDateRu(d.date)} — ${DAY_KIND_LABELS[d.kind]}`];
  if (d.label) parts.push(d.label);
  if (d.worksAs) parts.push(`Уроки по расписанию: ${WEEKDAY_SHORT[d.worksAs - 1]}`);
  for (const e of d.events) parts.push(`• ${e.startTime ? `${e.startTime} ` : ''}${e.title}`);
  return parts.join('\n');
}

/** One month as a Monday-first grid; each day coloured by kind, with transfers and events marked. */
export function MonthGrid({ month, days }: { month: string; days: CalendarDayView[] }) {
  const [y, m] = month.split('-').map(Number);
  const lead = weekday(days[0].date) - 1;
  const cells: (CalendarDayView | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const schoolDays = days.filter((d) => d.kind === 'school').length;
  return (
    <div data-testid={`month-${month}`} style={{ border: '1px solid #e5e5e5', borderRadius: 6, padding: 8, background: '#fff' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontWeight: 600, marginBottom: 4 }}>
        <span>
          {MONTHS[m - 1]} {y}
        </span>
        <span style={{ fontWeight: 400, color: '#666' }}>уч. дней: {schoolDays}</span>
      </div>
      <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', fontSize: 12 }}>
        <thead>
          <tr>
            {WEEKDAY_SHORT.map((w, i) => (
              <th key={w} style={{ fontWeight: 400, color: i >= 5 ? '#c62828' : '#666', padding: 2 }}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, wi) => (
            <tr key={wi}>
              {week.map((d, di) =>
                d ? (
                  <Tooltip key={d.date} title={<span style={{ whiteSpace: 'pre-line' }}>{tooltip(d)}</span>}>
                    <td
                      data-date={d.date}
                      data-kind={d.kind}
                      aria-label={tooltip(d)}
                      style={{
                        background: DAY_COLORS[d.kind],
                        textAlign: 'center',
                        padding: '3px 0',
                        border: '1px solid #fff',
                        color: d.kind === 'outside' ? '#bbb' : undefined,
                        outline: d.worksAs ? '2px solid #1f5fa8' : undefined,
                        outlineOffset: -2,
                        position: 'relative',
                      }}
                    >
                      {Number(d.date.slice(8))}
                      {d.worksAs ? <div style={{ fontSize: 9, lineHeight: 1, color: '#1f5fa8' }}>{WEEKDAY_SHORT[d.worksAs - 1].toLowerCase()}</div> : null}
                      {d.events.length > 0 && <span style={{ position: 'absolute', top: 1, right: 2, width: 5, height: 5, borderRadius: 3, background: '#7b1fa2' }} />}
                    </td>
                  </Tooltip>
                ) : (
                  <td key={`e${di}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
