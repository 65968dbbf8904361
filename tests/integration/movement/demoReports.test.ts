import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { ARRIVAL_KEYS, DEPARTURE_KEYS, arrivedTotal, leftTotal, reconciles, sumMovement, sumOccupancy } from '../../../src-shared/domain/movement/reportColumns';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';
import { hasTool, sofficeConvert, tempFile } from './readers';

const SOFFICE = hasTool('soffice');

async function workbook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, first: string): (string | number)[] {
  let found: (string | number)[] = [];
  ws.eachRow((row) => {
    const v = row.values as (string | number)[];
    if (v[1] === first) found = v.slice(1);
  });
  return found;
}

describeEachDb('movement reports on the demo year', (kind) => {
  let t: TestCore;
  const school = generateSchool();
  const from = school.year.startDate;
  const to = '2027-05-31';

  beforeAll(async () => {
    t = await createTestCore(kind);
    await writeDemo(t.core.db, school);
  });
  afterAll(async () => t?.cleanup());

  it('reconciles for every class (start + arrived − left = end) and matches «Наполняемость классов» at both ends', async () => {
    const report = await t.client.call('reports.movement', { from, to });
    expect(report.rows).toHaveLength(33);
    expect(report.problems).toEqual([]);
    const atStart = await t.client.call('reports.occupancy', { date: from });
    const atEnd = await t.client.call('reports.occupancy', { date: to });
    for (const row of report.rows) {
      expect(reconciles(row), row.name).toBe(true);
      expect(row.start.length + arrivedTotal(row) - leftTotal(row), row.name).toBe(row.end.length);
      const s = atStart.rows.find((r) => r.classId === row.classId)!;
      const e = atEnd.rows.find((r) => r.classId === row.classId)!;
      expect([...row.start].sort(), `${row.name} at start`).toEqual([...s.cells.total].sort());
      expect([...row.end].sort(), `${row.name} at end`).toEqual([...e.cells.total].sort());
    }
    const total = sumMovement(report.rows);
    expect(total.start.length).toBe(school.pupils.length);
    // The year's real movement: arrivals from other schools, withdrawals by destination, transfers.
    expect(total.arrivals.otherSchool.length).toBe(11);
    expect(total.arrivals.familyEducation.length).toBe(1);
    expect(total.arrivals.reinstate.length).toBe(1);
    expect(total.arrivals.transfer.length).toBe(total.departures.transfer.length);
    expect(total.arrivals.transfer.length).toBeGreaterThan(5);
    expect(total.departures.sameRegion.length).toBe(5);
    expect(total.departures.otherRegion.length).toBe(2);
    expect(total.departures.abroad.length).toBe(1);
    expect(total.departures.college.length).toBe(1);
    expect(total.departures.familyEducation.length).toBe(1);
    expect(total.end.length).toBe(school.pupils.length + 12 + 1 - 10);
    expect(sumOccupancy(atEnd.rows.map((r) => r.cells)).total.length).toBe(total.end.length);
    // Every moved pupil behind a number has a name and the order that moved them.
    for (const e of total.departures.sameRegion) {
      expect(report.pupils[e.pupilId].fullName).toMatch(/\S+ \S+/);
      expect(e.orderNumber).toMatch(/^\d+-в$/);
      expect(e.detail).toContain('В другую ОО региона');
    }
  });

  it('a period inside the year reconciles too, and the start is the roster on its first day', async () => {
    for (const [a, b] of [
      ['2026-10-01', '2026-12-31'],
      ['2027-01-15', '2027-02-10'],
      ['2026-09-01', '2026-09-01'],
    ]) {
      const r = await t.client.call('reports.movement', { from: a, to: b });
      expect(r.problems, `${a}…${b}`).toEqual([]);
      const occ = await t.client.call('reports.occupancy', { date: a });
      expect(sumMovement(r.rows).start.length).toBe(sumOccupancy(occ.rows.map((x) => x.cells)).total.length);
    }
  });

  it('exports «Движение учащихся по школе» with the pupils behind each number on a second sheet; exceljs and LibreOffice read it', async () => {
    const report = await t.client.call('reports.movement', { from, to });
    const file = await t.client.call('reports.movement.export', { from, to });
    expect(file.fileName).toBe('Движение учащихся с 01.09.2026 по 31.05.2027.xlsx');
    const wb = await workbook(file.contentBase64);
    const sheet = wb.getWorksheet('Движение')!;
    const total = rowOf(sheet, 'Итого по школе');
    const sum = sumMovement(report.rows);
    const width = 1 + 1 + ARRIVAL_KEYS.length + 1 + DEPARTURE_KEYS.length + 1 + 1 + 1;
    expect(total).toHaveLength(width);
    expect(total[1]).toBe(sum.start.length);
    expect(total[width - 2]).toBe(sum.end.length);
    expect(total[width - 1]).toBe('да');
    const a5 = rowOf(sheet, '5А');
    const r5 = report.rows.find((r) => r.name === '5А')!;
    expect(a5[1]).toBe(r5.start.length);
    const list = wb.getWorksheet('Обучающиеся')!;
    const lines: string[][] = [];
    list.eachRow((row) => lines.push((row.values as string[]).slice(1).map(String)));
    const sameRegion = lines.filter((l) => l[1] === 'Выбыло: В ОО региона');
    expect(sameRegion).toHaveLength(5);
    expect(lines.filter((l) => l[0] === '5А' && l[1].startsWith('На начало'))).toHaveLength(r5.start.length);
    const audit = await t.core.db.selectFrom('auditLog').select(['action', 'method']).where('method', '=', 'reports.movement.export').execute();
    expect(audit.map((a) => a.action)).toContain('export');

    if (SOFFICE) {
      const { file: xlsx } = tempFile('movement.xlsx', Buffer.from(file.contentBase64, 'base64'));
      const csv = fs.readFileSync(sofficeConvert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76'), 'utf8');
      const line = csv.split('\n').find((l) => l.startsWith('Итого по школе'))!;
      expect(line.split(',')[1]).toBe(String(sum.start.length));
    }
  });

  it('exports «Наполняемость классов» with grade and school totals', async () => {
    const occ = await t.client.call('reports.occupancy', { date: '2026-12-01' });
    const file = await t.client.call('reports.occupancy.export', { date: '2026-12-01' });
    const wb = await workbook(file.contentBase64);
    const ws = wb.getWorksheet('Наполняемость')!;
    const total = rowOf(ws, 'Итого по школе');
    const sum = sumOccupancy(occ.rows.map((r) => r.cells));
    expect(total.slice(2, 5)).toEqual([sum.total.length, sum.boys.length, sum.girls.length]);
    expect(sum.boys.length + sum.girls.length).toBe(sum.total.length);
    const grade1 = rowOf(ws, 'Итого 1 кл.');
    expect(grade1[2]).toBe(occ.rows.filter((r) => r.grade === 1).reduce((n, r) => n + r.cells.total.length, 0));
    expect(rowOf(ws, '7Б')[1]).toBe(occ.rows.find((r) => r.name === '7Б')!.classTeacherName);
  });

  it('counts ОВЗ, boarding and home schooling from the pupil cards, on screen and in Excel', async () => {
    const date = '2026-12-01';
    const before = await t.client.call('reports.occupancy', { date });
    const sevenB = before.rows.find((r) => r.name === '7Б')!;
    // Three more pupils of 7Б move into the boarding house.
    const boarders = sevenB.cells.total.filter((id) => !sevenB.cells.boarding.includes(id)).slice(0, 3);
    expect(boarders).toHaveLength(3);
    await t.core.db.updateTable('pupil').set({ boarding: 1 }).where('id', 'in', boarders).execute();
    const occ = await t.client.call('reports.occupancy', { date });
    const flagged = async (column: 'hasOvz' | 'homeSchooling' | 'boarding') =>
      (await t.core.db.selectFrom('pupil').select('id').where(column, '=', 1).execute()).map((p) => p.id);
    const everyone = occ.rows.flatMap((r) => r.cells.total);
    const school = sumOccupancy(occ.rows.map((r) => r.cells));
    const ovz = (await flagged('hasOvz')).filter((id) => everyone.includes(id));
    const home = (await flagged('homeSchooling')).filter((id) => everyone.includes(id));
    const board = (await flagged('boarding')).filter((id) => everyone.includes(id));
    expect(ovz.length).toBeGreaterThan(0);
    expect(home.length).toBeGreaterThan(0);
    expect([...school.ovz].sort()).toEqual([...ovz].sort());
    expect([...school.homeSchooling].sort()).toEqual([...home].sort());
    expect([...school.boarding].sort()).toEqual([...board].sort());
    const sevenBNow = occ.rows.find((r) => r.name === '7Б')!.cells.boarding;
    expect([...sevenBNow].sort()).toEqual([...sevenB.cells.boarding, ...boarders].sort());

    const wb = await workbook((await t.client.call('reports.occupancy.export', { date })).contentBase64);
    const totals = rowOf(wb.getWorksheet('Наполняемость')!, 'Итого по школе');
    expect(totals.slice(5, 8)).toEqual([ovz.length, board.length, home.length]);
    expect(rowOf(wb.getWorksheet('Наполняемость')!, '7Б')[6]).toBe(sevenBNow.length);
    const list: string[][] = [];
    wb.getWorksheet('Обучающиеся')!.eachRow((row) => list.push((row.values as string[]).slice(1).map(String)));
    const boarderName = occ.pupils[boarders[0]].fullName;
    expect(list.find((l) => l[0] === '7Б' && l[2] === boarderName)?.[6]).toBe('да');
    await t.core.db.updateTable('pupil').set({ boarding: 0 }).where('id', 'in', boarders).execute();
  });

  it('keeps the book: every item of the demo orders, with numbers and alphabet-book entries for all', async () => {
    const book = await t.client.call('movement.book.list', {});
    expect(book.length).toBe(school.movement.orders.reduce((n, o) => n + o.items.length, 0));
    expect(book.every((b) => b.status === 'signed' && b.orderNumber)).toBe(true);
    const alphabet = await t.client.call('movement.alphabet.list', {});
    expect(alphabet).toHaveLength(school.pupils.length + 12);
    expect(new Set(alphabet.map((a) => a.personalFileNumber)).size).toBe(alphabet.length);
    const orders = await t.client.call('movement.orders.list', {});
    expect(orders).toHaveLength(school.movement.orders.length);
    expect(orders.every((o) => o.status === 'signed')).toBe(true);
    const xlsx = await t.client.call('movement.book.export', {});
    expect(xlsx.rows).toBe(book.length);
    const orderBook = await t.client.call('movement.orders.exportBook', {});
    const wb = await workbook(orderBook.contentBase64);
    expect(wb.getWorksheet('Книга приказов')!.rowCount).toBeGreaterThan(orders.length);
  });
});
