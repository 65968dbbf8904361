import type { Compiled } from './compile';
import type { FillStatic } from './fillStatic';
import type { Rng } from './rng';
import { blockStart, type State } from './state';

/** One filled week: block starts, reserved rooms, and the blocks it could not place. */
export interface Attempt {
  start: Int32Array;
  roomOf: Int32Array;
  leftover: number[];
}

/**
 * One attempt of the slot-by-slot fill (see fill.ts): day by day, period by period, the open
 * groups (fewest fitting blocks first) take their most urgent block; a group left without one
 * takes a block from a chosen one whose groups can switch (augmenting paths over teachers).
 */
export function attempt(st: State, rng: Rng, fs: FillStatic, blocks: number[], boost: Float64Array, countOptions: boolean): Attempt {
  const c: Compiled = st.c;
  const { D, P, S, nT, nR } = c;
  const { bGroups, bTeachers, bDur, allowed, groupBlocks, groupCell, nG, maxDay, allowance, dayRank } = fs;
  const { tMaxDay, tMaxGapsDay, tMaxGapsWeek, tMaxRun, bMinDays } = fs;
  // The teacher's day so far (hard limits the fill keeps: daily maximum, gaps, lessons in a row).
  const tDay = new Int32Array(nT);
  const tLastEnd = new Int32Array(nT);
  const tGapsDay = new Int32Array(nT);
  const tGapsWeek = new Int32Array(nT);
  const tRun = new Int32Array(nT);
  const isTodo = new Uint8Array(c.nB);
  for (const b of blocks) isTodo[b] = 1;
  // Each group's blocks still to place (placed ones are swapped out, so lists shrink over the week).
  const todo: Int32Array[] = [];
  const nTodo = new Int32Array(nG);
  for (let g = 0; g < nG; g++) {
    const list = groupBlocks[g];
    const mine = new Int32Array(list.length);
    let n = 0;
    for (let i = 0; i < list.length; i++) if (isTodo[list[i]]) mine[n++] = list[i];
    todo.push(mine);
    nTodo[g] = n;
  }
  const removeTodo = (g: number, b: number): void => {
    const list = todo[g];
    const n = nTodo[g];
    for (let i = 0; i < n; i++) {
      if (list[i] === b) {
        list[i] = list[n - 1];
        nTodo[g] = n - 1;
        return;
      }
    }
  };

  const tBusy = new Uint8Array(nT * S);
  const rBusy = new Uint8Array(nR * S);
  for (let i = 0; i < nT * S; i++) tBusy[i] = st.tCnt[i] > 0 ? 1 : 0;
  for (let i = 0; i < nR * S; i++) rBusy[i] = st.rCnt[i] > 0 || c.roomUnavail[i] ? 1 : 0;

  // Remaining hours, and the slots each teacher can still teach in (an allowed start of one of
  // its remaining blocks, not busy yet) — the denominator of the teacher's urgency.
  const remT = new Int32Array(nT);
  const reach = new Uint8Array(nT * S);
  const remG = new Int32Array(nG);
  for (const b of blocks) {
    const ts = bTeachers[b];
    const dom = c.blockDomain[b];
    for (let i = 0; i < ts.length; i++) {
      remT[ts[i]] += bDur[b];
      for (let j = 0; j < dom.length; j++) for (let q = 0; q < bDur[b]; q++) reach[ts[i] * S + dom[j] + q] = 1;
    }
    const gs = bGroups[b];
    for (let i = 0; i < gs.length; i++) remG[gs[i]] += bDur[b];
  }
  const availT = new Int32Array(nT);
  for (let t = 0; t < nT; t++) for (let s = 0; s < S; s++) if (reach[t * S + s] && !tBusy[t * S + s]) availT[t]++;
  const domIdx = new Int32Array(c.nB);

  const start = new Int32Array(c.nB).fill(-1);
  const roomOf = new Int32Array(c.nU).fill(-1);
  const len = new Int32Array(nG);
  const nextP = new Int32Array(nG);
  const target = new Int32Array(nG);
  const open = new Uint8Array(nG);
  const covered = new Int32Array(nG).fill(-1);
  const tUsed = new Int32Array(nT).fill(-1);
  const tHolder = new Int32Array(nT).fill(-1);
  const rStamp = new Int32Array(nR).fill(-1);
  const rHolder = new Int32Array(nR).fill(-1);
  const visit = new Int32Array(c.nB).fill(-1);
  const chosen: number[] = [];
  const needy: number[] = [];
  const options = new Int32Array(nG);
  let slotId = 0;
  let visitId = 0;
  let s = 0;
  let p = 0;
  let d = 0;

  const roomFree = (r: number, dur: number): boolean => {
    if (rStamp[r] === slotId) return false;
    for (let q = 0; q < dur; q++) if (rBusy[r * S + s + q]) return false;
    return true;
  };
  const hold = (u: number, r: number): void => {
    rStamp[r] = slotId;
    rHolder[r] = u;
    roomOf[u] = r;
  };
  const release = (u: number): void => {
    const r = roomOf[u];
    if (r >= 0 && rStamp[r] === slotId && rHolder[r] === u) rStamp[r] = -1;
    roomOf[u] = -1;
  };
  /** Reserves a room for every unit of b (one eviction step to another free room); false = none. */
  const reserveRooms = (b: number): boolean => {
    const us = c.blockUnits[b];
    let done = 0;
    for (; done < us.length; done++) {
      const u = us[done];
      const rs = c.unitRooms[u];
      if (!rs.length) continue;
      const dur = c.unitDur[u];
      let got = -1;
      for (let i = 0; i < rs.length && got < 0; i++) if (roomFree(rs[i], dur)) got = rs[i];
      for (let i = 0; i < rs.length && got < 0; i++) {
        const r = rs[i];
        if (rStamp[r] !== slotId) continue;
        const v = rHolder[r];
        const vs = c.unitRooms[v];
        for (let j = 0; j < vs.length; j++) {
          if (vs[j] !== r && roomFree(vs[j], c.unitDur[v])) {
            hold(v, vs[j]);
            got = r;
            break;
          }
        }
      }
      if (got < 0) break;
      hold(u, got);
    }
    if (done === us.length) return true;
    for (let i = 0; i < done; i++) release(us[i]);
    return false;
  };
  /** Teachers, groups and allowed start; rooms are checked when the block is taken. */
  const fits = (b: number, ignoreTeachers: boolean): boolean => {
    if (!allowed[b * S + s]) return false;
    const dur = bDur[b];
    // Teachers first: a busy teacher is by far the most frequent reason.
    const ts = bTeachers[b];
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (!ignoreTeachers && tUsed[t] === slotId) return false;
      for (let q = 0; q < dur; q++) if (tBusy[t * S + s + q]) return false;
      if (tDay[t] + dur > tMaxDay[t]) return false;
      if (tLastEnd[t] >= 0 && p > tLastEnd[t]) {
        const g = p - tLastEnd[t];
        if (tGapsDay[t] + g > tMaxGapsDay[t] || tGapsWeek[t] + g > tMaxGapsWeek[t]) return false;
      }
      if ((p === tLastEnd[t] ? tRun[t] : 0) + dur > tMaxRun[t]) return false;
    }
    // Hard min-days rules: no other lesson of the rule closer than its days.
    const md = bMinDays[b];
    for (let i = 0; i < md.length; i += 3) {
      if (md[i + 2] < 100) continue;
      const o = start[md[i]] >= 0 ? start[md[i]] : blockStart(st, md[i]);
      if (o >= 0 && Math.abs(((o / P) | 0) - d) < md[i + 1]) return false;
    }
    const gs = bGroups[b];
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i];
      if (!open[g] || nextP[g] !== p || covered[g] === slotId) return false;
      if (len[g] + dur > target[g] && len[g] + dur > maxDay[g] + allowance[g]) return false;
      for (let q = 1; q < dur; q++) if (nextUsable(fs.groupUsable[g * D + d], p + q, P) !== p + q) return false;
    }
    return true;
  };
  const score = (b: number): number => {
    let urg = 0;
    const ts = bTeachers[b];
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      const x = remT[t] / Math.max(1, availT[t]);
      if (x > urg) urg = x;
    }
    const dom = c.blockDomain[b];
    while (domIdx[b] < dom.length && dom[domIdx[b]] < s) domIdx[b]++;
    const ahead = dom.length - domIdx[b];
    // Its last allowed start (e.g. «Разговоры о важном», Monday 1st only) outranks every teacher.
    urg = ahead <= 1 ? 10 : Math.max(urg, 1 / ahead);
    // SanPiN as a tie-breaker: hard lessons mid-week and not first or last in the day.
    let soft = 0;
    if (c.unitPoints[c.blockUnits[b][0]] >= c.hardThreshold) {
      if (d === 1 || d === 2) soft += 0.05;
      const g = bGroups[b][0];
      if (len[g] === 0 || len[g] + bDur[b] >= target[g]) soft -= 0.08;
    }
    const md = bMinDays[b];
    for (let i = 0; i < md.length; i += 3) {
      const o = start[md[i]] >= 0 ? start[md[i]] : blockStart(st, md[i]);
      if (o >= 0 && Math.abs(((o / P) | 0) - d) < md[i + 1]) soft -= 0.3;
    }
    // rng.int, not rng.next: a Smi return is not boxed on every call.
    return urg * 2 + boost[b] * 0.5 + soft + rng.int(1024) * (0.05 / 1024);
  };
  const take = (b: number): boolean => {
    if (!reserveRooms(b)) return false;
    chosen.push(b);
    const gs = bGroups[b];
    for (let i = 0; i < gs.length; i++) covered[gs[i]] = slotId;
    const ts = bTeachers[b];
    for (let i = 0; i < ts.length; i++) {
      tUsed[ts[i]] = slotId;
      tHolder[ts[i]] = b;
    }
    return true;
  };
  const drop = (b: number): void => {
    const i = chosen.indexOf(b);
    if (i >= 0) chosen.splice(i, 1);
    const gs = bGroups[b];
    for (let j = 0; j < gs.length; j++) covered[gs[j]] = -1;
    const ts = bTeachers[b];
    for (let j = 0; j < ts.length; j++) tUsed[ts[j]] = -1;
    const us = c.blockUnits[b];
    for (let j = 0; j < us.length; j++) release(us[j]);
  };
  const candBuf: number[] = [];
  const scoreBuf: number[] = [];
  /** Takes the most urgent block of group g that fits and gets its rooms; -1 if none. */
  const takeBest = (g: number): number => {
    const base = candBuf.length;
    const list = todo[g];
    const n = nTodo[g];
    for (let i = 0; i < n; i++) {
      const b = list[i];
      if (!fits(b, false)) continue;
      candBuf.push(b);
      scoreBuf.push(score(b));
    }
    let got = -1;
    while (got < 0 && candBuf.length > base) {
      let bi = base;
      for (let i = base + 1; i < candBuf.length; i++) if (scoreBuf[i] > scoreBuf[bi]) bi = i;
      const b = candBuf[bi];
      candBuf[bi] = candBuf[candBuf.length - 1];
      scoreBuf[bi] = scoreBuf[scoreBuf.length - 1];
      candBuf.pop();
      scoreBuf.pop();
      if (take(b)) got = b;
    }
    candBuf.length = base;
    scoreBuf.length = base;
    return got;
  };
  /**
   * Augmenting path: group g takes a block whose only obstacle is a teacher held by one chosen
   * block; that block's groups then look for another block, recursively (depth-limited).
   */
  const augment = (g: number, depth: number): boolean => {
    if (takeBest(g) >= 0) return true;
    if (depth === 0) return false;
    const list = todo[g];
    for (let i = 0; i < nTodo[g]; i++) {
      const b = list[i];
      if (visit[b] === visitId || !fits(b, true)) continue;
      visit[b] = visitId;
      let holder = -1;
      let several = false;
      const ts = bTeachers[b];
      for (let j = 0; j < ts.length; j++) {
        if (tUsed[ts[j]] !== slotId) continue;
        if (holder >= 0 && tHolder[ts[j]] !== holder) several = true;
        holder = tHolder[ts[j]];
      }
      if (holder < 0 || several || visit[holder] === visitId) continue;
      visit[holder] = visitId;
      drop(holder);
      if (!take(b)) {
        take(holder);
        continue;
      }
      if (augment(bGroups[holder][0], depth - 1)) return true;
      drop(b);
      take(holder);
    }
    return false;
  };

  for (d = 0; d < D; d++) {
    tDay.fill(0);
    tLastEnd.fill(-1);
    tGapsDay.fill(0);
    tRun.fill(0);
    for (let g = 0; g < nG; g++) {
      const usable = fs.groupUsable[g * D + d];
      open[g] = usable !== 0 && nTodo[g] > 0 ? 1 : 0;
      len[g] = 0;
      nextP[g] = usable === 0 ? P : 31 - Math.clz32(usable & -usable);
      // Day length: the remaining hours over the remaining days, extra lessons on preferred days.
      let daysLeft = 0;
      let rank = 0;
      for (let e = d; e < D; e++) {
        if (fs.groupUsable[g * D + e] === 0) continue;
        daysLeft++;
        if (dayRank[e] < dayRank[d]) rank++;
      }
      const rem = remG[g] + lockedAhead(st, groupCell[g], d);
      const base = Math.floor(rem / Math.max(1, daysLeft));
      const extra = rem - base * Math.max(1, daysLeft);
      target[g] = Math.min(maxDay[g] + allowance[g], base + (rank < extra ? 1 : 0));
    }
    for (p = 0; p < P; p++) {
      s = d * P + p;
      slotId++;
      needy.length = 0;
      for (let g = 0; g < nG; g++) {
        if (!open[g] || nextP[g] !== p) continue;
        if (st.cCnt[groupCell[g] * S + s] > 0) {
          // A locked lesson sits here: it is this period's lesson.
          len[g]++;
          nextP[g] = nextUsable(fs.groupUsable[g * D + d], p + 1, P);
          continue;
        }
        if (len[g] >= target[g]) {
          open[g] = 0;
          continue;
        }
        if (countOptions) {
          let n = 0;
          const list = todo[g];
          for (let i = 0; i < nTodo[g]; i++) if (fits(list[i], false)) n++;
          options[g] = n;
        } else options[g] = nTodo[g];
        needy.push(g);
      }
      if (needy.length) {
        // Fewest options first (DSATUR-like within the slot).
        needy.sort((a, b) => options[a] - options[b]);
        chosen.length = 0;
        for (const g of needy) if (covered[g] !== slotId) takeBest(g);
        for (const g of needy) {
          if (covered[g] === slotId) continue;
          visitId++;
          augment(g, 3);
        }
        for (const b of chosen) {
          start[b] = s;
          const dur = bDur[b];
          const ts = bTeachers[b];
          for (let i = 0; i < ts.length; i++) {
            const t = ts[i];
            remT[t] -= dur;
            if (tLastEnd[t] >= 0 && p > tLastEnd[t]) {
              tGapsDay[t] += p - tLastEnd[t];
              tGapsWeek[t] += p - tLastEnd[t];
            }
            tRun[t] = (p === tLastEnd[t] ? tRun[t] : 0) + dur;
            tLastEnd[t] = p + dur;
            tDay[t] += dur;
            for (let q = 0; q < dur; q++) {
              if (reach[t * S + s + q] && !tBusy[t * S + s + q]) availT[t]--;
              tBusy[t * S + s + q] = 1;
            }
          }
          const us = c.blockUnits[b];
          for (let i = 0; i < us.length; i++) {
            const r = roomOf[us[i]];
            if (r >= 0) for (let q = 0; q < c.unitDur[us[i]]; q++) rBusy[r * S + s + q] = 1;
          }
          const gs = bGroups[b];
          for (let i = 0; i < gs.length; i++) {
            const g = gs[i];
            removeTodo(g, b);
            remG[g] -= dur;
            len[g] += dur;
            nextP[g] = nextUsable(fs.groupUsable[g * D + d], p + dur, P);
          }
        }
        // A group without a lesson now ends its day here (days stay gap-free).
        for (const g of needy) if (covered[g] !== slotId) open[g] = 0;
      }
      // Leaving slot s: it no longer counts as a slot the teacher can still teach in.
      for (let t = 0; t < nT; t++) if (reach[t * S + s] && !tBusy[t * S + s]) availT[t]--;
    }
  }
  const leftover: number[] = [];
  for (const b of blocks) if (start[b] < 0) leftover.push(b);
  return { start, roomOf, leftover };
}

/** Period p or the next usable one of the day (breaks and unavailable periods are skipped). */
function nextUsable(usable: number, p: number, P: number): number {
  while (p < P && !(usable & (1 << p))) p++;
  return p;
}

/** Lessons already fixed (locks) on day d and later for cell x: they count towards its day lengths. */
function lockedAhead(st: State, x: number, d: number): number {
  const c = st.c;
  let n = 0;
  for (let s = d * c.P; s < c.S; s++) if (st.cCnt[x * c.S + s] > 0) n++;
  return n;
}
