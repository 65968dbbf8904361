import ExcelJS from 'exceljs';
import { AUDIT_ACTIONS, type AuditFilter, type AuditRow } from '../../../src-shared/contract/audit';
import { XLSX_MIME, type ExportedFile } from '../../../src-shared/contract/files';
import { operationTitle } from '../../../src-shared/contract/operationTitles';
import { entityTitle, fieldChanges, fieldLabel, formatAuditValue, formatDetails, formatFieldValue } from '../../../src-shared/domain/auditLabels';

function localDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function filterLine(f: AuditFilter, userName: string | null): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`период ${f.from ? formatAuditValue(f.from) : '…'} — ${f.to ? formatAuditValue(f.to) : '…'}`);
  if (f.userId) parts.push(`пользователь ${userName ?? f.userId}`);
  if (f.entity) parts.push(`объект «${entityTitle(f.entity)}»`);
  if (f.recordId) parts.push(`запись ${f.recordId}`);
  if (f.action) parts.push(`действие «${AUDIT_ACTIONS[f.action] ?? f.action}»`);
  return parts.length ? `Отбор: ${parts.join(', ')}` : 'Отбор: все записи';
}

/**
 * «Журнал изменений» as a workbook: one line per changed field (old → new), one line for other
 * events with their details. Frozen header and filters, as office people expect of a list.
 */
export async function auditWorkbook(rows: AuditRow[], filter: AuditFilter, generatedBy: string | null): Promise<ExportedFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Школьный офис';
  wb.created = new Date();
  const ws = wb.addWorksheet('Журнал изменений');
  ws.addRow(['Журнал изменений']).font = { bold: true, size: 14 };
  const userName = filter.userId ? (rows.find((r) => r.userId === filter.userId)?.userName ?? null) : null;
  ws.addRow([filterLine(filter, userName)]);
  ws.addRow([`Выгрузил: ${generatedBy ?? '—'}, ${localDateTime(new Date().toISOString())}. Содержит персональные данные (152-ФЗ).`]);
  const header = ws.addRow(['Дата и время', 'Пользователь', 'Действие', 'Объект', 'Запись', 'Поле', 'Было', 'Стало', 'Подробности', 'Основание', 'Операция']);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  const headerRow = header.number;
  let lines = 0;
  for (const r of rows) {
    const base = [
      localDateTime(r.at),
      r.userName ?? '—',
      AUDIT_ACTIONS[r.action] ?? r.action,
      entityTitle(r.entity),
      r.recordName ?? '',
    ];
    const fields = fieldChanges(r.action, r.changes);
    if (fields && fields.length) {
      for (const f of fields) {
        ws.addRow([...base, fieldLabel(r.entity, f.field), formatFieldValue(f.field, f.before, r.entity, r.refs), formatFieldValue(f.field, f.after, r.entity, r.refs), '', r.cause ?? '', operationTitle(r.method)]);
        lines++;
      }
    } else {
      ws.addRow([...base, '', '', '', formatDetails(r.changes, r.refs), r.cause ?? '', operationTitle(r.method)]);
      lines++;
    }
  }
  const widths = [20, 28, 18, 22, 30, 26, 30, 30, 40, 24, 26];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + lines, column: widths.length } };
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = new Date().toISOString().slice(0, 10);
  return { fileName: `Журнал изменений ${stamp}.xlsx`, mimeType: XLSX_MIME, contentBase64: buffer.toString('base64'), rows: rows.length };
}
