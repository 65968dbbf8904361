import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ColumnDef, FieldValues, FileFormat } from '../../../src-main/core/sync/formats/columns';
import { FORMATS, detectFormat } from '../../../src-main/core/sync/formats/catalog';
import { readRecords } from '../../../src-main/core/sync/formats/records';
import { readTable } from '../../../src-main/core/sync/formats/readTable';
import { writeCsv } from '../../../src-main/core/sync/formats/writeCsv';
import { pupilsExtendedLayout } from '../../../src-main/core/sync/formats/pupilsExtended';

const TODAY = '2026-11-29';
const header = { schoolName: 'МБОУ "СОШ № 6"; г. Барнаул', today: TODAY };

/** A plausible value for every mapped column of a format, by kind. */
function sampleValues(columns: readonly ColumnDef[], n: number): FieldValues {
  const v: FieldValues = {};
  for (const c of columns) {
    if (!c.field) continue;
    switch (c.kind) {
      case 'name':
        v[c.field] = ['Иванов', 'Петрова', 'Сергеевич', 'Ёлкина'][(c.pos + n) % 4];
        break;
      case 'date':
        v[c.field] = `20${String(10 + (n % 9)).padStart(2, '0')}-0${1 + (c.pos % 9)}-0${1 + (n % 9)}`;
        break;
      case 'sex':
        v[c.field] = n % 2 ? 'М' : 'Ж';
        break;
      case 'className':
        v[c.field] = `${1 + (n % 11)}Б`;
        break;
      case 'flag':
        v[c.field] = n % 2 === 0;
        break;
      case 'multi':
        v[c.field] = ['первое', 'второе'];
        break;
      case 'dateWithOrder':
        v[c.field] = ['2015-09-01', `${n}-к`];
        break;
      default:
        v[c.field] = c.field === 'rowNo' ? String(n + 1) : `Значение ${c.pos}-${n}`;
    }
  }
  return v;
}

const WRITTEN: FileFormat[] = [FORMATS.staffSimple, FORMATS.staffExtended, FORMATS.movementSimple, FORMATS.movementWithDocs, FORMATS.pupilsExtended, FORMATS.parentsExtended];

describe.each(WRITTEN.map((f) => [f.id, f] as const))('format %s', (_id, format) => {
  const width = format.columns.length;
  const records = [0, 1, 2].map((n) => ({ label: `Запись ${n + 1}`, values: sampleValues(format.columns, n) }));

  it('writes cp1251, CRLF, N−1 separators on every line, the header lines and д.мм.гггг dates', () => {
    const r = writeCsv(format, records, { header });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = iconv.decode(r.bytes, 'win1251');
    expect(text).toBe(r.text);
    // Every Cyrillic letter is one byte in cp1251, so the file is not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(r.bytes)).toThrow();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines).toHaveLength(format.headerLines + records.length);
    for (const line of lines) {
      const unquoted = line.replace(/"[^"]*"/g, 'Q');
      expect(unquoted.split(';').length - 1).toBe(width - 1);
    }
    const expectedHeader = format.header?.(header, format.columns) ?? [];
    expect(expectedHeader).toHaveLength(format.headerLines);
    if (format.headerLines > 0) expect(lines[0].startsWith(expectedHeader[0][0])).toBe(true);
    if (format.headerLines > 2) expect(lines[format.headerLines - 1].replace(/"[^"]*"/g, 'Q').split(';')[2]).toBe(expectedHeader[format.headerLines - 1][2]);
    const dateCol = format.columns.find((c) => c.kind === 'date' && c.field);
    if (dateCol) {
      const cell = lines[format.headerLines].replace(/"[^"]*"/g, 'Q').split(';')[dateCol.pos - 1];
      expect(cell).toMatch(/^[1-9]\d?\.\d{2}\.\d{4}$/);
      expect(cell).toBe((() => { const [y, m, d] = String(records[0].values[dateCol.field!]).split('-'); return `${Number(d)}.${m}.${y}`; })());
    }
    // The school name holds the separator and a straight quote: quoted, with no `"` inside.
    if (format.headerLines >= 2) expect(lines[1]).toMatch(/^"МБОУ «СОШ № 6»; г\. Барнаул; сформировано|^"МБОУ «СОШ № 6»; г\. Барнаул; выгрузка/);
  });

  it('reads back what it wrote (round trip)', async () => {
    const r = writeCsv(format, records, { header });
    if (!r.ok) throw new Error('not written');
    const table = await readTable(r.bytes);
    expect(table.encoding).toBe('windows-1251');
    expect(detectFormat(table.rows)).toBe(format.id);
    const read = readRecords(format, table.rows, TODAY);
    expect(read.records.map((x) => x.issues)).toEqual([[], [], []]);
    for (const [i, rec] of read.records.entries()) {
      for (const c of format.columns) if (c.field) expect([c.field, rec.values[c.field]]).toEqual([c.field, records[i].values[c.field]]);
    }
  });

  it('reports a Latin first letter and a missing required field before writing, naming record, row and column', () => {
    const bad = records.map((r) => ({ ...r, values: { ...r.values } }));
    const nameCol = format.columns.find((c) => c.kind === 'name' && c.required)!;
    const reqCol = format.columns.find((c) => c.required && c.kind === 'sex')!;
    bad[1].values[nameCol.field!] = 'Ivanov';
    bad[2].values[reqCol.field!] = null;
    const r = writeCsv(format, bad, { header });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ record: 'Запись 2', row: format.headerLines + 2, column: nameCol.pos, message: expect.stringContaining('не с русской буквы') }),
        expect.objectContaining({ record: 'Запись 3', row: format.headerLines + 3, column: reqCol.pos, caption: reqCol.caption, message: 'обязательное поле не заполнено' }),
      ]),
    );
  });
});

