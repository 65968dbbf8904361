import { PUSH_KIND_TITLES, type ExchangeRow, type PushKind, type PushResult } from '../../../../src-shared/contract/exchange';
import { fullName } from '../../../../src-shared/domain/names';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { AppError } from '../../../../src-shared/errors';
import { openMissingEnrolmentAccountTasks } from '../../movement/index';
import type { HandlerContext } from '../../foundation/context';
import { schoolShortName } from '../../schoolSetup/index';
import { CARD_SPECS, readCards, type StoredCard } from '../../people/index';
import { FORMATS } from '../formats/catalog';
import type { ColumnDef, FieldValues, FileFormat } from '../formats/columns';
import { readRecords } from '../formats/records';
import { readTable } from '../formats/readTable';
import { writeCsv, type WriteRecord } from '../formats/writeCsv';
import { insertExchange, listExchanges, readExchange, setExchangeStatus } from '../repo/exchanges';
import { cardValues } from './cardValues';
import { insertCarried, lastPulledPupilExport, linksOfPupils, relationsOfParents } from '../repo/pushReads';
import { carryToPortal } from '../../accounts/index';
import { buildOutbox, enrolments, KIND_OF_PUSH, pushSelection } from './outbox';
import type { Executor } from '../../foundation/executor';
import { schoolToday } from '../../foundation/clock';

/**
 * Push files for the portal's import screens, built from the outbox: the people a file kind
 * carries, as the portal's format wants them, checked before anything is written. A written file
 * becomes a «ready» exchange listing the people it carried; the portal accounts of new people
 * move to «передано в портал».
 */
const FORMAT_OF: Record<PushKind, FileFormat> = {
  staffSimple: FORMATS.staffSimple,
  staffExtended: FORMATS.staffExtended,
  movementSimple: FORMATS.movementSimple,
  movementWithDocs: FORMATS.movementWithDocs,
  pupilsBatch: FORMATS.pupilsExtended,
  parentsExtended: FORMATS.parentsExtended,
};


async function cardsOf(db: Executor, kind: PersonKind, ids: readonly string[]): Promise<Map<string, StoredCard>> {
  const out = new Map<string, StoredCard>();
  for (let i = 0; i < ids.length; i += 500) for (const [id, c] of await readCards(db, CARD_SPECS[kind], ids.slice(i, i + 500))) out.set(id, c);
  return out;
}

interface Family {
  mother?: { card: StoredCard; relation: string };
  father?: { card: StoredCard; relation: string };
  ids: string[];
}

/**
 * Mother and father of pupils (the movement imports carry one of each; a guardian goes in the
 * mother's or father's block by sex), each with the relation of the link (the batch update's
 * «Степень родства»).
 */
async function parentsOf(db: Executor, pupilIds: readonly string[]): Promise<Map<string, Family>> {
  const links = await linksOfPupils(db, pupilIds);
  const cards = await cardsOf(db, 'parent', [...new Set(links.map((l) => l.parentId))]);
  const out = new Map<string, Family>();
  for (const l of links) {
    const c = cards.get(l.parentId);
    if (!c) continue;
    const cur = out.get(l.pupilId) ?? { ids: [] };
    const slot = l.relation === 'мать' ? 'mother' : l.relation === 'отец' ? 'father' : c.card.sex === 'Ж' ? 'mother' : 'father';
    if (!cur[slot] || l.relation === (slot === 'mother' ? 'мать' : 'отец')) cur[slot] = { card: c, relation: l.relation };
    cur.ids.push(l.parentId);
    out.set(l.pupilId, cur);
  }
  return out;
}

/** Each parent's relation to their children, for the parents' file (several children: the first link's, by name order of relations). */
async function relationsOf(db: Executor, parentIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const l of await relationsOfParents(db, parentIds)) if (!out.has(l.parentId)) out.set(l.parentId, l.relation);
  return out;
}

/** The batch update's template: the header rows and layout of the portal's own last pupil export. */
async function batchTemplate(db: Executor): Promise<{ headerRows: string[][]; columns: readonly ColumnDef[] } | null> {
  const f = await lastPulledPupilExport(db);
  if (!f) return null;
  const table = await readTable(Buffer.from(f.contentBase64, 'base64'));
  const read = readRecords(FORMATS.pupilsExtended, table.rows, schoolToday());
  // The header is written with the columns the template has (optional ones switched off stay off).
  return { headerRows: read.headerRows.slice(-FORMATS.pupilsExtended.headerLines), columns: read.columns };
}

