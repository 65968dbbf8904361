import {
  DEFAULT_HARD_THRESHOLD,
  DEFAULT_WEIGHTS,
  type Limits,
  type SlotRef,
  type SoftWeights,
  type TimetableInstance,
} from './model';
import { compileRules, type CompiledRules } from './compileRules';
import { audienceCells } from './audience';
import { blockDomains, buildBlocks } from './compileBlocks';

/**
 * Typed-array form of an instance. Every index space is dense: teachers, cells (atomic student
 * sets), rooms, classes, units (one occurrence of a lesson) and blocks (units that must start
 * together: parallel groups and 100 % same-starting-time ties).
 */
export interface Compiled extends CompiledRules {
  inst: TimetableInstance;
  D: number;
  P: number;
  S: number;
  weights: SoftWeights;
  hardThreshold: number;
  nT: number;
  nC: number;
  nR: number;
  nK: number;
  nU: number;
  nB: number;
  teacherIdx: Map<string, number>;
  roomIdx: Map<string, number>;
  classIdx: Map<string, number>;
  lessonIdx: Map<string, number>;
  /** First unit of each lesson; units of lesson l are lessonFirstUnit[l] + k. */
  lessonFirstUnit: Int32Array;
  cellClass: Int32Array;
  cellName: string[];
  classCells: Int32Array[];
  isBreak: Uint8Array;
  teacherUnavail: Uint8Array;
  teacherUndesired: Uint8Array;
  cellUnavail: Uint8Array;
  roomUnavail: Uint8Array;
  /** Periods that count for gaps and starts (not a break, not unavailable), one mask per entity-day. */
  teacherUsable: Uint32Array;
  cellUsable: Uint32Array;
  teacherUnavMask: Uint32Array;
  teacherUndesMask: Uint32Array;
  cellUnavMask: Uint32Array;
  roomUnavMask: Uint32Array;
  teacherLimits: Limits[][];
  cellLimits: Limits[][];
  unitLesson: Int32Array;
  unitIndex: Int32Array;
  unitDur: Int32Array;
  unitSubject: Int32Array;
  unitTeachers: Int32Array[];
  unitCells: Int32Array[];
  unitClasses: Int32Array[];
  /** Candidate rooms big enough for the audience (capacity ≥ headcount), most preferred first. */
  unitRooms: Int32Array[];
  /** 1 when the lesson asks for a room (even if none of its candidates is big enough). */
  unitNeedsRoom: Uint8Array;
  /** Headcount of the unit's audience, -1 when unknown. */
  unitHeadcount: Int32Array;
  unitPoints: Float64Array;
  unitBlock: Int32Array;
  /** Hard allowed starts, 1 = allowed (nU × S). */
  unitAllowed: Uint8Array;
  unitLock: Int32Array;
  unitLockRoom: Int32Array;
  blockUnits: Int32Array[];
  blockDomain: Int32Array[];
  /** Longest unit duration (periods). */
  maxDur: number;
  /** Per class: one representative unit per block of that class (parallel groups count once). */
  classReps: Int32Array[];
  classUnits: Int32Array[];
}

export function slotOf(c: { P: number }, ref: SlotRef): number {
  return ref.day * c.P + ref.period;
}

function fillSlots(arr: Uint8Array, base: number, refs: SlotRef[] | undefined, D: number, P: number): void {
  for (const r of refs ?? []) {
    if (r.day < D && r.period < P) arr[base + r.day * P + r.period] = 1;
  }
}

/** The lesson's headcount: its own count, else the sum of whole-class sizes; -1 when unknown. */
function headcount(inst: TimetableInstance, classIdx: Map<string, number>, l: TimetableInstance['lessons'][number]): number {
  if (l.studentCount !== undefined) return l.studentCount;
  if (!l.students.length) return -1;
  let sum = 0;
  for (const a of l.students) {
    const k = classIdx.get(a.classId);
    const size = k === undefined ? undefined : inst.classes[k].size;
    if (a.division !== undefined || size === undefined) return -1;
    sum += size;
  }
  return sum;
}

