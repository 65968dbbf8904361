import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { parseExportCm } from '../../../src-main/core/sync/formats/exportCm';
import { readTable } from '../../../src-main/core/sync/formats/readTable';
import { shortenWords } from '../../../src-main/core/sync/formats/shorten';
import { wrongEncoding } from '../../../src-main/core/sync/formats/textCheck';
import { checkXml } from '../../../src-main/core/sync/formats/xmlCheck';
import { cmFacts, cmNotImported } from '../../../src-main/core/sync/pull/cmFacts';
import { damagedExportCm, realisticExportCm } from '../../helpers/exportCmFixture';
import { demoPortal, pupilExportXls, staffExportCsv } from '../../helpers/portalFiles';

const portal = demoPortal();
const cm = realisticExportCm(portal);

/** What readTable refuses a file with: an AppError (the fuzz test relies on it) and its Russian message. */
async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readTable(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    return (e as AppError).message;
  }
  throw new Error('the file was accepted');
}

describe('XML well-formedness', () => {
  it('accepts the realistic export and refuses each damaged copy with the line and the element', async () => {
    expect(checkXml(cm.text)).toBeNull();
    const d = damagedExportCm(cm);
    expect(await refusal(d.cutAtLineEnd)).toMatch(/^строка \d+: файл обрывается: не закрыты <Plan> \(строка \d+\), <TimeTableExchange> \(строка 2\) — файл обрезан или испорчен$/);
    expect(await refusal(d.cutMidTag)).toMatch(/^строка \d+: файл обрывается внутри тега <csg id="\d+"…>$/);
    expect(await refusal(d.unclosedElement)).toMatch(/^строка \d+: элемент <class name="3А"> \(строка \d+\) не закрыт: вместо <\/class> встретился <\/Plan>$/);
    expect(await refusal(d.koi8r)).toMatch(/^файл, похоже, в другой кодировке \(KOI8-R\?\): «[^»]+» там, где, видимо, «[А-Яа-яЁё]+»/);
    expect(await refusal(d.utf8DeclaredCp1251)).toContain('указана кодировка windows-1251, а записан файл в UTF-8');
  });

  it('names what is wrong in small broken files', () => {
    expect(checkXml('<a><b x="1"></a>')).toEqual({ line: 1, message: 'элемент <b> (строка 1) не закрыт: вместо </b> встретился </a>' });
    expect(checkXml('<a>\n<b x="1/>\n</a>')).toMatchObject({ line: 2, message: 'файл обрывается внутри значения атрибута x тега <b…>' });
    expect(checkXml('<a>\n<b x="1/>\n</a>"/>')).toMatchObject({ line: 2, message: 'значение атрибута x в теге <b> не закрыто кавычкой (в нём встретился «<»)' });
    expect(checkXml('<a></a><a/>')).toMatchObject({ message: 'после закрытия корневого элемента начинается ещё один элемент <a>' });
    expect(checkXml('<a></a>хвост')).toMatchObject({ message: 'после закрытия корневого элемента есть ещё текст «хвост»' });
    expect(checkXml('<a><!-- x')).toMatchObject({ message: 'комментарий «<!--» не закрыт до конца файла' });
    expect(checkXml('<a x=1></a>')).toMatchObject({ message: 'значение атрибута x в теге <a> не в кавычках' });
    expect(checkXml('')).toMatchObject({ message: 'в файле нет ни одного элемента XML' });
    expect(checkXml('<?xml version="1.0"?>\r\n<a b="1" c=\'2\'><!-- ok --><![CDATA[<x>]]><b/></a>\r\n')).toBeNull();
  });
});

describe('encoding plausibility', () => {
  it('finds KOI8-R, DOS and double-encoded UTF-8 in portal files, and leaves real ones alone', () => {
    const html = iconv.decode(pupilExportXls(portal), 'win1251');
    const csv = iconv.decode(staffExportCsv(portal), 'win1251');
    for (const text of [html, csv, cm.text]) {
      expect(wrongEncoding(text)).toBeNull();
      expect(wrongEncoding(iconv.decode(iconv.encode(text, 'koi8-r'), 'win1251'))?.encoding).toBe('KOI8-R');
      expect(wrongEncoding(iconv.decode(iconv.encode(text, 'cp866'), 'win1251'))?.encoding).toBe('DOS, CP866');
      expect(wrongEncoding(iconv.decode(Buffer.from(text, 'utf8'), 'win1251'))?.encoding).toBe('UTF-8, прочитанной как Windows-1251');
    }
    // Three staff rows are enough to tell; a file of digits says nothing.
    const rows = 'Иванов;Иван;Иванович;М;29.03.69;УЗ;\r\nПетрова;Анна;Сергеевна;Ж;1.02.1990;У;\r\nСидоров;Пётр;Ильич;М;3.04.1980;У;\r\n';
    expect(wrongEncoding(rows)).toBeNull();
    expect(wrongEncoding(iconv.decode(iconv.encode(rows, 'koi8-r'), 'win1251'))).toMatchObject({ encoding: 'KOI8-R', meant: 'Иванов' });
    expect(wrongEncoding('1;2;3\r\n4;5;6\r\n')).toBeNull();
  });
});

