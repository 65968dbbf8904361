/**
 * Russian names: the normalised search key (SQLite folds only ASCII and FTS does not fold ё → е,
 * so search runs over a stored key), full-name formatting and sorting with the Russian collation.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  let joined = '';
  for (const p of parts) {
    if (!p || !p.trim()) continue;
    joined = joined === '' ? p : `${joined} ${p}`;
  }
  const lower = joined.toLowerCase();
  // Most names need nothing more: no ё, no runs of spaces, no tabs or line breaks, no edge spaces.
  if (!NEEDS_WORK.test(lower)) return lower;
  return lower.replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

const NEEDS_WORK = /ё|\s\s|[^\S ]|^\s|\s$/;

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}

export function fullName(p: PersonName): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** «Иванова А. С.» */
export function shortName(p: PersonName): string {
  const initials = [p.firstName, p.middleName].filter(Boolean).map((n) => `${(n as string)[0]}.`).join(' ');
  return initials ? `${p.lastName} ${initials}` : p.lastName;
}

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

export function compareRu(a: string, b: string): number {
  return collator.compare(a, b);
}

export function comparePersons(a: PersonName, b: PersonName): number {
  return compareRu(fullName(a), fullName(b));
}
