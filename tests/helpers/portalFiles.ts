import iconv from 'iconv-lite';
import { generatePeopleDetails, type DemoPeople } from '../../src-main/core/demo/demoPeople';
import { generateSchool, type DemoSchool } from '../../src-main/core/demo/generateSchool';
import type { ColumnDef, FieldValues } from '../../src-main/core/sync/formats/columns';
import { FORMATS } from '../../src-main/core/sync/formats/catalog';
import { writeExportCm, type CmCsg, type ExportCm } from '../../src-main/core/sync/formats/exportCm';
import { printCell } from '../../src-main/core/sync/formats/values';
import { writeCsv } from '../../src-main/core/sync/formats/writeCsv';

/**
 * Portal export files made from the generated demo school (never real people), in the shapes the
 * portal writes them (`formats/netschool.md` §1.6, §2.1, §3.1): the pupil list as an HTML table
 * sent as `.xls` in Windows-1251 with its two-level header, ExportCM.nsxml, the staff list in the
 * extended staff layout, the movement book as an HTML table.
 */
export interface DemoPortal {
  school: DemoSchool;
  details: DemoPeople;
}

export function demoPortal(opts: { classesPerGrade?: number; classSize?: number; seed?: number } = {}): DemoPortal {
  const school = generateSchool(opts);
  return { school, details: generatePeopleDetails(school) };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** An HTML table as the portal's `Export*.asp` pages write it, in cp1251. */
export function htmlXls(title: string, filters: string, columns: readonly ColumnDef[], rows: FieldValues[], twoLevel = true): Buffer {
  const n = columns.length;
  const out: string[] = [
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>',
    '<table class="table-print" border="1">',
    `<tr><td colspan="${n}"><b>${esc(title)}</b></td></tr>`,
    `<tr><td colspan="${n}">${esc(filters)}</td></tr>`,
  ];
  if (twoLevel) {
    let top = '<tr>';
    let sub = '<tr>';
    for (let i = 0; i < n; i++) {
      const c = columns[i];
      if (!c.group) {
        top += `<th rowspan="2">${esc(c.caption)}</th>`;
        continue;
      }
      if (i > 0 && columns[i - 1].group === c.group) {
        sub += `<th>${esc(c.caption)}</th>`;
        continue;
      }
      let span = 1;
      while (i + span < n && columns[i + span].group === c.group) span++;
      top += `<th colspan="${span}">${esc(c.group)}</th>`;
      sub += `<th>${esc(c.caption)}</th>`;
    }
    out.push(`${top}</tr>`, `${sub}</tr>`);
  } else {
    out.push(`<tr>${columns.map((c) => `<th>${esc(c.caption)}</th>`).join('')}</tr>`);
  }
  for (const r of rows) out.push(`<tr>${columns.map((c) => `<td>${esc(c.field ? printCell(c.kind ?? 'text', r[c.field] ?? null, { dayPadded: true }) : '')}</td>`).join('')}</tr>`);
  out.push('</table></body></html>');
  return iconv.encode(out.join('\r\n'), 'win1251');
}

const DOC_PREFIX: Record<string, string> = { passport: 'passport', medicalPolicy: 'medicalPolicy' };

function personValues(prefix: string, p: { lastName: string; firstName: string; middleName: string | null; birthDate: string | null; snils: string | null }, details?: { columns: Record<string, unknown>; documents: { type: string; series: string | null; number: string | null; issueDate: string | null; issuer: string | null; issuerCode: string | null }[]; addresses: Record<string, unknown>[] }): FieldValues {
  const v: FieldValues = { [`${prefix}lastName`]: p.lastName, [`${prefix}firstName`]: p.firstName, [`${prefix}middleName`]: p.middleName, [`${prefix}birthDate`]: p.birthDate, [`${prefix}snils`]: p.snils };
  for (const d of details?.documents ?? []) {
    const g = DOC_PREFIX[d.type];
    if (!g) continue;
    v[`${prefix}${g}.series`] = d.series;
    v[`${prefix}${g}.number`] = d.number;
    v[`${prefix}${g}.issueDate`] = d.issueDate;
    v[`${prefix}${g}.issuer`] = d.issuer;
    if (g === 'passport') v[`${prefix}${g}.issuerCode`] = d.issuerCode;
  }
  return v;
}

/** One pupil row of the extended list (§1.6), parents in their blocks. */
export function pupilRow(d: DemoPortal, pupilId: string, n: number): FieldValues {
  const { school, details } = d;
  const p = school.pupils.find((x) => x.id === pupilId)!;
  const cls = school.classes.find((c) => c.id === p.classId)!;
  const det = details.pupils.get(p.id);
  const v: FieldValues = { rowNo: String(n), className: cls.name, sex: p.sex, ...personValues('', p, det as never), citizenship: 'Российская Федерация' };
  const actual = det?.addresses.find((a) => a.kind === 'actual');
  if (actual) for (const f of ['postalCode', 'settlement', 'street', 'house', 'flat'] as const) v[`actual.${f}`] = actual[f];
  if (det?.columns.phoneHome) v.phoneHome = String(det.columns.phoneHome);
  for (const link of school.links.filter((l) => l.pupilId === p.id)) {
    const prefix = link.relation === 'мать' ? 'mother.' : link.relation === 'отец' ? 'father.' : null;
    if (!prefix) continue;
    const parent = school.parents.find((x) => x.id === link.parentId)!;
    Object.assign(v, personValues(prefix, parent), { [`${prefix}relation`]: link.relation });
  }
  return v;
}

/** The portal's «Выгрузка данных» of the pupil list: HTML-xls, 99 columns, cp1251. */
export function pupilExportXls(d: DemoPortal, pupilIds: readonly string[] = d.school.pupils.map((p) => p.id), mutate?: (rows: FieldValues[]) => void): Buffer {
  const rows = pupilIds.map((id, i) => pupilRow(d, id, i + 1));
  mutate?.(rows);
  return htmlXls('Список учащихся', 'Класс: все классы; учебный год 2026/2027', FORMATS.pupilsExtended.columns, rows);
}

/** The simple pupil list with logins (caption-matched export). */
export function pupilListXls(d: DemoPortal, logins: (pupilId: string) => string | null): Buffer {
  const rows = d.school.pupils.map((p, i) => ({ rowNo: String(i + 1), className: d.school.classes.find((c) => c.id === p.classId)!.name, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, sex: p.sex, snils: p.snils, login: logins(p.id) }));
  return htmlXls('Список учащихся', 'Класс: все', FORMATS.pupilListSimple.columns, rows, false);
}

export function staffExportCsv(d: DemoPortal): Buffer {
  const records = d.school.staff.map((s, i) => {
    const det = d.details.staff.get(s.id);
    const v: FieldValues = { rowNo: String(i + 1), lastName: s.lastName, firstName: s.firstName, middleName: s.middleName, sex: s.sex, birthDate: s.birthDate, snils: s.snils, positionMain: s.position, citizenship: 'Российская Федерация' };
    if (det?.columns.personnelNumber) v.personnelNumber = String(det.columns.personnelNumber);
    if (det?.columns.hireDate) v.hire = [String(det.columns.hireDate), String(det.columns.hireOrderNumber ?? '')];
    return { label: `${s.lastName} ${s.firstName}`, values: v };
  });
  const r = writeCsv(FORMATS.staffExtended, records, { header: { schoolName: 'МБОУ «СОШ № 6»', today: '2026-09-01' } });
  if (!r.ok) throw new Error(`demo staff file: ${r.issues[0].message}`);
  return r.bytes;
}

const PRIMARY = [['Русский язык', 'рус', 5], ['Математика', 'мат', 4], ['Окружающий мир', 'окр', 2]] as const;
const SENIOR = [['Русский язык и литература', 'рус-лит', 6], ['Математика', 'мат', 5], ['Английский язык', 'англ', 3], ['История и обществознание', 'ист', 2], ['Физика', 'физ', 2], ['Биология', 'био', 1], ['Информатика', 'инф', 1], ['Физическая культура', 'физ-ра', 2]] as const;

/** ExportCM.nsxml of the demo school: bells, teachers, subjects, rooms, classes and csg with load. */
export function exportCmOf(d: DemoPortal): { data: ExportCm; bytes: Buffer } {
  const { school } = d;
  const tid = (id: string) => String(1000 + school.staff.findIndex((s) => s.id === id));
  const teachers = school.staff.filter((s) => s.subject);
  const subjects = [...new Map([...PRIMARY, ...SENIOR].map(([name, abbr]) => [name, abbr])).entries()].map(([name, abbr], i) => ({ sid: String(200 + i), name, abbr, teacherIds: [] as string[] }));
  const sidOf = (name: string) => subjects.find((s) => s.name === name)!.sid;
  let csg = 5000;
  const classes = school.classes.map((c, ci) => {
    const pupils = school.pupils.filter((p) => p.classId === c.id);
    const list: readonly (readonly [string, string, number])[] = c.grade <= 4 ? PRIMARY : SENIOR;
    const csgs = list.flatMap(([name, , hours]): CmCsg[] => {
      const teacher = c.grade <= 4 ? school.staff.find((s) => s.id === c.classTeacherId)! : teachers.filter((t) => name.startsWith(t.subject!.split(' ')[0]))[ci % 3] ?? null;
      const base = { sid: sidOf(name), studcnt: pupils.length, hrsweek: hours, parentSubjectId: null as string | null };
      if (name === 'Английский язык') {
        return [1, 2].map((g) => ({ ...base, id: String(csg++), tid: teacher ? tid(teacher.id) : null, name: `Иностранный язык/Английский язык/англ.${g} под`, groupId: String(g), studcnt: Math.ceil(pupils.length / 2) }));
      }
      return [{ ...base, id: String(csg++), tid: teacher ? tid(teacher.id) : null, name, groupId: null }];
    });
    return { id: String(100 + ci), name: c.name, grade: c.grade, studcnt: pupils.length, boys: pupils.filter((p) => p.sex === 'М').length, girls: pupils.filter((p) => p.sex === 'Ж').length, csgs };
  });
  const data: ExportCm = {
    lessonTimes: [
      ...['8:30-9:10', '9:20-10:00', '10:20-11:00', '11:20-12:00', '12:10-12:50', '13:00-13:40'].map((t, i) => ({ id: String(i + 1), start: t.split('-')[0], end: t.split('-')[1], shift: 1, number: i + 1 })),
      ...['13:50-14:30', '14:40-15:20', '15:30-16:10'].map((t, i) => ({ id: String(7 + i), start: t.split('-')[0], end: t.split('-')[1], shift: 2, number: i + 1 })),
    ],
    teachers: school.staff.filter((s) => s.subject).map((s) => ({ tid: tid(s.id), lastName: s.lastName, firstName: s.firstName, middleName: s.middleName })),
    subjects,
    rooms: Array.from({ length: 30 }, (_, i) => ({ id: String(300 + i), name: String(101 + i), seats: 30, floor: 1 + Math.floor(i / 10) })),
    classes,
  };
  return { data, bytes: writeExportCm(data) };
}

/** A document of the portal's movement book: one row per pupil, the class the demo school gives them unless named. */
export interface MoveBookDoc {
  type: string;
  subtype?: string | null;
  number: string;
  date: string;
  pupilIds: readonly string[];
  className?: string;
}

/**
 * The movement book export (HTML-xls) with the given documents; `edit` changes the rows before they
 * are written (a broken date, a pupil the portal has and the office does not).
 */
export function movementBookDocsXls(d: DemoPortal, docs: readonly MoveBookDoc[], edit?: (rows: FieldValues[]) => void): Buffer {
  const rows: FieldValues[] = [];
  for (const doc of docs) {
    for (const id of doc.pupilIds) {
      const p = d.school.pupils.find((x) => x.id === id)!;
      const className = doc.className ?? d.school.classes.find((c) => c.id === p.classId)!.name;
      rows.push({ docDate: doc.date, docNumber: doc.number, docType: doc.type, docSubtype: doc.subtype ?? null, lastName: p.lastName, firstName: p.firstName, middleName: p.middleName, birthDate: p.birthDate, className });
    }
  }
  edit?.(rows);
  rows.forEach((r, i) => (r.rowNo = String(i + 1)));
  return htmlXls('Книга движения учащихся', 'Период: 2026/2027', FORMATS.movementBookExport.columns, rows, false);
}

/** The movement book export (HTML-xls): an enrolment document per pupil, numbered from 10-з. */
export function movementBookXls(d: DemoPortal, pupilIds: readonly string[], date = '2026-09-01'): Buffer {
  return movementBookDocsXls(
    d,
    pupilIds.map((id, i) => ({ type: 'Зачисление', subtype: 'Прибыл из другой ОО', number: `${10 + i}-з`, date, pupilIds: [id] })),
  );
}

export function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
