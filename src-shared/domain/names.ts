/**
 * Russian names: the normalised search key (SQLite folds only ASCII and FTS does not fold ё → е,
 * so search runs over a stored key), full-name formatting and sorting with the Russian collation.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  let joined = '';
  for (const p of parts) {
    if (!p) continue;
    const k = partKey(p);
    if (k !== '') joined = joined === '' ? k : `${joined} ${k}`;
  }
  return joined;
}

const NEEDS_WORK = /ё|\s\s|[^\S ]|^\s|\s$/;

/**
 * One part of a name, lower case, ё → е, spaces collapsed and trimmed (joining normalised parts
 * with a space gives the same key as normalising the joined name). Parts repeat across a school's
 * lists, so each spelling is normalised once.
 */
const partKeys = new Map<string, string>();

function partKey(p: string): string {
  let k = partKeys.get(p);
  if (k === undefined) {
    const lower = p.toLowerCase();
    // Most names need nothing more: no ё, no runs of spaces, no tabs or line breaks, no edge spaces.
    k = NEEDS_WORK.test(lower) ? lower.replace(/ё/g, 'е').replace(/\s+/g, ' ').trim() : lower;
    if (partKeys.size >= 50_000) partKeys.clear();
    partKeys.set(p, k);
  }
  return k;
}

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
