import type { Lesson, Room, SchoolClass, Subject, Teacher, TimetableInstance } from '../model';
import { createRng } from '../rng';
import { dailyMax, FAMILY_TITLE, INITIALS, SUBJECTS, SURNAMES, type Family, type Split } from './curriculum';

export type SchoolSize = 'S' | 'M' | 'L' | 'XL';

export interface GeneratorOptions {
  size: SchoolSize;
  /** Tight teacher loads, scarce cabinets and methodical days. */
  hard?: boolean;
  seed?: number;
}

interface SizeSpec {
  perGrade: number[];
  firstGrade: number;
  secondShift: number[];
  gyms: number;
}

const SPECS: Record<SchoolSize, SizeSpec> = {
  S: { perGrade: [2, 2, 2, 2, 2, 1, 1], firstGrade: 5, secondShift: [], gyms: 1 },
  M: { perGrade: [3, 3, 3, 3, 3, 2, 2], firstGrade: 5, secondShift: [], gyms: 2 },
  L: { perGrade: Array.from({ length: 11 }, () => 3), firstGrade: 1, secondShift: [2, 3, 4, 6, 7], gyms: 2 },
  XL: { perGrade: Array.from({ length: 11 }, () => 4), firstGrade: 1, secondShift: [2, 3, 4, 6, 7], gyms: 3 },
};

const LETTERS = 'АБВГДЕ';
const SHIFT_PERIODS = 7;
/** Weekly load ceiling from subject chunks (a class teacher adds «Разговоры о важном»: ≤ 29). */
const MAX_LOAD = 28;
const DAYS = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница'];

interface Chunk {
  family: Family;
  cls: number;
  items: { subject: string; hours: number }[];
  group: { split: Split; index: number } | null;
  hours: number;
}

interface ClassInfo {
  def: SchoolClass;
  grade: number;
  shift: 0 | 1;
  splits: Partial<Record<Split, number>>;
}

