import { XLSX_MIME, type ExportedFile } from '../../../../src-shared/contract/files';
import { EXPORT_KIND_LABEL, type EXPORT_KINDS } from '../../../../src-shared/contract/timetableFields';
import { AppError } from '../../../../src-shared/errors';
import { schoolToday } from '../../foundation/clock';
import type { HandlerContext } from '../../foundation/context';
import { getSchoolCard } from '../../schoolSetup/index';
import { evaluateLoaded, figuresOf } from '../evaluation';
import { forbiddenWhole, timetableScope, type TimetableScope } from '../scope';
import { visibleVersion } from '../versionQueries';
import { availabilityMap, loadVersion, type LoadedVersion } from '../versionStore';
import { scopeLessons } from '../versionView';
import { classTables, masterTables, passportTable, roomTables, teacherTables, type PrintContext, type PrintTable } from './printModel';
import { weekMarks } from '../substitutions/weekMarks';
import { timetablePdf } from './timetablePdf';
import { timetableWorkbook } from './timetableXlsx';

/**
 * «Печать и Excel»: per class, teacher or room, the master timetable and the SanPiN passports of a
 * version, as Excel or PDF. A class teacher prints their class, a teacher their own timetable; the
 * whole school needs «Расписание всей школы». Every export is audited (teacher names are personal data).
 */

type Kind = (typeof EXPORT_KINDS)[number];

const dmyShort = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
const dmyFull = (iso: string): string => `${dmyShort(iso)}.${iso.slice(0, 4)}`;

function refuseOthers(asked: readonly string[] | undefined, allowed: ReadonlySet<string>, what: string): string[] {
  if (!asked) return [...allowed];
  const outside = asked.filter((id) => !allowed.has(id));
  if (outside.length) throw new AppError('FORBIDDEN', `Недостаточно прав: ${what} — не ваши. Классный руководитель печатает расписание своего класса, учитель — своё.`);
  return [...asked];
}

function idsFor(kind: Kind, asked: string[] | undefined, v: LoadedVersion, scope: TimetableScope): string[] {
  if (scope.all) {
    if (kind === 'teacher') return asked ?? v.labels.teachers.map((t) => t.id);
    if (kind === 'room') return asked ?? v.labels.rooms.map((r) => r.id);
    return asked ?? v.grid.classes.map((c) => c.id);
  }
  if (kind === 'room' || kind === 'master') throw forbiddenWhole(kind === 'room' ? 'занятость кабинетов' : 'сводное расписание школы');
  if (kind === 'teacher') return refuseOthers(asked, new Set(scope.staffId ? [scope.staffId] : []), 'учителя');
  return refuseOthers(asked, scope.classIds, 'классы');
}

export async function exportTimetable(ctx: HandlerContext, input: { versionId: string; kind: Kind; format: 'xlsx' | 'pdf'; ids?: string[]; paper: 'A4' | 'A3'; date?: string }): Promise<ExportedFile> {
  const db = ctx.core.db;
  const row = await visibleVersion(ctx, input.versionId);
  const full = await loadVersion(db, row.id, row);
  const scope = await timetableScope(ctx);
  const v: LoadedVersion = { ...full, ...scopeLessons(full, scope) };
  const ids = idsFor(input.kind, input.ids, v, scope);
  const card = await getSchoolCard(ctx);
  const p: PrintContext = { v, schoolName: card.card?.fullName ?? card.card?.shortName ?? 'Образовательная организация', printedOn: schoolToday() };
  // Substitutions are read with «Расписание всей школы» only (timetable.subs.week); others print the plain week.
  if (input.date && scope.all && (input.kind === 'class' || input.kind === 'teacher')) {
    const w = await weekMarks(db, row.id, input.date);
    p.marks = { byOccurrence: new Map(w.marks.map((m) => [`${m.lessonId}:${m.index}`, `${dmyShort(m.date)}: ${m.text}`])), title: `С заменами на неделю ${dmyFull(w.from)} – ${dmyFull(w.to)}` };
  }
  let tables: PrintTable[];
  if (input.kind === 'class') tables = classTables(p, ids);
  else if (input.kind === 'teacher') tables = teacherTables(p, ids);
  else if (input.kind === 'room') tables = roomTables(p, ids);
  else if (input.kind === 'master') tables = masterTables(p);
  else tables = [passportTable(p, figuresOf(full, evaluateLoaded(full, await availabilityMap(db, row.academicYearId)), scope), ids)];
  if (tables.length === 0) throw new AppError('VALIDATION', `Нечего печатать: в версии «${row.name}» нет выбранных записей.`);
  const label = EXPORT_KIND_LABEL[input.kind];
  const single = tables.length === 1 && input.kind !== 'master' && input.kind !== 'passport' ? ` ${tables[0].name}` : '';
  const base = `${label}${single} — ${row.name}`.replace(/[\\/:*?"<>|]/g, '_');
  const content = input.format === 'xlsx' ? await timetableWorkbook(tables, input.paper) : await timetablePdf(tables, input.paper, `${label} — ${row.name}`);
  await ctx.audit.record(db, {
    entity: 'timetableVersion',
    recordId: row.id,
    action: 'export',
    changes: { kind: input.kind, format: input.format, paper: input.paper, tables: tables.length, version: row.name, ...(p.marks ? { substitutionsWeek: p.marks.title } : {}) },
  });
  return { fileName: `${base}.${input.format}`, mimeType: input.format === 'xlsx' ? XLSX_MIME : 'application/pdf', contentBase64: content.toString('base64'), rows: tables.length };
}
