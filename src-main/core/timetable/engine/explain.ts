import { compile, type Compiled } from './compile';
import { createState, recomputeAll, type State } from './state';
import { loadTimetable, unitName } from './evaluator';
import type { Timetable, TimetableInstance } from './model';
import type { ViolationKind } from './terms';
import { hardMaxPerDay, isCompactLimits, onceAWeekAllowance as onceAWeek } from './limits';

/** A Russian explanation of why a timetable cannot be (or was not) completed. */
export interface Explanation {
  level: 'error' | 'warning';
  message: string;
}

const asCompiled = (x: TimetableInstance | Compiled): Compiled => ('nU' in x ? x : compile(x));

/**
 * Slots in which teacher t can teach at all: a class whose days are gap-free from the first lesson
 * and capped by a daily maximum only ever has lessons in the first (maximum, or the once-a-week
 * maximum) usable periods of a day. E.g. a teacher of grades 5–6 only (6 lessons a day) has at
 * most 30 usable slots in a 7-period, 5-day week, whatever the grid says.
 */
function teacherReach(c: Compiled, t: number): number {
  const cells = new Set<number>();
  for (let u = 0; u < c.nU; u++) if (c.unitTeachers[u].includes(t)) for (const x of c.unitCells[u]) cells.add(x);
  let total = 0;
  for (let d = 0; d < c.D; d++) {
    let reach = cells.size ? 0 : c.teacherUsable[t * c.D + d];
    for (const x of cells) {
      const usable = c.cellUsable[x * c.D + d];
      const limits = c.cellLimits[x];
      const compact = isCompactLimits(limits);
      const max = hardMaxPerDay(limits) + onceAWeek(limits);
      if (!compact || max === Infinity) {
        reach |= usable;
        continue;
      }
      let m = usable;
      let kept = 0;
      for (let n = 0; m !== 0 && n < max; n++) {
        const low = m & -m;
        kept |= low;
        m &= ~low;
      }
      reach |= kept;
    }
    let both = (reach & c.teacherUsable[t * c.D + d]) >>> 0;
    while (both) {
      total += both & 1;
      both >>>= 1;
    }
  }
  return total;
}

