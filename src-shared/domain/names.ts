/**
 * Russian names: the normalised search key (SQLite folds only ASCII and FTS does not fold ё → е,
 * so search runs over a stored key), full-name formatting and sorting with the Russian collation.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p && p.trim()))
    .join(' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
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
