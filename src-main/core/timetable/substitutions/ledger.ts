import type { LedgerRow } from '../../../../src-shared/contract/timetableSubs';
import type { Executor } from '../../foundation/executor';
import { loadDay, monthOf, newDayCache } from './dayModel';
import { namesOf } from './dayView';
import { absencesBetween, substitutionsBetween, type SubstitutionRow } from './repo/subs';

/**
 * Учёт замещённых уроков (domain/substitutions.md §2): per teacher and month, hours taught for
 * others (paid and unpaid) from the substitution records, and hours missed — every lesson of the
 * approved timetable that fell on a day of the teacher's absence, whatever was decided for it. A
 * closed room («кабинет закрыт») adds nothing: its lessons are taught by their own teachers.
 */

function* datesBetween(from: string, to: string): Generator<string> {
  const d = new Date(`${from}T12:00:00Z`);
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    if (iso > to) return;
    yield iso;
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

export interface Ledger {
  month: string;
  rows: LedgerRow[];
  subs: SubstitutionRow[];
  names: Map<string, string>;
}

export async function monthLedger(db: Executor, month: string): Promise<Ledger> {
  const { from } = monthOf(`${month}-01`);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const [all, absences] = await Promise.all([substitutionsBetween(db, from, last), absencesBetween(db, from, last)]);
  // A closed room's decisions (another room, a move by the lesson's own teacher) are neither missed
  // nor substituted hours.
  const subs = all.filter((s) => !s.closureId);
  const missed = new Map<string, number>();
  const cache = newDayCache();
  const days = new Set<string>();
  for (const a of absences) for (const d of datesBetween(a.dateFrom < from ? from : a.dateFrom, a.dateTo > last ? last : a.dateTo)) days.add(d);
  for (const d of [...days].sort()) {
    const day = await loadDay(db, d, cache);
    for (const x of day.affected) if (x.cause === 'teacher') missed.set(x.absentId, (missed.get(x.absentId) ?? 0) + x.lesson.duration);
  }
  const rows = new Map<string, LedgerRow>();
  const row = (id: string) => {
    const r = rows.get(id) ?? { staffId: id, name: '', substituted: 0, paid: 0, unpaid: 0, missed: 0 };
    rows.set(id, r);
    return r;
  };
  for (const s of subs) {
    if (!s.substituteId) continue;
    const r = row(s.substituteId);
    const h = Number(s.hours);
    r.substituted += h;
    if (Number(s.paid) === 1) r.paid += h;
    else r.unpaid += h;
  }
  for (const [id, h] of missed) row(id).missed += h;
  const names = await namesOf(db, [...rows.keys(), ...subs.map((s) => s.absentStaffId)]);
  for (const r of rows.values()) r.name = names.get(r.staffId) ?? '—';
  return { month, rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru')), subs, names };
}