/** Generates a realistic Russian school; the same options always give the same instance. */
export function generateSchool(opts: GeneratorOptions): TimetableInstance {
  const spec = SPECS[opts.size];
  const hard = opts.hard ?? false;
  const rng = createRng((opts.seed ?? 1) * 7919 + opts.size.length * 104729 + (hard ? 1 : 0));
  const twoShifts = spec.secondShift.length > 0;
  const nPeriods = twoShifts ? SHIFT_PERIODS * 2 : SHIFT_PERIODS;

  const classes: ClassInfo[] = [];
  spec.perGrade.forEach((n, i) => {
    const grade = spec.firstGrade + i;
    for (let j = 0; j < n; j++) {
      const size = 20 + rng.int(11);
      const shift: 0 | 1 = spec.secondShift.includes(grade) ? 1 : 0;
      const divisions: { name: string; groups: string[] }[] = [];
      const splits: ClassInfo['splits'] = {};
      if (grade >= 2 && size >= 25) {
        splits.lang = divisions.length;
        divisions.push({ name: 'Английский язык', groups: ['гр1', 'гр2'] });
      }
      if (grade >= 7 && size >= 25) {
        splits.info = divisions.length;
        divisions.push({ name: 'Информатика', groups: ['инф1', 'инф2'] });
      }
      if (grade >= 5 && grade <= 8) {
        splits.tech = divisions.length;
        divisions.push({ name: 'Труд', groups: ['мальч', 'дев'] });
      }
      const name = `${grade}${LETTERS[j]}`;
      const max = dailyMax(grade);
      classes.push({
        grade,
        shift,
        splits,
        def: {
          id: `c${name}`,
          name,
          grade,
          size,
          periods: twoShifts ? { first: shift * SHIFT_PERIODS, last: shift * SHIFT_PERIODS + SHIFT_PERIODS - 1 } : undefined,
          divisions,
          limits: [{ maxPerDay: { ...max, weight: 100 }, maxGapsPerWeek: { value: 0 }, maxSecondPeriodStarts: { value: 0 } }],
        },
      });
    }
  });

  // Teaching chunks: what one teacher takes in one class (a family's subjects, or one group).
  const chunks: Chunk[] = [];
  classes.forEach((ci, cls) => {
    const byFamily = new Map<Family, Chunk>();
    for (const s of SUBJECTS) {
      const h = s.hours[ci.grade - 1];
      if (!h || s.id === 'rov') continue;
      const family: Family = ci.grade <= 4 ? s.primaryFamily ?? 'primary' : s.family;
      const split = ci.grade <= 4 && s.split === 'tech' ? undefined : s.split;
      if (split && ci.splits[split] !== undefined) {
        for (let g = 0; g < 2; g++) {
          const fam: Family = split === 'tech' ? (g === 0 ? 'techM' : 'techF') : family;
          chunks.push({ family: fam, cls, items: [{ subject: s.id, hours: h }], group: { split, index: g }, hours: h });
        }
        continue;
      }
      const fam: Family = family === 'techM' ? 'techF' : family;
      let ch = byFamily.get(fam);
      if (!ch) {
        ch = { family: fam, cls, items: [], group: null, hours: 0 };
        byFamily.set(fam, ch);
        chunks.push(ch);
      }
      ch.items.push({ subject: s.id, hours: h });
      ch.hours += h;
    }
  });

  const teachers: (Teacher & { family: Family; load: number; chunks: Chunk[] })[] = [];
  const usedNames = new Set<string>();
  const newTeacher = (family: Family): (typeof teachers)[number] => {
    const draw = () => `${SURNAMES[rng.int(SURNAMES.length)]} ${INITIALS[rng.int(INITIALS.length)]}.${INITIALS[rng.int(INITIALS.length)]}.`;
    let name = draw();
    while (usedNames.has(name)) name = draw();
    usedNames.add(name);
    const t = { id: `t${teachers.length + 1}`, name, family, load: 0, chunks: [] as Chunk[] };
    teachers.push(t);
    return t;
  };
  const chunkTeacher = new Map<Chunk, (typeof teachers)[number]>();
  const families = [...new Set(chunks.map((c) => c.family))];
  for (const fam of families) {
    const list = chunks.filter((c) => c.family === fam);
    if (fam === 'primary') {
      for (const ch of list) assign(ch, newTeacher(fam));
      continue;
    }
    const total = list.reduce((a, c) => a + c.hours, 0);
    const target = hard ? 25 : 21;
    const n = Math.max(1, Math.round(total / target));
    const cap = Math.max(Math.ceil(total / n) + 2, ...list.map((c) => c.hours));
    const pool = Array.from({ length: n }, () => newTeacher(fam));
    for (const ch of list) {
      const sibling = (t: (typeof teachers)[number]): boolean =>
        ch.group !== null && t.chunks.some((o) => o.cls === ch.cls && o.group?.split === ch.group?.split);
      let t = pool.find((x) => x.load + ch.hours <= Math.min(cap, MAX_LOAD) && !sibling(x));
      if (!t) t = pool.filter((x) => !sibling(x)).sort((a, b) => a.load - b.load)[0];
      // Never above MAX_LOAD: M-hard used to give the maths teacher of all six 5th/6th classes
      // 30 h + «Разговоры о важном» = 31 h, but grades 5–6 have at most 6 lessons a day, gap-free
      // from lesson 1, so only 30 slots a week exist for him — infeasible by construction (the
      // precheck in explain.ts now reports it). Such a chunk goes to a new teacher instead.
      if (t && t.load + ch.hours > MAX_LOAD) t = undefined;
      if (!t) {
        t = newTeacher(fam);
        pool.push(t);
      }
      assign(ch, t);
    }
  }
  function assign(ch: Chunk, t: (typeof teachers)[number]): void {
    t.chunks.push(ch);
    t.load += ch.hours;
    chunkTeacher.set(ch, t);
  }

  const rooms = buildRooms(classes, teachers, spec, hard);
  const { classRoom, teacherRoom, special } = rooms;

  // Methodical days: a department day off (hard variant) or some part-time teachers' free day.
  const famDay = new Map<Family, number>();
  families.forEach((f, i) => famDay.set(f, 1 + ((i + rng.int(4)) % 4)));
  for (const t of teachers) {
    if (t.family === 'primary') continue;
    const off = hard ? t.load <= 23 : t.load <= 16 && rng.next() < 0.5;
    if (!off) continue;
    const day = famDay.get(t.family) ?? 4;
    t.unavailable = Array.from({ length: nPeriods }, (_, p) => ({ day, period: p }));
  }

  const lessons: Lesson[] = [];
  const classTeacherTaken = new Set<string>();
  classes.forEach((ci, cls) => {
    const cid = ci.def.id;
    const first = ci.shift * SHIFT_PERIODS;
    const mine = chunks.filter((c) => c.cls === cls);
    for (const ch of mine) {
      const t = chunkTeacher.get(ch);
      if (!t) continue;
      for (const it of ch.items) {
        const def = SUBJECTS.find((s) => s.id === it.subject);
        if (!def) continue;
        const isDouble = (def.doubleGrades ?? []).includes(ci.grade) && it.hours % 2 === 0;
        const roomIds = roomsFor(def.room, ci, cls, t.id, ch, special, classRoom, teacherRoom);
        const lesson: Lesson = {
          id: `${cid}-${it.subject}${ch.group ? `-${ch.group.index + 1}` : ''}`,
          subjectId: it.subject,
          teacherIds: [t.id],
          students: [ch.group ? { classId: cid, division: ci.splits[ch.group.split], groups: [ch.group.index] } : { classId: cid }],
          duration: isDouble ? 2 : 1,
          count: isDouble ? it.hours / 2 : it.hours,
          roomIds,
        };
        if (ch.group) lesson.parallelKey = `${cid}-${it.subject}`;
        lessons.push(lesson);
      }
    }
    // «Разговоры о важном»: the class teacher, first lesson on Monday (приказ № 704).
    const ranked = mine
      .filter((c) => c.group === null && c.family !== 'pe' && !classTeacherTaken.has(chunkTeacher.get(c)?.id ?? ''))
      .sort((a, b) => b.hours - a.hours);
    const ct = chunkTeacher.get(ranked[0] ?? mine[0]);
    if (ct) {
      classTeacherTaken.add(ct.id);
      ct.unavailable = ct.unavailable?.filter((s) => s.day !== 0);
      lessons.push({
        id: `${cid}-rov`,
        subjectId: 'rov',
        teacherIds: [ct.id],
        students: [{ classId: cid }],
        duration: 1,
        count: 1,
        roomIds: ci.grade <= 4 ? [classRoom.get(cls) as string] : roomsFor(undefined, ci, cls, ct.id, ranked[0] ?? mine[0], special, classRoom, teacherRoom),
        allowedStarts: [{ day: 0, period: first }],
      });
    }
  });

  const subjects: Subject[] = SUBJECTS.map((s) => ({
    id: s.id,
    name: s.name,
    difficulty: Object.fromEntries(s.points.map((p, i) => [String(i + 1), p]).filter(([, p]) => (p as number) > 0)),
    doubleAllowed: (s.doubleGrades ?? []).length > 0,
  }));
  const periods = Array.from({ length: nPeriods }, (_, p) =>
    twoShifts ? `${(p % SHIFT_PERIODS) + 1} урок ${p < SHIFT_PERIODS ? 'I' : 'II'} смены` : `${p + 1} урок`,
  );
  return {
    name: `Школа ${opts.size}${hard ? ' (трудная)' : ''}, seed ${opts.seed ?? 1}`,
    days: DAYS,
    periods,
    subjects,
    teachers: teachers.map((t) => ({
      id: t.id,
      name: `${t.name} (${FAMILY_TITLE[t.family]})`,
      ...(t.unavailable?.length ? { unavailable: t.unavailable } : {}),
    })),
    rooms: rooms.list,
    classes: classes.map((c) => c.def),
    lessons,
  };
}

