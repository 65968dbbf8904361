import type { CompareChange } from '../../../src-shared/contract/timetableEdit';
import { XLSX_MIME, type ExportedFile } from '../../../src-shared/contract/files';
import type { LessonOut, PlacementOut } from '../../../src-shared/contract/timetableFields';
import { compareRu } from '../../../src-shared/domain/names';
import { AppError } from '../../../src-shared/errors';
import type { HandlerContext } from '../foundation/context';
import { schoolToday } from '../foundation/clock';
import { getSchoolCard } from '../schoolSetup/index';
import type { PrintTable } from './exports/printModel';
import { timetablePdf } from './exports/timetablePdf';
import { timetableWorkbook } from './exports/timetableXlsx';
import { placeText } from './placeText';
import { visibleVersion } from './versionQueries';
import { loadVersion, type LoadedVersion } from './versionStore';
import { formatRuDate as dmy } from '../../../src-shared/domain/ruDate';

/**
 * Two versions side by side (issue 16, part 4): lessons are matched by their key (subject, part,
 * audiences, duration — stable across copies and regenerations) and occurrence; each difference
 * says what happened (moved, another room, another teacher, added, removed), for which classes and
 * teachers, from where to where. The notice-board sheet «Изменения в расписании с …» prints them by
 * class.
 */


function teachersOf(v: LoadedVersion, l: LessonOut): string {
  return l.teacherIds.map((t) => v.labels.teachers.find((x) => x.id === t)?.shortName ?? '').filter(Boolean).join(', ');
}

export function compareLoaded(a: LoadedVersion, b: LoadedVersion): CompareChange[] {
  const occ = (v: LoadedVersion) => {
    const placed = new Map(v.placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
    const out = new Map<string, { l: LessonOut; p: PlacementOut | undefined }>();
    for (const l of v.lessons) for (let k = 0; k < l.count; k++) out.set(`${l.key}#${k}`, { l, p: placed.get(`${l.id}:${k}`) });
    return out;
  };
  const from = occ(a);
  const to = occ(b);
  const out: CompareChange[] = [];
  for (const key of new Set([...from.keys(), ...to.keys()])) {
    const x = from.get(key);
    const y = to.get(key);
    const l = (y ?? x)!.l;
    const v = y ? b : a;
    const pa = x?.p;
    const pb = y?.p;
    let kind: CompareChange['kind'] | null = null;
    if (pa && !pb) kind = 'removed';
    else if (!pa && pb) kind = 'added';
    else if (pa && pb && (pa.day !== pb.day || pa.period !== pb.period)) kind = 'moved';
    else if (pa && pb && x && y && x.l.teacherIds.join() !== y.l.teacherIds.join()) kind = 'teacher';
    else if (pa && pb && (pa.roomId ?? null) !== (pb.roomId ?? null)) kind = 'room';
    if (!kind) continue;
    const subject = v.labels.subjects.find((s) => s.id === l.subjectId)?.name ?? 'урок';
    const classes = l.audiences.map((au) => au.label).join(', ');
    const teacherFrom = x ? teachersOf(a, x.l) : '';
    const teacherTo = y ? teachersOf(b, y.l) : '';
    out.push({
      lesson: `${subject} (${classes})`,
      subject,
      classIds: l.audiences.map((au) => au.classId),
      classes,
      teachers: kind === 'teacher' ? `${teacherFrom} → ${teacherTo}` : teacherTo || teacherFrom,
      kind,
      fromText: placeText(a, pa, '—'),
      toText: placeText(b, pb, '—'),
      day: pb?.day ?? pa?.day ?? null,
    });
  }
  return out.sort((p, q) => compareRu(p.classes, q.classes) || (p.day ?? 9) - (q.day ?? 9) || compareRu(p.subject, q.subject));
}

async function bothVersions(ctx: HandlerContext, fromId: string, toId: string) {
  if (fromId === toId) throw new AppError('VALIDATION', 'Выберите две разные версии расписания для сравнения');
  const [ra, rb] = [await visibleVersion(ctx, fromId), await visibleVersion(ctx, toId)];
  if (ra.academicYearId !== rb.academicYearId) throw new AppError('VALIDATION', `Версии «${ra.name}» и «${rb.name}» — разных учебных лет, сравнивать их нечего`);
  return [await loadVersion(ctx.core.db, ra.id, ra), await loadVersion(ctx.core.db, rb.id, rb)] as const;
}

export async function compareVersions(ctx: HandlerContext, input: { fromId: string; toId: string }) {
  const [a, b] = await bothVersions(ctx, input.fromId, input.toId);
  return { from: a.row.name, to: b.row.name, changes: compareLoaded(a, b) };
}

const KIND_RU: Record<CompareChange['kind'], string> = { moved: 'перенос', room: 'другой кабинет', teacher: 'другой учитель', added: 'новый урок', removed: 'урок снят' };

export async function changesSheet(ctx: HandlerContext, input: { fromId: string; toId: string; from: string; format: 'xlsx' | 'pdf'; paper: 'A4' | 'A3' }): Promise<ExportedFile> {
  const [a, b] = await bothVersions(ctx, input.fromId, input.toId);
  const changes = compareLoaded(a, b);
  if (changes.length === 0) throw new AppError('VALIDATION', `Версии «${a.row.name}» и «${b.row.name}» не отличаются — печатать нечего`);
  const card = await getSchoolCard(ctx);
  const school = card.card?.fullName ?? card.card?.shortName ?? 'Образовательная организация';
  const title = `Изменения в расписании с ${dmy(input.from)}`;
  const table: PrintTable = {
    name: 'Изменения',
    title: [school, title, `«${b.row.name}» взамен «${a.row.name}» · напечатано ${dmy(schoolToday())}`],
    header: ['Класс', 'Предмет', 'Учитель', 'Изменение', 'Было', 'Стало'],
    labelColumns: 1,
    rows: changes.map((c) => [c.classes, c.subject, c.teachers, KIND_RU[c.kind], c.fromText, c.toText]),
    dayStarts: changes.map((c, i) => (i > 0 && changes[i - 1].classes !== c.classes ? i : -1)).filter((i) => i > 0),
    widths: [10, 22, 22, 14, 18, 18],
    wide: false,
  };
  const content = input.format === 'xlsx' ? await timetableWorkbook([table], input.paper) : await timetablePdf([table], input.paper, title);
  await ctx.audit.record(ctx.core.db, { entity: 'timetableVersion', recordId: b.row.id, action: 'export', changes: { kind: 'changes', from: input.from, versions: `${a.row.name} → ${b.row.name}`, rows: changes.length } });
  return { fileName: `${title} — ${b.row.name}.${input.format}`.replace(/[\\/:*?"<>|]/g, '_'), mimeType: input.format === 'xlsx' ? XLSX_MIME : 'application/pdf', contentBase64: content.toString('base64'), rows: changes.length };
}
