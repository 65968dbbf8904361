import type { TimetableInstance } from './model';

/**
 * Blocks: units that must start together — occurrence k of every lesson sharing a parallelKey,
 * and 100 % same-starting-time rules — joined by union-find.
 */
export function buildBlocks(
  inst: TimetableInstance,
  nU: number,
  lessonFirstUnit: Int32Array,
  unitOf: (lessonId: string, index: number) => number,
): { unitBlock: Int32Array; blockUnits: Int32Array[] } {
  // Blocks: union of parallel keys (occurrence k with k) and 100 % same-start rules.
  const parent = Int32Array.from({ length: nU }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byKey = new Map<string, number[]>();
  inst.lessons.forEach((l, li) => {
    if (!l.parallelKey) return;
    const list = byKey.get(l.parallelKey) ?? [];
    list.push(li);
    byKey.set(l.parallelKey, list);
  });
  for (const list of byKey.values()) {
    const first = list[0];
    for (const li of list.slice(1)) {
      const n = Math.min(inst.lessons[first].count, inst.lessons[li].count);
      for (let k = 0; k < n; k++) union(lessonFirstUnit[first] + k, lessonFirstUnit[li] + k);
    }
  }
  for (const rule of inst.sameStartRules ?? []) {
    if (rule.weight < 100) continue;
    const us = rule.units.map((r) => unitOf(r.lessonId, r.index)).filter((u) => u >= 0);
    for (const u of us.slice(1)) union(us[0], u);
  }
  const rootBlock = new Map<number, number>();
  const unitBlock = new Int32Array(nU);
  const blockUnitsArr: number[][] = [];
  for (let u = 0; u < nU; u++) {
    const r = find(u);
    let b = rootBlock.get(r);
    if (b === undefined) {
      b = blockUnitsArr.length;
      rootBlock.set(r, b);
      blockUnitsArr.push([]);
    }
    unitBlock[u] = b;
    blockUnitsArr[b].push(u);
  }
  const blockUnits = blockUnitsArr.map((a) => Int32Array.from(a));
  return { unitBlock, blockUnits };
}

export interface DomainInput {
  S: number;
  nB: number;
  blockUnits: Int32Array[];
  unitLock: Int32Array;
  unitAllowed: Uint8Array;
  unitDur: Int32Array;
  unitTeachers: Int32Array[];
  unitCells: Int32Array[];
  unitRooms: Int32Array[];
  teacherUnavail: Uint8Array;
  cellUnavail: Uint8Array;
  roomUnavail: Uint8Array;
}

/** Hard domain of each block: starts where every unit fits, every teacher/cell is available and a room can exist. */
export function blockDomains(x: DomainInput): Int32Array[] {
  const { S, nB, blockUnits, unitLock, unitAllowed, unitDur, unitTeachers, unitCells, unitRooms, teacherUnavail, cellUnavail, roomUnavail } = x;
  const blockDomain: Int32Array[] = [];
  for (let b = 0; b < nB; b++) {
    const dom: number[] = [];
    let lock = -1;
    for (const u of blockUnits[b]) if (unitLock[u] >= 0) lock = unitLock[u];
    for (let s = 0; s < S; s++) {
      if (lock >= 0 && s !== lock) continue;
      let ok = true;
      for (const u of blockUnits[b]) {
        if (!unitAllowed[u * S + s]) {
          ok = false;
          break;
        }
        for (let q = 0; ok && q < unitDur[u]; q++) {
          const t = s + q;
          for (const te of unitTeachers[u]) if (teacherUnavail[te * S + t]) ok = false;
          for (const c of unitCells[u]) if (cellUnavail[c * S + t]) ok = false;
        }
        if (ok && unitRooms[u].length) {
          let any = false;
          for (const r of unitRooms[u]) {
            let free = true;
            for (let q = 0; q < unitDur[u]; q++) if (roomUnavail[r * S + s + q]) free = false;
            if (free) any = true;
          }
          ok = any;
        }
        if (!ok) break;
      }
      if (ok) dom.push(s);
    }
    blockDomain.push(Int32Array.from(dom));
  }
  return blockDomain;
}
