import type { TimetableInstance } from './model';
import { audienceCells } from './audience';

/** Unit-level and cross-unit rules (mostly imported from FET), in index form. */
export interface CompiledRules {
  minDays: { units: Int32Array; minDays: number; weight: number; consecutive: boolean }[];
  unitMinDays: Int32Array[];
  sameStart: { units: Int32Array; weight: number }[];
  unitSameStart: Int32Array[];
  unitEndsDayWeight: Float64Array;
  cellEndsUnits: Int32Array[];
  /** nU × S, 1 = preferred start; only meaningful where unitPreferredWeight > 0. */
  unitPreferred: Uint8Array;
  unitPreferredWeight: Float64Array;
  tagRules: { max: number; weight: number }[];
  /** Per cell / teacher: which tag rules apply and which of its units carry the tag. */
  cellTagRules: { rule: number; units: Int32Array }[][];
  teacherTagRules: { rule: number; units: Int32Array }[][];
}

interface Base {
  D: number;
  P: number;
  S: number;
  nU: number;
  nC: number;
  nT: number;
  classIdx: Map<string, number>;
  classCells: Int32Array[];
  teacherIdx: Map<string, number>;
  lessonFirstUnit: Int32Array;
  unitLesson: Int32Array;
  unitCells: Int32Array[];
  unitTeachers: Int32Array[];
}

export function compileRules(
  inst: TimetableInstance,
  c: Base,
  unitOf: (lessonId: string, index: number) => number,
): CompiledRules {
  const perUnit = (): number[][] => Array.from({ length: c.nU }, () => []);
  const minDays: CompiledRules['minDays'] = [];
  const unitMinDaysArr = perUnit();
  for (const r of inst.minDaysRules ?? []) {
    const units = Int32Array.from(r.units.map((x) => unitOf(x.lessonId, x.index)).filter((u) => u >= 0));
    if (units.length < 2) continue;
    const id = minDays.length;
    minDays.push({ units, minDays: r.minDays, weight: r.weight, consecutive: r.consecutiveIfSameDay ?? false });
    for (const u of units) unitMinDaysArr[u].push(id);
  }
  const sameStart: CompiledRules['sameStart'] = [];
  const unitSameStartArr = perUnit();
  for (const r of inst.sameStartRules ?? []) {
    if (r.weight >= 100) continue;
    const units = Int32Array.from(r.units.map((x) => unitOf(x.lessonId, x.index)).filter((u) => u >= 0));
    if (units.length < 2) continue;
    const id = sameStart.length;
    sameStart.push({ units, weight: r.weight });
    for (const u of units) unitSameStartArr[u].push(id);
  }

  const unitEndsDayWeight = new Float64Array(c.nU);
  const cellEnds: number[][] = Array.from({ length: c.nC }, () => []);
  const unitPreferred = new Uint8Array(c.nU * c.S);
  const unitPreferredWeight = new Float64Array(c.nU);
  inst.lessons.forEach((l, li) => {
    for (let k = 0; k < l.count; k++) {
      const u = c.lessonFirstUnit[li] + k;
      if (l.endsStudentsDay) {
        unitEndsDayWeight[u] = l.endsStudentsDay.weight;
        for (const cell of c.unitCells[u]) cellEnds[cell].push(u);
      }
      if (l.preferredStarts && l.preferredStarts.weight > 0) {
        unitPreferredWeight[u] = l.preferredStarts.weight;
        for (const s of l.preferredStarts.slots) unitPreferred[u * c.S + s.day * c.P + s.period] = 1;
      }
    }
  });

  const tagRules: CompiledRules['tagRules'] = [];
  const cellTagRules: CompiledRules['cellTagRules'] = Array.from({ length: c.nC }, () => []);
  const teacherTagRules: CompiledRules['teacherTagRules'] = Array.from({ length: c.nT }, () => []);
  for (const r of inst.tagMaxPerDayRules ?? []) {
    const id = tagRules.length;
    tagRules.push({ max: r.max, weight: r.weight });
    const tagged = new Set<number>();
    inst.lessons.forEach((l, li) => {
      if (!l.tags?.includes(r.tag)) return;
      for (let k = 0; k < l.count; k++) tagged.add(c.lessonFirstUnit[li] + k);
    });
    if (r.students) {
      const cells = new Set<number>();
      for (const a of r.students) for (const x of audienceCells(inst, c.classIdx, c.classCells, a)) cells.add(x);
      for (const cell of cells) {
        const units = [...tagged].filter((u) => c.unitCells[u].includes(cell));
        if (units.length) cellTagRules[cell].push({ rule: id, units: Int32Array.from(units) });
      }
    }
    for (const tid of r.teacherIds ?? []) {
      const t = c.teacherIdx.get(tid);
      if (t === undefined) continue;
      const units = [...tagged].filter((u) => c.unitTeachers[u].includes(t));
      if (units.length) teacherTagRules[t].push({ rule: id, units: Int32Array.from(units) });
    }
  }

  return {
    minDays,
    unitMinDays: unitMinDaysArr.map((a) => Int32Array.from(a)),
    sameStart,
    unitSameStart: unitSameStartArr.map((a) => Int32Array.from(a)),
    unitEndsDayWeight,
    cellEndsUnits: cellEnds.map((a) => Int32Array.from(a)),
    unitPreferred,
    unitPreferredWeight,
    tagRules,
    cellTagRules,
    teacherTagRules,
  };
}