interface RoomPlan {
  list: Room[];
  classRoom: Map<number, string>;
  teacherRoom: Map<string, string>;
  special: Record<string, string[]>;
}

function buildRooms(
  classes: ClassInfo[],
  teachers: { id: string; family: Family }[],
  spec: SizeSpec,
  hard: boolean,
): RoomPlan {
  const list: Room[] = [];
  const add = (id: string, name: string, type: string, capacity: number): string => {
    list.push({ id, name, type, capacity });
    return id;
  };
  const classRoom = new Map<number, string>();
  const perShift = [0, 0];
  classes.forEach((ci, cls) => {
    if (ci.grade > 4) return;
    const idx = perShift[ci.shift]++;
    const id = `kn${idx + 1}`;
    if (!list.some((r) => r.id === id)) add(id, `Кабинет нач. классов ${idx + 1}`, 'classroom', 30);
    classRoom.set(cls, id);
  });
  const count = (f: Family): number => teachers.filter((t) => t.family === f).length;
  const special: Record<string, string[]> = {
    gym: Array.from({ length: gymCount(classes, spec, hard) }, (_, i) => add(`gym${i + 1}`, `Спортзал ${i + 1}`, 'gym', 60)),
    computer: Array.from({ length: Math.max(2, count('info')) }, (_, i) => add(`comp${i + 1}`, `Компьютерный класс ${i + 1}`, 'computer', 25)),
    workshop: Array.from({ length: Math.max(1, count('techM')) }, (_, i) => add(`ws${i + 1}`, `Мастерская ${i + 1}`, 'workshop', 30)),
    techroom: Array.from({ length: Math.max(1, count('techF')) }, (_, i) => add(`tr${i + 1}`, `Кабинет технологии ${i + 1}`, 'workshop', 30)),
    music: [add('music', 'Кабинет музыки', 'music', 30)],
    art: [add('art', 'Кабинет ИЗО', 'art', 30)],
    chem: [add('chem', 'Лаборатория химии', 'lab-chem', 30)],
    phys: [add('phys', 'Лаборатория физики', 'lab-phys', 30)],
    bio: [add('bio', 'Лаборатория биологии', 'lab-bio', 30)],
  };
  const teacherRoom = new Map<string, string>();
  const needCabinet = teachers.filter((t) => ['rus', 'math', 'hist', 'geo', 'eng', 'obzr', 'phys', 'chem', 'bio'].includes(t.family));
  const labTaken = new Set<string>();
  let cabinets = 0;
  const roamers: string[] = [];
  // Every class of grades 5–11 needs a cabinet for «Разговоры о важном» at the same time.
  const seniorPerShift = [0, 1].map((sh) => classes.filter((ci) => ci.grade > 4 && ci.shift === sh).length);
  const maxRoamers = Math.max(0, needCabinet.length - 3 - Math.max(...seniorPerShift) - 2);
  for (const t of needCabinet) {
    const lab = t.family === 'phys' || t.family === 'chem' || t.family === 'bio' ? t.family : null;
    if (lab && !labTaken.has(lab)) {
      labTaken.add(lab);
      teacherRoom.set(t.id, special[lab][0]);
      continue;
    }
    // Scarce rooms: every fourth teacher has no cabinet and teaches wherever a cabinet is free.
    if (hard && roamers.length < maxRoamers && (cabinets + roamers.length) % 4 === 3) {
      roamers.push(t.id);
      continue;
    }
    const id = add(`k${++cabinets}`, `Кабинет ${100 + cabinets}`, 'classroom', 30);
    teacherRoom.set(t.id, id);
  }
  special.cabinets = list.filter((r) => r.id.startsWith('k') && !r.id.startsWith('kn')).map((r) => r.id);
  return { list, classRoom, teacherRoom, special };
}