export function compile(inst: TimetableInstance): Compiled {
  const D = inst.days.length;
  const P = inst.periods.length;
  if (P > 31) throw new Error('Не больше 31 урока в день');
  const S = D * P;
  const weights: SoftWeights = { ...DEFAULT_WEIGHTS, ...(inst.weights ?? {}) };
  const teacherIdx = new Map(inst.teachers.map((t, i) => [t.id, i] as const));
  const roomIdx = new Map(inst.rooms.map((r, i) => [r.id, i] as const));
  const classIdx = new Map(inst.classes.map((c, i) => [c.id, i] as const));
  const subjectIdx = new Map(inst.subjects.map((s, i) => [s.id, i] as const));
  const lessonIdx = new Map(inst.lessons.map((l, i) => [l.id, i] as const));
  const nT = inst.teachers.length;
  const nR = inst.rooms.length;
  const nK = inst.classes.length;

  const classCells: Int32Array[] = [];
  const cellClassArr: number[] = [];
  const cellName: string[] = [];
  for (let k = 0; k < nK; k++) {
    const cls = inst.classes[k];
    const divs = cls.divisions ?? [];
    let n = 1;
    for (const d of divs) n *= d.groups.length;
    const cells = new Int32Array(n);
    for (let local = 0; local < n; local++) {
      cells[local] = cellClassArr.length;
      cellClassArr.push(k);
      let rest = local;
      const parts: string[] = [];
      for (let i = divs.length - 1; i >= 0; i--) {
        parts.unshift(divs[i].groups[rest % divs[i].groups.length]);
        rest = Math.floor(rest / divs[i].groups.length);
      }
      cellName.push(parts.length ? `${cls.name} ${parts.join(' ')}` : cls.name);
    }
    classCells.push(cells);
  }
  const nC = cellClassArr.length;
  const cellClass = Int32Array.from(cellClassArr);

  const isBreak = new Uint8Array(S);
  fillSlots(isBreak, 0, inst.breaks, D, P);
  const teacherUnavail = new Uint8Array(nT * S);
  const teacherUndesired = new Uint8Array(nT * S);
  inst.teachers.forEach((t, i) => {
    fillSlots(teacherUnavail, i * S, t.unavailable, D, P);
    fillSlots(teacherUndesired, i * S, t.undesired, D, P);
  });
  const roomUnavail = new Uint8Array(nR * S);
  inst.rooms.forEach((r, i) => fillSlots(roomUnavail, i * S, r.unavailable, D, P));
  const cellUnavail = new Uint8Array(nC * S);
  const cellLimits: Limits[][] = Array.from({ length: nC }, () => []);
  inst.classes.forEach((cls, k) => {
    for (const c of classCells[k]) {
      fillSlots(cellUnavail, c * S, cls.unavailable, D, P);
      if (cls.periods) {
        for (let s = 0; s < S; s++) {
          const p = s % P;
          if (p < cls.periods.first || p > cls.periods.last) cellUnavail[c * S + s] = 1;
        }
      }
      for (const l of cls.limits ?? []) cellLimits[c].push(l);
    }
  });
  for (const rule of inst.studentSetRules ?? []) {
    const cells = new Set<number>();
    for (const a of rule.students) for (const c of audienceCells(inst, classIdx, classCells, a)) cells.add(c);
    for (const c of cells) {
      fillSlots(cellUnavail, c * S, rule.unavailable, D, P);
      if (rule.limits) cellLimits[c].push(rule.limits);
    }
  }
  const teacherLimits = inst.teachers.map((t) => [...(t.limits ?? [])]);
  const usable = (unavail: Uint8Array, n: number): Uint32Array => {
    const out = new Uint32Array(n * D);
    for (let e = 0; e < n; e++)
      for (let d = 0; d < D; d++) {
        let m = 0;
        for (let p = 0; p < P; p++) {
          const s = d * P + p;
          if (!isBreak[s] && !unavail[e * S + s]) m |= 1 << p;
        }
        out[e * D + d] = m >>> 0;
      }
    return out;
  };

  // Units.
  const lessonFirstUnit = new Int32Array(inst.lessons.length);
  let nU = 0;
  inst.lessons.forEach((l, i) => {
    lessonFirstUnit[i] = nU;
    nU += l.count;
  });
  const unitLesson = new Int32Array(nU);
  const unitIndex = new Int32Array(nU);
  const unitDur = new Int32Array(nU);
  const unitSubject = new Int32Array(nU);
  const unitPoints = new Float64Array(nU);
  const unitLock = new Int32Array(nU).fill(-1);
  const unitLockRoom = new Int32Array(nU).fill(-1);
  const unitTeachers: Int32Array[] = [];
  const unitCells: Int32Array[] = [];
  const unitClasses: Int32Array[] = [];
  const unitRooms: Int32Array[] = [];
  const unitNeedsRoom = new Uint8Array(nU);
  const unitHeadcount = new Int32Array(nU).fill(-1);
  const unitAllowed = new Uint8Array(nU * S);
  inst.lessons.forEach((l, li) => {
    const subj = subjectIdx.get(l.subjectId);
    if (subj === undefined) throw new Error(`Урок ${l.id}: неизвестный предмет «${l.subjectId}»`);
    const teachers = Int32Array.from(
      l.teacherIds.map((id) => {
        const t = teacherIdx.get(id);
        if (t === undefined) throw new Error(`Урок ${l.id}: неизвестный учитель «${id}»`);
        return t;
      }),
    );
    const cellSet = new Set<number>();
    const classSet = new Set<number>();
    for (const a of l.students) {
      for (const c of audienceCells(inst, classIdx, classCells, a)) cellSet.add(c);
      classSet.add(classIdx.get(a.classId) ?? 0);
    }
    const cells = Int32Array.from([...cellSet].sort((a, b) => a - b));
    const classes = Int32Array.from([...classSet]);
    const heads = headcount(inst, classIdx, l);
    const rooms = Int32Array.from(
      (l.roomIds ?? [])
        .map((id) => {
          const r = roomIdx.get(id);
          if (r === undefined) throw new Error(`Урок ${l.id}: неизвестный кабинет «${id}»`);
          return r;
        })
        // A room too small for the audience is never a candidate (sanpin.md §5: room capacity).
        .filter((r) => heads < 0 || (inst.rooms[r].capacity ?? Infinity) >= heads),
    );
    const needsRoom = (l.roomIds ?? []).length > 0 ? 1 : 0;
    const firstClass = classes.length ? inst.classes[classes[0]] : undefined;
    const points = firstClass ? inst.subjects[subj].difficulty?.[String(firstClass.grade)] ?? 0 : 0;
    const allowedRefs = l.allowedStarts ? new Set(l.allowedStarts.map((r) => r.day * P + r.period)) : null;
    for (let k = 0; k < l.count; k++) {
      const u = lessonFirstUnit[li] + k;
      unitLesson[u] = li;
      unitIndex[u] = k;
      unitDur[u] = l.duration;
      unitSubject[u] = subj;
      unitPoints[u] = points;
      unitTeachers.push(teachers);
      unitCells.push(cells);
      unitClasses.push(classes);
      unitRooms.push(rooms);
      unitNeedsRoom[u] = needsRoom;
      unitHeadcount[u] = heads;
      const lock = l.locked?.[k];
      if (lock) {
        unitLock[u] = lock.day * P + lock.period;
        if (lock.roomId !== undefined) unitLockRoom[u] = roomIdx.get(lock.roomId) ?? -1;
      }
      for (let s = 0; s < S; s++) {
        const p = s % P;
        let ok = p + l.duration <= P && (allowedRefs === null || allowedRefs.has(s));
        for (let q = 0; ok && q < l.duration; q++) if (isBreak[s + q]) ok = false;
        unitAllowed[u * S + s] = ok ? 1 : 0;
      }
    }
  });

  const unitOf = (lessonId: string, index: number): number => {
    const li = lessonIdx.get(lessonId);
    if (li === undefined || index >= inst.lessons[li].count) return -1;
    return lessonFirstUnit[li] + index;
  };
  const { unitBlock, blockUnits } = buildBlocks(inst, nU, lessonFirstUnit, unitOf);
  const nB = blockUnits.length;
  let maxDur = 1;
  for (let u = 0; u < nU; u++) maxDur = Math.max(maxDur, unitDur[u]);

  const dayMasks = (flags: Uint8Array, n: number): Uint32Array => {
    const out = new Uint32Array(n * D);
    for (let e = 0; e < n; e++)
      for (let d = 0; d < D; d++) {
        let m = 0;
        for (let p = 0; p < P; p++) if (flags[e * S + d * P + p]) m |= 1 << p;
        out[e * D + d] = m >>> 0;
      }
    return out;
  };
  const teacherUsable = usable(teacherUnavail, nT);
  const cellUsable = usable(cellUnavail, nC);

  const blockDomain = blockDomains({ S, nB, blockUnits, unitLock, unitAllowed, unitDur, unitTeachers, unitCells, unitRooms, teacherUnavail, cellUnavail, roomUnavail });

  const classUnitsArr: number[][] = Array.from({ length: nK }, () => []);
  const classRepsArr: number[][] = Array.from({ length: nK }, () => []);
  const seen = new Set<string>();
  for (let u = 0; u < nU; u++) {
    for (const k of unitClasses[u]) {
      classUnitsArr[k].push(u);
      const key = `${k}:${unitBlock[u]}`;
      if (!seen.has(key)) {
        seen.add(key);
        classRepsArr[k].push(u);
      }
    }
  }

  const base = {
    inst,
    D,
    P,
    S,
    weights,
    hardThreshold: inst.hardThreshold ?? DEFAULT_HARD_THRESHOLD,
    nT,
    nC,
    nR,
    nK,
    nU,
    nB,
    teacherIdx,
    roomIdx,
    classIdx,
    lessonIdx,
    lessonFirstUnit,
    cellClass,
    cellName,
    classCells,
    isBreak,
    teacherUnavail,
    teacherUndesired,
    cellUnavail,
    roomUnavail,
    teacherUsable,
    cellUsable,
    teacherUnavMask: dayMasks(teacherUnavail, nT),
    teacherUndesMask: dayMasks(teacherUndesired, nT),
    cellUnavMask: dayMasks(cellUnavail, nC),
    roomUnavMask: dayMasks(roomUnavail, nR),
    teacherLimits,
    cellLimits,
    unitLesson,
    unitIndex,
    unitDur,
    unitSubject,
    unitTeachers,
    unitCells,
    unitClasses,
    unitRooms,
    unitNeedsRoom,
    unitHeadcount,
    unitPoints,
    unitBlock,
    unitAllowed,
    unitLock,
    unitLockRoom,
    blockUnits,
    blockDomain,
    maxDur,
    classReps: classRepsArr.map((a) => Int32Array.from(a)),
    classUnits: classUnitsArr.map((a) => Int32Array.from(a)),
  };
  return { ...base, ...compileRules(inst, base, unitOf) };
}