/** Checks that need no search: capacities of teachers, classes, rooms and parallel blocks. */
export function precheck(input: TimetableInstance | Compiled): Explanation[] {
  const c = asCompiled(input);
  const inst = c.inst;
  const out: Explanation[] = [];
  const err = (message: string): void => void out.push({ level: 'error', message });
  const popc = (m: number): number => m.toString(2).replace(/0/g, '').length;

  const tLoad = new Int32Array(c.nT);
  const cLoad = new Int32Array(c.nC);
  for (let u = 0; u < c.nU; u++) {
    for (const t of c.unitTeachers[u]) tLoad[t] += c.unitDur[u];
    for (const x of c.unitCells[u]) cLoad[x] += c.unitDur[u];
  }
  for (let t = 0; t < c.nT; t++) {
    let free = 0;
    let capped = 0;
    const max = hardMaxPerDay(c.teacherLimits[t]);
    for (let d = 0; d < c.D; d++) {
      const n = popc(c.teacherUsable[t * c.D + d]);
      free += n;
      capped += Math.min(n, max);
    }
    const name = inst.teachers[t].name;
    const reach = teacherReach(c, t);
    if (tLoad[t] > free) err(`Учитель ${name}: ${tLoad[t]} ч в неделю, а свободных уроков в сетке только ${free} (недоступность, методический день).`);
    else if (tLoad[t] > capped) err(`Учитель ${name}: ${tLoad[t]} ч в неделю не помещаются в дневной предел ${max} уроков.`);
    else if (tLoad[t] > reach)
      err(`Учитель ${name}: ${tLoad[t]} ч в неделю, а у его классов (дневной максимум по СанПиН, без окон, с первого урока) уроки бывают только в ${reach} слотах недели.`);
  }
  const reported = new Set<number>();
  for (let x = 0; x < c.nC; x++) {
    const k = c.cellClass[x];
    if (reported.has(k)) continue;
    const max = hardMaxPerDay(c.cellLimits[x]);
    let free = 0;
    let capped = 0;
    for (let d = 0; d < c.D; d++) {
      const n = popc(c.cellUsable[x * c.D + d]);
      free += n;
      capped += Math.min(n, max);
    }
    capped += Math.min(onceAWeek(c.cellLimits[x]), free - capped > 0 ? free - capped : 0);
    const who = c.cellName[x];
    if (cLoad[x] > free) {
      err(`Класс ${who}: ${cLoad[x]} ч в неделю, а доступных уроков только ${free}.`);
      reported.add(k);
    } else if (cLoad[x] > capped) {
      err(`Класс ${who}: ${cLoad[x]} ч в неделю больше, чем дневной максимум по СанПиН × ${c.D} дн. = ${capped}.`);
      reported.add(k);
    }
  }

  // Capacity: a lesson whose every candidate room is too small for its audience has no room.
  const tooSmall = new Set<number>();
  for (let u = 0; u < c.nU; u++) {
    const li = c.unitLesson[u];
    if (!c.unitNeedsRoom[u] || c.unitRooms[u].length || tooSmall.has(li)) continue;
    tooSmall.add(li);
    const rooms = (inst.lessons[li].roomIds ?? []).map((id) => {
      const r = inst.rooms[c.roomIdx.get(id) ?? 0];
      return `${r.name} (${r.capacity ?? '?'})`;
    });
    err(`${unitName(c, u)}: ${c.unitHeadcount[u]} учащихся не помещаются ни в один из кабинетов урока: ${rooms.join(', ')}.`);
  }

  // Rooms: each exact pool of candidate rooms must hold its hours; a parallel block needs a matching.
  const pools = new Map<string, { rooms: Int32Array; hours: number; lessons: Set<string> }>();
  for (let u = 0; u < c.nU; u++) {
    const r = c.unitRooms[u];
    if (!r.length) continue;
    const key = Array.from(r).sort((a, b) => a - b).join(',');
    const p = pools.get(key) ?? { rooms: r, hours: 0, lessons: new Set<string>() };
    p.hours += c.unitDur[u];
    p.lessons.add(inst.subjects[c.unitSubject[u]].name);
    pools.set(key, p);
  }
  for (const p of pools.values()) {
    let slots = 0;
    for (const r of p.rooms) for (let s = 0; s < c.S; s++) if (!c.roomUnavail[r * c.S + s] && !c.isBreak[s]) slots++;
    if (p.hours > slots) {
      const names = Array.from(p.rooms, (r) => inst.rooms[r].name).join(', ');
      err(`Кабинеты ${names}: нужно ${p.hours} ч (${[...p.lessons].join(', ')}), а в сетке только ${slots} мест.`);
    }
  }
  for (let b = 0; b < c.nB; b++) {
    const units = Array.from(c.blockUnits[b]);
    if (units.length > 1) {
      const names = units.map((u) => unitName(c, u)).join('; ');
      for (let i = 0; i < units.length; i++)
        for (let j = i + 1; j < units.length; j++) {
          const shared = Array.from(c.unitTeachers[units[i]]).find((t) => c.unitTeachers[units[j]].includes(t));
          if (shared !== undefined) err(`Параллельные уроки ведёт один и тот же учитель ${inst.teachers[shared].name}: ${names}.`);
          const cell = Array.from(c.unitCells[units[i]]).find((x) => c.unitCells[units[j]].includes(x));
          if (cell !== undefined) err(`Параллельные уроки у одной и той же группы ${c.cellName[cell]}: ${names}.`);
        }
      if (!roomMatching(c, units)) err(`Для параллельных уроков не хватает кабинетов одновременно: ${names}.`);
    }
    if (c.blockDomain[b].length === 0) err(`${units.map((u) => unitName(c, u)).join('; ')}: ${emptyDomainReason(c, units)}.`);
  }
  return out;
}

function roomMatching(c: Compiled, units: number[]): boolean {
  const owner = new Map<number, number>();
  const tryAssign = (u: number, seen: Set<number>): boolean => {
    for (const r of c.unitRooms[u]) {
      if (seen.has(r)) continue;
      seen.add(r);
      const o = owner.get(r);
      if (o === undefined || tryAssign(o, seen)) {
        owner.set(r, u);
        return true;
      }
    }
    return false;
  };
  return units.every((u) => !c.unitRooms[u].length || tryAssign(u, new Set()));
}

function emptyDomainReason(c: Compiled, units: number[]): string {
  const inst = c.inst;
  for (const u of units) {
    for (const t of c.unitTeachers[u]) {
      let any = false;
      for (let s = 0; s < c.S && !any; s++) if (c.unitAllowed[u * c.S + s] && !c.teacherUnavail[t * c.S + s]) any = true;
      if (!any) return `учитель ${inst.teachers[t].name} недоступен во всё разрешённое время`;
    }
    for (const x of c.unitCells[u]) {
      let any = false;
      for (let s = 0; s < c.S && !any; s++) if (c.unitAllowed[u * c.S + s] && !c.cellUnavail[x * c.S + s]) any = true;
      if (!any) return `класс ${c.cellName[x]} недоступен во всё разрешённое время`;
    }
  }
  return 'нет ни одного времени, где свободны сразу все учителя, классы и кабинеты (с учётом закреплений и перерывов)';
}

