import { yearOf, type IsoDate } from '../calendar/dates';
import { missingYearsWarning, type ProductionCalendar } from '../calendar/productionCalendar';

export interface ProductionCalendarWarning {
  year: number;
  kind: 'missing' | 'forecast';
  message: string;
}

const WHERE = 'Администратор загружает или исправляет год в разделе «Администрирование → Производственный календарь».';

/**
 * The loud warning for the current and the next calendar year: deadlines in working days, the
 * school calendar and the reports are only approximate for a year with no data, and may shift for a
 * year known only as a forecast (the government decree on transfers comes out in the autumn).
 */
export function productionCalendarWarnings(cal: ProductionCalendar, today: IsoDate): ProductionCalendarWarning[] {
  const current = yearOf(today);
  const out: ProductionCalendarWarning[] = [];
  for (const year of [current, current + 1]) {
    const data = cal.years.get(year);
    if (!data) {
      out.push({ year, kind: 'missing', message: `${missingYearsWarning(cal, [year]) ?? ''} ${WHERE}`.trim() });
    } else if (data.status === 'forecast') {
      out.push({
        year,
        kind: 'forecast',
        message:
          `Производственный календарь на ${year} год — прогноз: постановление Правительства о переносе выходных дней ` +
          `на ${year} год в программе не учтено, рабочие дни и сроки могут сдвинуться. ${WHERE}`,
      });
    }
  }
  return out;
}