function roomsFor(
  kind: string | undefined,
  ci: ClassInfo,
  cls: number,
  teacherId: string,
  ch: Chunk,
  special: Record<string, string[]>,
  classRoom: Map<number, string>,
  teacherRoom: Map<string, string>,
): string[] {
  if (kind === 'gym') return special.gym;
  if (kind === 'computer') return special.computer;
  if (ch.family === 'techM') return special.workshop;
  if (ch.family === 'techF') return special.techroom;
  if (kind === 'music') return special.music;
  if (ci.grade <= 4) {
    if (ch.family === 'eng') return [teacherRoom.get(teacherId) ?? (classRoom.get(cls) as string)];
    return [classRoom.get(cls) as string];
  }
  if (kind === 'art') return special.art;
  const home = teacherRoom.get(teacherId);
  return home ? [home] : special.cabinets;
}


/** Gyms: enough for the PE hours at ~90 % use (hard variant) or the size's usual number. */
function gymCount(classes: ClassInfo[], spec: SizeSpec, hard: boolean): number {
  if (!hard) return spec.gyms;
  const shifts = spec.secondShift.length ? 2 : 1;
  const pe = classes.length * 2;
  return Math.max(spec.gyms - 1, Math.ceil(pe / (35 * shifts * 0.9)));
}
