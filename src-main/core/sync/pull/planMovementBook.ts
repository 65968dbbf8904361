import { issueAt } from '../formats/records';
import { personLabel } from './peopleIndex';
import type { PeopleState } from './planPeople';
import type { ParsedFile } from './planTypes';

/** The portal's movement-book export (§3.1 ExportMoveBook): the history of orders as far as it can be read. */

export function enrolDates(files: readonly ParsedFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    if (f.formatId !== 'movementBookExport') continue;
    for (const r of f.records) {
      const type = String(r.values.docType ?? '').toLowerCase();
      if (!type.startsWith('зачисл') || !r.values.docDate) continue;
      out.set(personLabel({ lastName: String(r.values.lastName ?? ''), firstName: String(r.values.firstName ?? ''), middleName: (r.values.middleName as string | null) ?? null, birthDate: (r.values.birthDate as string | null) ?? null }), String(r.values.docDate));
    }
  }
  return out;
}

/** Movement-book documents: read for enrolment dates and listed; orders are not re-created. */
export function planMovementBook(st: PeopleState, f: ParsedFile): void {
  for (const r of f.records) {
    const v = r.values;
    const label = `${String(v.docType ?? '')} № ${String(v.docNumber ?? '—')} от ${String(v.docDate ?? '').split('-').reverse().join('.')}: ${personLabel({ lastName: String(v.lastName ?? ''), firstName: String(v.firstName ?? ''), middleName: (v.middleName as string | null) ?? null, birthDate: (v.birthDate as string | null) ?? null })}${v.className ? `, ${String(v.className)}` : ''}`;
    const errors = r.issues.filter((i) => i.severity === 'error');
    const match = errors.length ? null : st.ctx.pupils.match({ portalId: null, snils: null, lastName: String(v.lastName), firstName: String(v.firstName), middleName: (v.middleName as string | null) ?? null, birthDate: (v.birthDate as string | null) ?? null });
    const found = match?.kind === 'match' ? match.person : null;
    st.entries.push({
      key: `${f.id}:${r.row}:movementDoc`,
      fileName: f.fileName,
      row: r.row,
      entity: 'movementDoc',
      action: errors.length ? 'rejected' : 'unchanged',
      label,
      recordId: found?.id ?? null,
      matchedBy: found ? 'fio' : null,
      changes: [],
      issues: errors.length ? r.issues : found ? [] : [issueAt(r.row, null, 'обучающийся не найден в программе: документ только прочитан', 'warning')],
      candidates: [],
    });
  }
}
