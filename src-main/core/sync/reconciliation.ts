import type { Reconciliation } from '../../../src-shared/contract/exchange';
import { planYear, pupilsInClassesOn, staffNames } from './repo/planReads';
import { XLSX_MIME, type ExportedFile } from '../../../src-shared/contract/files';
import { fullName } from '../../../src-shared/domain/names';
import { addBodyRow, addHeader, addTitle, newWorkbook } from '../foundation/xlsxSheet';
import { lastAppliedPull, readExchangeFiles } from './repo/exchanges';
import { parseFile } from './pull/parseFiles';
import { classKey } from './pull/planContext';
import { buildPlan } from './pull/plan';
import type { FormatId } from './formats/catalog';
import type { Executor } from '../foundation/executor';
import { schoolToday } from '../foundation/clock';

/**
 * Office vs the last applied pull, side by side: the last pull's files are read again and matched
 * against the database as it is now. What the pull would update differs; what it would create is
 * only in the portal; pupils, staff and classes it does not name are only in the office.
 */
const ENTITY_TITLES = { pupil: 'Обучающийся', parent: 'Родитель', staff: 'Сотрудник', class: 'Класс' } as const;
const KIND_TITLES = { onlyOffice: 'Только в программе', onlyPortal: 'Только в портале', differs: 'Различается' } as const;

export async function buildReconciliation(db: Executor): Promise<Reconciliation> {
  const last = await lastAppliedPull(db);
  if (!last) return { pullId: null, pulledAt: null, rows: [] };
  const today = schoolToday();
  const stored = await readExchangeFiles(db, last.id);
  const files = await Promise.all(stored.map((f) => parseFile(f.id, f.fileName, f.bytes, today, f.formatId as FormatId | null)));
  const plan = await buildPlan(db, files, {}, today, { ops: false });
  const rows: Reconciliation['rows'] = [];
  const seen = { pupil: new Set<string>(), staff: new Set<string>() };
  for (const e of plan.entries) {
    if (e.entity !== 'pupil' && e.entity !== 'parent' && e.entity !== 'staff') continue;
    if (e.recordId && e.entity !== 'parent') seen[e.entity].add(e.recordId);
    if (e.action === 'create') rows.push({ entity: e.entity, label: e.label, kind: 'onlyPortal', field: null, office: null, portal: e.label });
    if (e.action === 'update') for (const c of e.changes) rows.push({ entity: e.entity, label: e.label, kind: 'differs', field: c.label, office: c.old, portal: c.new });
  }
  // What the office changed and kept over the portal's value (an edit not sent yet, a transfer, a parent only here).
  for (const d of plan.sightings.differences) rows.push({ entity: d.kind, label: d.label, kind: 'differs', field: d.fieldLabel, office: d.office, portal: d.portal });
  const year = await planYear(db, schoolToday());
  const hasPupils = files.some((f) => f.formatId && ['pupilsExtended', 'pupilListSimple'].includes(f.formatId));
  const hasStaff = files.some((f) => f.formatId && ['staffExtended', 'staffSimple', 'staffListExport'].includes(f.formatId));
  const counts = new Map<string, { name: string; n: number }>();
  if (year) {
    const members = await pupilsInClassesOn(db, year.id, today);
    for (const m of members) {
      const c = counts.get(classKey(m.name)) ?? { name: m.name, n: 0 };
      c.n++;
      counts.set(classKey(m.name), c);
      if (hasPupils && !seen.pupil.has(m.id)) rows.push({ entity: 'pupil', label: `${fullName(m)}, ${m.name}`, kind: 'onlyOffice', field: null, office: `${fullName(m)}, ${m.name}`, portal: null });
    }
  }
  if (hasStaff) {
    const staff = await staffNames(db);
    for (const s of staff) if (!s.dismissalDate && !seen.staff.has(s.id)) rows.push({ entity: 'staff', label: fullName(s), kind: 'onlyOffice', field: null, office: fullName(s), portal: null });
  }
  for (const f of files) {
    if (!f.exportCm) continue;
    const portalClasses = new Set<string>();
    for (const c of f.exportCm.classes) {
      portalClasses.add(classKey(c.name));
      const office = counts.get(classKey(c.name));
      if (c.studcnt !== null && (office?.n ?? 0) !== c.studcnt) rows.push({ entity: 'class', label: c.name, kind: 'differs', field: 'Обучающихся', office: String(office?.n ?? 0), portal: String(c.studcnt) });
    }
    for (const [k, c] of counts) if (!portalClasses.has(k)) rows.push({ entity: 'class', label: c.name, kind: 'onlyOffice', field: null, office: `${c.n} уч.`, portal: null });
  }
  return { pullId: last.id, pulledAt: last.finishedAt, rows };
}

export async function reconciliationExcel(r: Reconciliation, schoolName: string): Promise<ExportedFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Сверка с порталом');
  addTitle(ws, [`Сверка с порталом «Сетевой город»: ${schoolName}`, r.pulledAt ? `Последняя загрузка из портала: ${r.pulledAt.slice(0, 10).split('-').reverse().join('.')}; сформировано ${schoolToday().split('-').reverse().join('.')}` : 'Загрузок из портала ещё не было'], 6);
  addHeader(ws, ['Что', 'Запись', 'Расхождение', 'Поле', 'В программе', 'В портале'], [14, 44, 20, 24, 36, 36]);
  for (const row of r.rows) addBodyRow(ws, [ENTITY_TITLES[row.entity], row.label, KIND_TITLES[row.kind], row.field, row.office, row.portal]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `Сверка с порталом ${schoolToday().split('-').reverse().join('.')}.xlsx`, mimeType: XLSX_MIME, contentBase64: buf.toString('base64'), rows: r.rows.length };
}
