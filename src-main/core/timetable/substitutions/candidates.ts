import type { CandidateOut } from '../../../../src-shared/contract/timetableSubs';

/**
 * Who can take a lesson of an absent teacher (domain/substitutions.md §3), as a pure function so the
 * ranking is tested on hand-made cases. Only teachers free in every period the lesson spans and not
 * absent that day are candidates; they rank by, in order: qualified for the subject by the load,
 * fewest hours already substituted this month (fair spread), already in the building that day (own
 * lessons that day, so no extra trip), already teaching this class, then name.
 */

export interface RankInput {
  subjectId: string;
  classIds: readonly string[];
  /** The periods the lesson occupies that day. */
  periods: readonly number[];
  teachers: readonly { id: string; name: string }[];
  /** Teachers absent that day (never candidates). */
  absent: ReadonlySet<string>;
  /** Periods each teacher is busy that day: own lessons and substitutions already taken. */
  busy: ReadonlyMap<string, ReadonlySet<number>>;
  /** Periods each teacher has own lessons that day (in the building). */
  ownDay: ReadonlyMap<string, ReadonlySet<number>>;
  /** Subjects each teacher teaches by the load. */
  subjectsOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Classes each teacher teaches. */
  classesOf: ReadonlyMap<string, ReadonlySet<string>>;
  /** Hours each teacher has substituted this month. */
  monthHours: ReadonlyMap<string, number>;
}

const collator = new Intl.Collator('ru');

export function rankCandidates(input: RankInput): CandidateOut[] {
  const out: CandidateOut[] = [];
  for (const t of input.teachers) {
    if (input.absent.has(t.id)) continue;
    const busy = input.busy.get(t.id);
    if (busy && input.periods.some((p) => busy.has(p))) continue;
    out.push({
      staffId: t.id,
      name: t.name,
      qualified: input.subjectsOf.get(t.id)?.has(input.subjectId) ?? false,
      monthHours: input.monthHours.get(t.id) ?? 0,
      inBuilding: (input.ownDay.get(t.id)?.size ?? 0) > 0,
      sameClass: input.classIds.some((c) => input.classesOf.get(t.id)?.has(c)),
    });
  }
  const rank = (b: boolean) => (b ? 0 : 1);
  return out.sort(
    (a, b) =>
      rank(a.qualified) - rank(b.qualified) ||
      a.monthHours - b.monthHours ||
      rank(a.inBuilding) - rank(b.inBuilding) ||
      rank(a.sameClass) - rank(b.sameClass) ||
      collator.compare(a.name, b.name),
  );
}
