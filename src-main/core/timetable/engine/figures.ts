import { analyseClass, type ClassProfile } from './classTerm';
import type { State } from './state';
import { gapsOf, popcount } from './terms';

/** Reported numbers of a timetable (the soft side of section 5 of sanpin.md). */
export interface Figures {
  units: number;
  placed: number;
  teacherGaps: number;
  teacherGapsMaxDay: number;
  teacherGapsMaxWeek: number;
  classGaps: number;
  lateStarts: number;
  /** Classes with a difficulty profile (grade > 0 and points). */
  profiledClasses: number;
  peakTueWed: number;
  peakTueWedShare: number;
  heaviestMonFri: number;
  hardLessons: number;
  hardFirstLast: number;
  hardFirstLastShare: number;
  hardInARowExcess: number;
  sameSubjectRepeats: number;
  dayBalanceExcess: number;
}

export function computeFigures(st: State): Figures {
  const c = st.c;
  let placed = 0;
  for (let u = 0; u < c.nU; u++) if (st.start[u] >= 0) placed++;
  let tg = 0;
  let tgDay = 0;
  let tgWeek = 0;
  for (let t = 0; t < c.nT; t++) {
    let week = 0;
    for (let d = 0; d < c.D; d++) {
      const g = gapsOf(st.tMask[t * c.D + d], c.teacherUsable[t * c.D + d]);
      week += g;
      tgDay = Math.max(tgDay, g);
    }
    tg += week;
    tgWeek = Math.max(tgWeek, week);
  }
  let cg = 0;
  let late = 0;
  for (let x = 0; x < c.nC; x++) {
    for (let d = 0; d < c.D; d++) {
      const m = st.cMask[x * c.D + d];
      const u = c.cellUsable[x * c.D + d];
      cg += gapsOf(m, u);
      if (m !== 0 && (m & -m) !== (u & -u)) late++;
    }
  }
  const f: Figures = {
    units: c.nU,
    placed,
    teacherGaps: tg,
    teacherGapsMaxDay: tgDay,
    teacherGapsMaxWeek: tgWeek,
    classGaps: cg,
    lateStarts: late,
    profiledClasses: 0,
    peakTueWed: 0,
    peakTueWedShare: 0,
    heaviestMonFri: 0,
    hardLessons: 0,
    hardFirstLast: 0,
    hardFirstLastShare: 0,
    hardInARowExcess: 0,
    sameSubjectRepeats: 0,
    dayBalanceExcess: 0,
  };
  for (let k = 0; k < c.nK; k++) {
    if (c.inst.classes[k].grade <= 0) continue;
    const p = emptyProfile();
    analyseClass(st, k, p);
    if (p.daySums.some((v) => v > 0)) {
      f.profiledClasses++;
      if (p.peakOnTueWed) f.peakTueWed++;
      if (p.heaviestMonFri) f.heaviestMonFri++;
    }
    f.hardLessons += p.hardLessons;
    f.hardFirstLast += p.hardFirstLast;
    f.hardInARowExcess += p.hardInARowExcess;
    f.sameSubjectRepeats += p.sameSubjectRepeats;
    f.dayBalanceExcess += p.balanceExcess;
  }
  f.peakTueWedShare = f.profiledClasses ? f.peakTueWed / f.profiledClasses : 0;
  f.hardFirstLastShare = f.hardLessons ? f.hardFirstLast / f.hardLessons : 0;
  return f;
}

export function emptyProfile(): ClassProfile {
  return {
    daySums: [],
    dayLessons: [],
    peakDeficit: 0,
    peakOnTueWed: false,
    heaviestMonFri: false,
    hardLessons: 0,
    hardFirstLast: 0,
    hardInARowExcess: 0,
    sameSubjectRepeats: 0,
    balanceExcess: 0,
  };
}

export { popcount };