export const KIND_RU: Partial<Record<ViolationKind, string>> = {
  teacherClash: 'наложение уроков у учителя',
  studentClash: 'наложение уроков у класса (группы)',
  roomClash: 'два урока в одном кабинете',
  teacherUnavailable: 'урок в недоступное время учителя',
  studentUnavailable: 'урок в недоступное время класса',
  roomUnavailable: 'урок в недоступное время кабинета',
  unplaced: 'урок не поставлен',
  notAllowedTime: 'урок в запрещённое время',
  lock: 'нарушено закрепление',
  roomMissing: 'нет свободного подходящего кабинета',
  roomNotAllowed: 'неподходящий кабинет',
  roomCapacity: 'кабинет меньше, чем учащихся на уроке',
  parallelBroken: 'параллельные группы не в одно время',
  maxPerDay: 'превышен дневной максимум уроков',
  minPerDay: 'меньше минимума уроков в день',
  maxDays: 'больше рабочих дней, чем разрешено',
  minDays: 'меньше рабочих дней, чем требуется',
  maxGapsPerDay: 'окна сверх допустимого за день',
  maxGapsPerWeek: 'окна сверх допустимого за неделю',
  maxContinuous: 'слишком много уроков подряд',
  lateStart: 'день начинается не с первого урока',
  endsDay: 'урок должен быть последним',
  tagMaxPerDay: 'превышен дневной предел уроков с тегом',
  minDaysBetween: 'уроки слишком близко по дням',
  sameStart: 'уроки должны начинаться одновременно',
  preferredTime: 'урок вне разрешённых слотов',
};

/** After a run: every hard violation in Russian, and for each unplaced or clashing lesson what blocked it. */
export function explainResult(input: TimetableInstance | Compiled, tt: Timetable): Explanation[] {
  const c = asCompiled(input);
  const st = createState(c, false);
  loadTimetable(st, tt);
  const out: Explanation[] = [];
  const byMessage = new Map<string, number>();
  const blocked = new Set<number>();
  recomputeAll(st, (kind, amount, hard, term) => {
    if (!hard) return;
    const msg = `${KIND_RU[kind] ?? kind}: ${termLabel(st, term)}`;
    byMessage.set(msg, (byMessage.get(msg) ?? 0) + amount);
    if (term >= st.off.U && term < st.off.B) blocked.add(term - st.off.U);
    if (term < st.off.R) for (const u of unitsOfTerm(st, term)) blocked.add(u);
  });
  for (const [msg, n] of byMessage) out.push({ level: 'error', message: n > 1 ? `${msg} (${n})` : msg });
  for (const u of blocked) {
    const why = blockers(st, u);
    if (why) out.push({ level: 'warning', message: `${unitName(c, u)}: ${why}` });
  }
  return out;
}

function termLabel(st: State, term: number): string {
  const o = st.off;
  const c = st.c;
  if (term < o.C) return `учитель ${c.inst.teachers[term].name}`;
  if (term < o.R) return `класс ${c.cellName[term - o.C]}`;
  if (term < o.K) return `кабинет ${c.inst.rooms[term - o.R].name}`;
  if (term < o.U) return `класс ${c.inst.classes[term - o.K].name}`;
  if (term < o.B) return unitName(c, term - o.U);
  if (term < o.M) return Array.from(c.blockUnits[term - o.B], (u) => unitName(c, u)).join('; ');
  if (term < o.SS) return Array.from(c.minDays[term - o.M].units, (u) => unitName(c, u)).join('; ');
  return Array.from(c.sameStart[term - o.SS].units, (u) => unitName(c, u)).join('; ');
}

/** Units of a teacher or cell term that sit on a clashing slot. */
function unitsOfTerm(st: State, term: number): number[] {
  const c = st.c;
  const out: number[] = [];
  const isTeacher = term < st.off.C;
  const e = isTeacher ? term : term - st.off.C;
  for (let u = 0; u < c.nU; u++) {
    const s = st.start[u];
    if (s < 0) continue;
    const list = isTeacher ? c.unitTeachers[u] : c.unitCells[u];
    if (!list.includes(e)) continue;
    const cnt = isTeacher ? st.tCnt : st.cCnt;
    for (let q = 0; q < c.unitDur[u]; q++) if (cnt[e * c.S + s + q] > 1) out.push(u);
  }
  return [...new Set(out)];
}

/** Counts, over the unit's allowed starts, which teacher, class or room was busy there. */
function blockers(st: State, u: number): string {
  const c = st.c;
  const b = c.unitBlock[u];
  const dom = c.blockDomain[b];
  if (!dom.length) return emptyDomainReason(c, Array.from(c.blockUnits[b]));
  const counts = new Map<string, number>();
  for (const s of dom) {
    for (let q = 0; q < c.unitDur[u]; q++) {
      const slot = s + q;
      for (const t of c.unitTeachers[u]) if (st.tCnt[t * c.S + slot] > (st.start[u] === s ? 1 : 0)) bump(counts, `занят учитель ${c.inst.teachers[t].name}`);
      for (const x of c.unitCells[u]) if (st.cCnt[x * c.S + slot] > (st.start[u] === s ? 1 : 0)) bump(counts, `занят класс ${c.cellName[x]}`);
    }
  }
  const top = [...counts.entries()].sort((a, b2) => b2[1] - a[1]).slice(0, 3);
  if (!top.length) return '';
  return `из ${dom.length} допустимых начал ${top.map(([k, n]) => `${n} — ${k}`).join(', ')}`;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}