describe('writer details', () => {
  it('quotes a name containing the separator and keeps N−1 separators', async () => {
    const values = { ...sampleValues(FORMATS.staffSimple.columns, 0), lastName: 'Иванова,Петрова', comment: 'совместитель, 0,5 ставки' };
    const r = writeCsv(FORMATS.staffSimple, [{ label: 'x', values }], { header, separator: ',' });
    if (!r.ok) throw new Error('not written');
    expect(r.text.startsWith('"Иванова,Петрова",')).toBe(true);
    expect(r.text).toContain(',"совместитель, 0,5 ставки"\r\n');
    const table = await readTable(r.bytes);
    expect(table.separator).toBe(',');
    expect(readRecords(FORMATS.staffSimple, table.rows, TODAY).records[0].values.lastName).toBe('Иванова,Петрова');
  });

  it('refuses characters Windows-1251 cannot hold and requires a named parent\'s birth date', () => {
    const values = { ...sampleValues(FORMATS.movementSimple.columns, 0), comment: 'смайлик 🙂', 'father.birthDate': null };
    const r = writeCsv(FORMATS.movementSimple, [{ label: 'Петров Пётр', values }], { header });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.column}:${i.message}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^15:символы «🙂»/), '10:Отец: указаны данные, но не заполнена дата рождения']));
  });

  it('writes a 4-line header for the batch update and accepts the portal template\'s own header rows', () => {
    const template = [['Список учащихся'], ['Класс: все'], ['№ п/п', 'Класс'], ['', '']];
    const r = writeCsv(FORMATS.pupilsExtended, [{ label: 'x', values: sampleValues(FORMATS.pupilsExtended.columns, 0) }], { header, headerRows: template });
    if (!r.ok) throw new Error('not written');
    const lines = r.text.split('\r\n');
    expect(lines[2].startsWith('№ п/п;Класс;;')).toBe(true);
    expect(lines[2].split(';')).toHaveLength(99);
  });
});