describe('damaged CSV and HTML', () => {
  const csv = staffExportCsv(portal);
  const html = pupilExportXls(portal, portal.school.pupils.slice(0, 40).map((p) => p.id));

  it('refuses a CSV cut mid-line, one with a quote never closed, and one in KOI8-R', async () => {
    const text = iconv.decode(csv, 'win1251');
    const cut = text.slice(0, text.lastIndexOf(';', text.length - 200));
    expect(await refusal(iconv.encode(cut, 'win1251'))).toMatch(/^строка \d+: строка обрывается: в ней \d+ пол(е|я|ей), а в строке выше 48 — файл обрезан/);
    // A quote opened in the last line's first field and never closed.
    const quoted = text.replace(/\r\n([^;\r\n]*);([^\r\n]*)\r\n$/, '\r\n"$1;$2\r\n');
    expect(quoted).not.toBe(text);
    expect(await refusal(iconv.encode(quoted, 'win1251'))).toMatch(/^строка \d+: кавычка « " » открыта и не закрыта до конца файла/);
    expect(await refusal(iconv.encode(text, 'koi8-r'))).toContain('(KOI8-R?)');
    // The whole file still reads.
    expect((await readTable(csv)).rows.length).toBeGreaterThan(40);
  });

  it('refuses an HTML export cut off before </table>, one in KOI8-R and one in UTF-8 declared as windows-1251', async () => {
    const text = iconv.decode(html, 'win1251');
    expect(await refusal(iconv.encode(text.slice(0, Math.floor(text.length * 0.7)), 'win1251'))).toMatch(/таблица не закрыта \(нет «<\/table>»\) — файл обрезан; прочитано строк таблицы: \d+/);
    expect(await refusal(iconv.encode(text, 'koi8-r'))).toContain('(KOI8-R?)');
    expect(await refusal(Buffer.from(text, 'utf8'))).toContain('в заголовке страницы (charset) указана кодировка windows-1251, а записан файл в UTF-8');
    expect(await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toMatch(/^книга Excel \(xlsx\) повреждена и не открывается/);
    expect(await refusal(new Uint8Array())).toBe('файл пустой');
  });
});

describe('ExportCM facts', () => {
  const { data } = parseExportCm(cm.text);
  const facts = cmFacts(data);
  const byName = new Map(data.classes.map((c) => [c.name, c]));

  it('reads shifts and weekdays from the current week and numbers groups by the portal group id', () => {
    for (const c of data.classes) expect(facts.shiftOf.get(c.id)).toBe(cm.facts.secondShift.includes(c.name) ? 2 : 1);
    for (const c of data.classes) expect(facts.daysOf.get(c.id)?.has(6)).toBe(cm.facts.saturday.includes(c.name));
    expect([...facts.shiftDays.get(1)!].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...facts.shiftDays.get(2)!].sort()).toEqual([1, 2, 3, 4, 5]);
    // 2А lists «англ.2 под» first: still group 2.
    for (const name of ['2А', '2Б']) {
      const c = byName.get(name)!;
      const english = c.csgs.filter((g) => g.name.endsWith('под'));
      expect(english.map((g) => [g.name.split('/').pop(), facts.groupNo.get(`${c.id}|${g.id}`)]).sort()).toEqual([['англ.1 под', 1], ['англ.2 под', 2]]);
    }
    // A shared ИУП group: one csg under 10А and 10Б; a single group of a subject is the whole class.
    const project = byName.get('10А')!.csgs.find((g) => g.name === 'Индивидуальный проект/10АБ')!;
    expect(facts.classesOfCsg.get(project.id)!.map((id) => data.classes.find((c) => c.id === id)!.name)).toEqual(['10А', '10Б']);
    expect(facts.groupNo.get(`${byName.get('10Б')!.id}|${project.id}`)).toBe(0);
    const russian = byName.get('10А')!.csgs.find((g) => g.sid === '101')!;
    expect(russian.parentSubjectId).toBe('1');
    expect(facts.groupNo.get(`${byName.get('10А')!.id}|${russian.id}`)).toBe(0);
  });

  it('lists what it does not import, with counts', () => {
    const parts = cmNotImported(data, facts);
    expect(parts.find((p) => p.part.startsWith('Расписание текущей недели'))).toMatchObject({ count: cm.facts.lessons });
    expect(parts.map((p) => p.part)).toEqual(expect.arrayContaining(['Число мальчиков и девочек в классах', 'Число обучающихся в группах (studcnt у csg)', 'Признак «иностранный язык» у предметов (foreign)']));
    expect(parts.every((p) => p.count >= 0 && p.reason.length > 10)).toBe(true);
  });
});

describe('names that must fit a field', () => {
  it('never cuts a word in the middle', () => {
    expect(shortenWords('Основы духовно-нравственной культуры народов России', 40)).toBe('Основы духовн. культуры народов России');
    expect(shortenWords('Математика: алгебра и начала математического анализа, геометрия', 40)).toBe('Математика: алгебра и начала матема.');
    expect(shortenWords('Кабинет информатики 2', 20)).toBe('Кабинет информ. 2');
    expect(shortenWords('Физика', 20)).toBe('Физика');
  });
});
