import { formatRu } from '../calendar/dates';
import { compareRu } from '../names';

/**
 * Subgroups from the plan: how pupils are shared out (by the class list, or by sex for технология) and
 * what needs the завуч's attention after the roster changed.
 */
export interface RosterPupil {
  id: string;
  fullName: string;
  sex: string;
}

export type DistributeBy = 'list' | 'sex';

/**
 * Splits a roster into `groupCount` lists. `list`: alphabetical, consecutive, sizes differ by at most
 * one (the usual «первая половина списка — группа 1»). `sex`: boys in the first group(s), girls in the
 * last — the usual split of «Труд (технология)»; with more groups than sexes, each sex is shared evenly.
 */
export function distributePupils(pupils: readonly RosterPupil[], groupCount: number, by: DistributeBy): string[][] {
  const n = Math.max(1, groupCount);
  const sorted = [...pupils].sort((a, b) => compareRu(a.fullName, b.fullName));
  const chunk = (list: RosterPupil[], parts: number): string[][] => {
    const out: string[][] = Array.from({ length: parts }, () => []);
    list.forEach((p, i) => out[Math.min(parts - 1, Math.floor((i * parts) / list.length))].push(p.id));
    return out;
  };
  if (by === 'list' || n === 1) return chunk(sorted, n);
  const boys = sorted.filter((p) => p.sex === 'М');
  const girls = sorted.filter((p) => p.sex !== 'М');
  if (boys.length === 0 || girls.length === 0) return chunk(sorted, n);
  const boyGroups = Math.max(1, Math.min(n - 1, Math.round((n * boys.length) / sorted.length)));
  return [...chunk(boys, boyGroups), ...chunk(girls, n - boyGroups)];
}

export interface AttentionPupil {
  pupilId: string;
  fullName: string;
  /** The day they came into the class and the order that brought them, when known. */
  since: string | null;
  cause: string | null;
}

export interface SubgroupState {
  /** Subgroups the plan asks for. */
  required: number;
  /** Subgroups the class has for the subject. */
  existing: number;
  /** Pupils of the class in none of the subject's subgroups. */
  unassigned: AttentionPupil[];
  /** Pupils still in a subgroup though no longer in the class. */
  strays: AttentionPupil[];
}

export function needsAttention(s: SubgroupState): boolean {
  return s.existing < s.required || s.unassigned.length > 0 || s.strays.length > 0;
}

/** One Russian line per problem, for the flags the завуч sees. */
export function describeAttention(className: string, subjectName: string, s: SubgroupState): string[] {
  const out: string[] = [];
  if (s.existing < s.required) out.push(`${className}, «${subjectName}»: по плану ${s.required} подгруппы, создано ${s.existing}`);
  if (s.existing > 0 && s.unassigned.length) {
    out.push(`${className}, «${subjectName}»: не распределены по подгруппам — ${s.unassigned.map((p) => (p.since ? `${p.fullName} (в классе с ${formatRu(p.since)})` : p.fullName)).join(', ')}`);
  }
  if (s.strays.length) out.push(`${className}, «${subjectName}»: в подгруппах числятся выбывшие из класса — ${s.strays.map((p) => p.fullName).join(', ')}`);
  return out;
}
