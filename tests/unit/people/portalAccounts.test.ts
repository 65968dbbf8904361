import { describe, expect, it } from 'vitest';
import data from '../../../assets/production-calendar.json';
import { loadProductionCalendar } from '../../../src-shared/domain/calendar';
import { accountDueDate, isOverdue, parsePrintout, portalInitialPassword, workingDaysLeft } from '../../../src-shared/domain/portalAccounts';

const cal = loadProductionCalendar(data);

describe('portal account deadline: 3 working days after the order (work order 3.6)', () => {
  it('counts working days, not calendar days', () => {
    expect(accountDueDate(cal, '2026-09-01')).toBe('2026-09-04'); // Tue → Fri
    expect(accountDueDate(cal, '2026-09-04')).toBe('2026-09-09'); // Fri → Wed
  });
  it('skips public holidays and transferred days off of the production calendar', () => {
    // 31 December 2025 and 1–11 January 2026 are days off: an order of 30 December is due on 14 January.
    expect(accountDueDate(cal, '2025-12-30')).toBe('2026-01-14');
    // 4 November (Unity Day) is a holiday: ordered on Monday 2 November 2026, due Friday 6 November.
    expect(accountDueDate(cal, '2026-11-02')).toBe('2026-11-06');
  });
  it('tells days left and overdue, and a handed-over account is never overdue', () => {
    expect(workingDaysLeft(cal, '2026-09-04', '2026-09-01')).toBe(3);
    expect(workingDaysLeft(cal, '2026-09-04', '2026-09-04')).toBe(0);
    expect(workingDaysLeft(cal, '2026-09-04', '2026-09-08')).toBe(-2);
    expect(isOverdue('created', '2026-09-04', '2026-09-07')).toBe(true);
    expect(isOverdue('created', '2026-09-04', '2026-09-04')).toBe(false);
    expect(isOverdue('handedOver', '2026-09-04', '2026-09-07')).toBe(false);
  });
});

describe("the portal's logins and initial passwords", () => {
  it('builds the initial password from the surname and the import code', () => {
    expect(portalInitialPassword('Смирнова', '4821')).toBe('Смирнова4821');
  });
  it('reads a pasted printout: ФИО in one or three columns, login, optional password; skips headers', () => {
    const text = ['№\tФИО\tЛогин\tПароль', '1\tСмирнов Артём Олегович\tСмирновА\tСмирнов4821', '2;Смирнова;Ольга;Викторовна;мСмирнова', 'мусор'].join('\r\n');
    const { lines, problems } = parsePrintout(text);
    expect(lines).toEqual([
      { line: 2, name: 'Смирнов Артём Олегович', login: 'СмирновА', password: 'Смирнов4821' },
      { line: 3, name: 'Смирнова Ольга Викторовна', login: 'мСмирнова', password: null },
    ]);
    expect(problems).toEqual([{ line: 4, text: 'мусор' }]);
  });
});
