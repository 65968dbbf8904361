import type { PersonKind } from '../../../../src-shared/domain/personRules';

/**
 * What a pull finds the portal lacks: a field whose office value was kept over the portal's (an
 * office edit not yet in the portal), a pupil the office moved to another class, a parent link only
 * the office has. Apply records them per person (`portal_seen`) with everyone the pull found, so the
 * outbox and the reconciliation keep listing them until the portal has them — whatever the order
 * of edits and pulls. The reconciliation lists them too.
 */
export interface Difference {
  kind: PersonKind;
  /** The person's record (a planned id is resolved by apply). */
  id: string;
  /** Who, for the reconciliation: «Иванов Иван Иванович, 15.03.2015». */
  label: string;
  /** Card field, or `class` / `parents`. */
  field: string;
  fieldLabel: string;
  office: string | null;
  portal: string | null;
  /** When the office made the change, if known. */
  at: string | null;
}

/** People a pull found in the portal's files (matched or created), and the differences it kept. */
export interface Sightings {
  seen: Map<string, { kind: PersonKind; id: string }>;
  differences: Difference[];
}

export function newSightings(): Sightings {
  return { seen: new Map(), differences: [] };
}

export function sawPerson(s: Sightings, kind: PersonKind, id: string): void {
  const key = `${kind}|${id}`;
  if (!s.seen.has(key)) s.seen.set(key, { kind, id });
}

export function noteDifference(s: Sightings, d: Difference): void {
  s.differences.push(d);
}

/** The `portal_seen.differs` of each person: field → office, portal and when. */
export function differsByPerson(differences: readonly Difference[]): Map<string, Record<string, { office: string | null; portal: string | null; at: string | null; label: string }>> {
  const out = new Map<string, Record<string, { office: string | null; portal: string | null; at: string | null; label: string }>>();
  for (const d of differences) {
    const key = `${d.kind}|${d.id}`;
    const cur = out.get(key) ?? {};
    const had = cur[d.field];
    // Two parent links of one pupil: both go into the one «parents» difference.
    cur[d.field] = had ? { ...had, office: [had.office, d.office].filter(Boolean).join('; ') || null, portal: [had.portal, d.portal].filter(Boolean).join('; ') || null } : { office: d.office, portal: d.portal, at: d.at, label: d.fieldLabel };
    out.set(key, cur);
  }
  return out;
}
