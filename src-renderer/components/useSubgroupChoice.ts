import { useEffect, useMemo, useState } from 'react';

/**
 * Who the user has put in which subgroup of one class × subject, against what is saved: the choice
 * (pupil id → subgroup id; absent = in none) starts from the saved members and follows them when they
 * reload; `members` is what the save sends. Used by the class card's table and the curriculum's columns.
 */
export function useSubgroupChoice(groups: readonly { id: string; version: number; members: readonly { pupilId: string }[] }[], pupils: readonly { id: string }[]) {
  const initial = useMemo(() => {
    const m = new Map<string, string>();
    for (const g of groups) for (const p of g.members) m.set(p.pupilId, g.id);
    return m;
  }, [groups]);
  const [choice, setChoice] = useState(initial);
  useEffect(() => setChoice(initial), [initial]);
  const dirty = pupils.some((p) => (choice.get(p.id) ?? '') !== (initial.get(p.id) ?? ''));
  const members = () => groups.map((g) => ({ subgroupId: g.id, version: g.version, pupilIds: pupils.filter((p) => choice.get(p.id) === g.id).map((p) => p.id) }));
  return { choice, setChoice, dirty, members };
}