export async function createPush(ctx: HandlerContext, kind: PushKind, personIds: string[] | undefined, separator: ';' | ','): Promise<PushResult> {
  const db = ctx.core.db;
  const personKind = KIND_OF_PUSH[kind];
  const outbox = await buildOutbox(db);
  const wanted = pushSelection(outbox.entries, kind, personIds);
  if (wanted.length === 0) throw new AppError('VALIDATION', `Для файла «${PUSH_KIND_TITLES[kind]}» нет изменений: в исходящих нет ${personKind === 'staff' ? 'сотрудников' : personKind === 'parent' ? 'родителей' : 'обучающихся'}, которых несёт этот файл.`);
  const ids = wanted.map((e) => e.personId);
  // Enrolment orders open the portal-account tasks lazily; open them now so the file can carry them on.
  if (personKind === 'pupil') await ctx.core.db.transaction().execute((trx) => openMissingEnrolmentAccountTasks(ctx, trx, ids));
  const cards = await cardsOf(db, personKind, ids);
  const school = await schoolShortName(db);
  const today = schoolToday();
  const format = FORMAT_OF[kind];
  let template: Awaited<ReturnType<typeof batchTemplate>> = null;
  if (kind === 'pupilsBatch') {
    template = await batchTemplate(db);
    if (!template) throw new AppError('VALIDATION', 'Пакетное обновление строится по шаблону — выгрузке списка учащихся из портала («1. Выгрузка данных», расширенная форма). Сначала загрузите её на вкладке «Загрузка из портала».');
  }
  const enrol = personKind === 'pupil' ? await enrolments(db, ids) : new Map();
  const parents = personKind === 'pupil' ? await parentsOf(db, ids) : new Map<string, Family>();
  const relations = personKind === 'parent' ? await relationsOf(db, ids) : new Map<string, string>();
  const carried: { kind: PersonKind; id: string; label: string; action: string }[] = [];
  const records: WriteRecord[] = [];
  wanted.forEach((e, i) => {
    const stored = cards.get(e.personId);
    if (!stored) return;
    const values: FieldValues = { ...cardValues(personKind, stored.card), rowNo: String(i + 1) };
    if (personKind === 'parent') values.relation = relations.get(e.personId) ?? null;
    if (personKind === 'staff') values.comment = kind === 'staffSimple' ? (values.positionMain as string | null) : null;
    if (personKind === 'pupil') {
      values.className = enrol.get(e.personId)?.className ?? e.className;
      values.comment = null;
      const fam = parents.get(e.personId);
      if (fam?.mother) Object.assign(values, cardValues('parent', fam.mother.card.card, 'mother.'), { 'mother.relation': fam.mother.relation });
      if (fam?.father) Object.assign(values, cardValues('parent', fam.father.card.card, 'father.'), { 'father.relation': fam.father.relation });
      if (kind !== 'pupilsBatch') for (const pid of fam?.ids ?? []) carried.push({ kind: 'parent', id: pid, label: 'родитель', action: 'create' });
    }
    records.push({ label: fullName(stored.card), values });
    carried.push({ kind: personKind, id: e.personId, label: fullName(stored.card), action: e.action });
  });
  const written = writeCsv(format, records, { separator, header: { schoolName: school, today }, ...(template ? { headerRows: template.headerRows, columns: template.columns } : {}) });
  if (!written.ok) return { exchangeId: null, file: null, issues: written.issues, warnings: [] };
  const fileName = `${PUSH_KIND_TITLES[kind].split(' (')[0]} ${today.split('-').reverse().join('.')}.csv`.replace(/[\\/:*?"<>|]/g, '_');
  const exchangeId = await db.transaction().execute(async (trx) => {
    const title = `${PUSH_KIND_TITLES[kind]}: ${records.length} чел.`;
    const { id } = await insertExchange(trx, { direction: 'push', status: 'ready', title, summary: { kind, people: records.length, separator }, createdBy: ctx.caller.user?.name ?? null }, [{ fileName, formatId: format.id, bytes: written.bytes, rows: records.length }]);
    // A person carried twice (a parent of two pupils) is one item, as first carried.
    const firsts = new Map<string, (typeof carried)[number]>();
    for (const c of carried) if (!firsts.has(`${c.kind}|${c.id}`)) firsts.set(`${c.kind}|${c.id}`, c);
    const once = [...firsts.values()];
    await insertCarried(trx, id, once);
    // The account lifecycle: the file carries the person to the portal.
    await carryToPortal(ctx, trx, once, fileName, today);
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: id, action: 'export', changes: { fileName, kind, rows: records.length, people: carried.filter((c) => c.kind === personKind).map((c) => c.id) } });
    return id;
  });
  return { exchangeId, file: { fileName, mimeType: 'text/csv; charset=windows-1251', contentBase64: written.bytes.toString('base64'), rows: records.length }, issues: [], warnings: written.warnings };
}

export async function markImported(ctx: HandlerContext, exchangeId: string, version: number, date: string): Promise<ExchangeRow> {
  await ctx.core.db.transaction().execute(async (trx) => {
    const e = await readExchange(trx, exchangeId);
    if (e.direction !== 'push') throw new AppError('VALIDATION', 'Отметить загрузку в портал можно только у файла для портала.');
    if (e.status !== 'ready') throw new AppError('CONFLICT', 'Этот файл уже отмечен как загруженный в портал.');
    await setExchangeStatus(trx, exchangeId, version, { status: 'imported', summary: { ...e.summary, importedOn: date }, finishedBy: ctx.caller.user?.name ?? null });
    await ctx.audit.record(trx, { entity: 'portalExchange', recordId: exchangeId, action: 'update', changes: { status: ['ready', 'imported'], importedOn: [null, date] } });
  });
  const rows = await listExchanges(ctx.core.db, 500);
  const row = rows.find((r) => r.id === exchangeId);
  if (!row) throw new AppError('NOT_FOUND', 'Обмен не найден.');
  return row;
}
