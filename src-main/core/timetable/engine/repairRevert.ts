import type { Compiled } from './compile';
import { loadTimetable, stateToTimetable } from './evaluator';
import type { Timetable } from './model';
import { beginMove, createState, finishMove, setBlockStart, setRoom, setStart, undoMove } from './state';
import type { State } from './stateTypes';

/**
 * The minimising pass after a valid repair (issue 16): the annealing search clears the hard
 * violations but leaves lessons moved on its way. Each moved lesson (a block with its parallel
 * groups) is tried back where it stood; then pairs of moved lessons back together (two lessons that
 * traded places only go back as a pair); then one moved lesson back while another moved lesson takes
 * some other period (a chain of three shortened by one). A try is kept when it adds no hard
 * violation. Passes repeat until none succeeds. The budget counts probes, not milliseconds, so the
 * answer does not depend on how busy the machine is.
 */
export function revertChanges(c: Compiled, before: Timetable, after: Timetable, maxProbes = 200_000): { timetable: Timetable; reverted: number; probes: number } {
  const st = createState(c, false);
  loadTimetable(st, after);
  const oldStart = new Int32Array(c.nU).fill(-1);
  const oldRoom = new Int32Array(c.nU).fill(-1);
  for (const p of before.placements) {
    const li = c.lessonIdx.get(p.lessonId);
    if (li === undefined || p.index >= c.inst.lessons[li].count) continue;
    const u = c.lessonFirstUnit[li] + p.index;
    oldStart[u] = p.day * c.P + p.period;
    oldRoom[u] = p.roomId ? (c.roomIdx.get(p.roomId) ?? -1) : -1;
  }
  const fixed = (b: number): boolean => Array.from(c.blockUnits[b]).some((u) => c.unitLock[u] >= 0);
  const moved = (b: number): boolean => Array.from(c.blockUnits[b]).some((u) => st.start[u] !== oldStart[u] && oldStart[u] >= 0);
  const changedBlocks = (): number[] => {
    const out: number[] = [];
    for (let b = 0; b < c.nB; b++) if (!fixed(b) && moved(b)) out.push(b);
    return out;
  };
  const limit = st.hard;
  let probes = 0;
  let reverted = 0;
  /** Tries a change; keeps it when it adds no hard violation. */
  const attempt = (blocksBack: number[], shift?: { b: number; s: number }): boolean => {
    probes++;
    beginMove(st);
    for (const b of blocksBack) putBack(st, b, oldStart, oldRoom);
    if (shift) {
      // The lesson that steps aside takes a free room of its kind, as a person would.
      st.autoRooms = true;
      setBlockStart(st, shift.b, shift.s);
      st.autoRooms = false;
    }
    finishMove(st);
    if (st.hard <= limit) return true;
    undoMove(st);
    return false;
  };

  let progress = true;
  while (progress && probes < maxProbes) {
    progress = false;
    for (const b of changedBlocks()) {
      if (attempt([b])) {
        reverted++;
        progress = true;
      }
    }
    if (progress) continue;
    const list = changedBlocks();
    for (let i = 0; i < list.length && !progress && probes < maxProbes; i++) {
      for (let j = i + 1; j < list.length && !progress; j++) {
        if (attempt([list[i], list[j]])) {
          reverted += 2;
          progress = true;
        }
      }
    }
    if (progress) continue;
    for (let i = 0; i < list.length && !progress && probes < maxProbes; i++) {
      for (let j = 0; j < list.length && !progress && probes < maxProbes; j++) {
        if (i === j) continue;
        const b2 = list[j];
        const cur = st.start[c.blockUnits[b2][0]];
        for (const s of c.blockDomain[b2]) {
          if (s === cur || s === oldStart[c.blockUnits[b2][0]]) continue;
          if (attempt([list[i]], { b: b2, s })) {
            reverted++;
            progress = true;
            break;
          }
        }
      }
    }
  }
  return { timetable: stateToTimetable(st), reverted, probes };
}

/** Every unit of a block back to its old start and room (inside an open move). */
function putBack(st: State, b: number, oldStart: Int32Array, oldRoom: Int32Array): void {
  for (const u of st.c.blockUnits[b]) {
    if (st.room[u] !== oldRoom[u] && st.start[u] >= 0) setRoom(st, u, -1);
    setStart(st, u, oldStart[u]);
    if (oldStart[u] >= 0 && oldRoom[u] >= 0) setRoom(st, u, oldRoom[u]);
  }
}