describe('readers', () => {
  const rowsCsv = ['Список', '', '', '', '1;5А;Иванов;Иван;Иванович;01.09.2015;м'].join('\r\n');

  it('reads UTF-8 with and without BOM and cp1251 alike', async () => {
    for (const bytes of [Buffer.from(rowsCsv, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rowsCsv, 'utf8')]), iconv.encode(rowsCsv, 'win1251')]) {
      const t = await readTable(bytes);
      expect(t.rows[4].slice(0, 4)).toEqual(['1', '5А', 'Иванов', 'Иван']);
    }
  });

  it('splits CSV as Excel writes it: quotes spanning lines, doubled quotes, empty last fields', async () => {
    const { splitCsv } = await import('../../../src-main/core/sync/formats/csv');
    expect(splitCsv('a;"b;c";"x ""y"" z"\r\n"line\nbreak";;\r\n;', ';')).toEqual([
      ['a', 'b;c', 'x "y" z'],
      ['line\nbreak', '', ''],
      ['', ''],
    ]);
  });

  it('reads ExportCM.nsxml with a BOM, unknown elements and a single class', async () => {
    const { parseExportCm } = await import('../../../src-main/core/sync/formats/exportCm');
    // Re-saved as UTF-8 with a BOM by an editor that also updated the declaration.
    const xml = '\uFEFF<?xml version="1.0" encoding="utf-8"?><TimeTableExchange><Extra a="1"/><LessonTimes><LessonTime id="1" starttime="8:30" endtime="9:15" sm="1" number="1"/></LessonTimes><teachers><teacher tid="7" firstname="Анна" lastname="Иванова " middlename="Петровна"/></teachers><subjects><subject sid="3" name="Физика &amp; астрономия" abbr="физ"><teacher tid="7"/></subject></subjects><Rooms><room id="9" name="101" seats="30"/></Rooms><Plan><class id="5" name="10А" grade="10" studcnt="25"><csg id="11" tid="7" name="Физика" sid="3" hrsweek="2.0" groupid="" parentsubjectid=""/></class></Plan></TimeTableExchange>';
    expect((await readTable(iconv.encode(xml.slice(1).replace('utf-8', 'windows-1251'), 'win1251'))).container).toBe('xml');
    const r = await readTable(Buffer.from(xml, 'utf8'));
    expect(r.container).toBe('xml');
    const { data, issues } = parseExportCm(r.text!);
    expect(issues).toEqual([]);
    expect(data.unknown).toEqual({ Extra: 1 });
    expect(data.teachers).toEqual([{ tid: '7', lastName: 'Иванова', firstName: 'Анна', middleName: 'Петровна' }]);
    expect(data.subjects[0]).toMatchObject({ name: 'Физика & астрономия', teacherIds: ['7'] });
    expect(data.classes).toEqual([{ id: '5', name: '10А', grade: 10, studcnt: 25, boys: null, girls: null, csgs: [{ id: '11', tid: '7', name: 'Физика', sid: '3', studcnt: null, hrsweek: 2, groupId: null, parentSubjectId: null }] }]);
    expect(data.lessonTimes).toEqual([{ id: '1', start: '8:30', end: '9:15', shift: 1, number: 1 }]);
  });

  it('reads dates written with two-digit years and ISO, and rejects impossible ones', async () => {
    const csv = ['Иванов;Иван;Иванович;М;29.03.69;УЗ;', 'Петров;Пётр;;М;1980-02-30;;', 'Сидоров;Сидор;;Ж;5.1.2001;;'].join('\r\n');
    const t = await readTable(iconv.encode(csv, 'win1251'));
    const r = readRecords(FORMATS.staffSimple, t.rows, TODAY);
    expect(r.records[0].values.birthDate).toBe('1969-03-29');
    expect(r.records[1].issues[0]).toMatchObject({ row: 2, column: 5, columnLetter: 'E', caption: 'Дата рождения', message: 'нет такой даты «1980-02-30»' });
    expect(r.records[2].values.birthDate).toBe('2001-01-05');
  });

  it('reads an HTML table sent as .xls in cp1251, with a two-level header (colspan/rowspan)', async () => {
    const html = `<html><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><body>
      <table class="table-print"><tr><td colspan="4">Список учащихся</td></tr>
      <tr><th rowspan="2">№ п/п</th><th rowspan="2">Класс</th><th colspan="2">Ученик</th></tr>
      <tr><th>Фамилия</th><th>Имя</th></tr>
      <tr><td>1</td><td>5&quot;А&quot;</td><td>Иванов&nbsp;</td><td>Иван</td></tr></table></body></html>`;
    const t = await readTable(iconv.encode(html, 'win1251'));
    expect(t.container).toBe('html');
    expect(t.encoding).toBe('windows-1251');
    expect(t.rows[1]).toEqual(['№ п/п', 'Класс', 'Ученик', '']);
    expect(t.rows[2]).toEqual(['', '', 'Фамилия', 'Имя']);
    expect(t.rows[3]).toEqual(['1', '5"А"', 'Иванов', 'Иван']);
  });

  it('reads a real .xlsx (exceljs) and maps caption-matched columns wherever they are', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['Список учащихся']);
    ws.addRow(['Логин', 'Фамилия', 'Имя', 'Отчество', 'Класс', 'Дата рождения']);
    ws.addRow(['ivanovi', 'Иванов', 'Иван', 'Иванович', '5а', new Date(Date.UTC(2015, 8, 1))]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const t = await readTable(bytes);
    expect(t.container).toBe('xlsx');
    expect(detectFormat(t.rows)).toBe('pupilListSimple');
    const r = readRecords(FORMATS.pupilListSimple, t.rows, TODAY);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ row: 3, issues: [], values: { login: 'ivanovi', lastName: 'Иванов', className: '5А', birthDate: '2015-09-01' } });
  });

  it('knows the batch-update layouts with optional columns switched off', () => {
    expect(pupilsExtendedLayout(99)!.find((c) => c.pos === 99)!.field).toBe('transportProvided');
    expect(pupilsExtendedLayout(98)!.find((c) => c.pos === 85)!.field).toBe('fundingType');
    expect(pupilsExtendedLayout(97)!.find((c) => c.pos === 95)!.field).toBe('hotMeals');
    expect(pupilsExtendedLayout(96)!).toHaveLength(96);
    expect(pupilsExtendedLayout(50)).toBeNull();
  });
});
