import iconv from 'iconv-lite';
import type { DemoPortal } from './portalFiles';

/**
 * A realistic `ExportCM.nsxml` written from the format description (`formats/netschool.md` §2.1)
 * for the demo school, with what a real 30-class export holds and the first pull lost: two shifts
 * (4А–4В and 6А–6В study in the second), Saturday lessons for 18 classes (grades 5 and 7–11), ИУП
 * classes 10А and 10Б (every csg with `parentsubjectid="1"` and a `groupid` per subject) sharing
 * the groups «Индивидуальный проект/10АБ» and «Математика (углублённый уровень)/10АБ» (one csg id
 * under both classes), subject → teacher links inside `<subjects>`, groups listed out of order
 * (2А lists «англ.2 под» first), subject abbreviations longer than 20 characters, a vacancy, and the
 * current week's `TimeTable` with a few clashes (real data has them). Windows-1251, CRLF, the
 * portal's element and attribute order.
 */
export interface CmFixture {
  bytes: Buffer;
  text: string;
  /** What the file says, for the assertions. */
  facts: {
    classes: string[];
    secondShift: string[];
    saturday: string[];
    /** Shared ИУП groups: name → the classes. */
    shared: Record<string, string[]>;
    /** Subject → teacher links inside `<subjects>` (sid|tid). */
    links: string[];
    subjects: { sid: string; name: string; abbr: string }[];
    lessons: number;
    lessonTimes: number;
    rooms: number;
    teachers: number;
    csgs: number;
    /** class name → subject name → portal group ids in the order the file lists them. */
    groupOrder: Record<string, Record<string, string[]>>;
  };
}

interface Subj {
  sid: string;
  name: string;
  abbr: string;
  /** The demo school's teaching subject whose teachers teach it; 'class' = the class teacher. */
  by: string;
  foreign?: boolean;
}

const S = (sid: number, name: string, abbr: string, by: string, foreign = false): Subj => ({ sid: String(sid), name, abbr, by, foreign });

const SUBJECTS: Subj[] = [
  S(101, 'Русский язык', 'Рус. яз.', 'Русский язык и литература'),
  S(102, 'Литературное чтение', 'Лит. чтение', 'class'),
  S(103, 'Математика', 'Математика', 'Математика'),
  S(104, 'Окружающий мир', 'Окр. мир', 'class'),
  S(105, 'Иностранный язык (Английский язык)', 'Англ. яз.', 'Английский язык', true),
  S(106, 'Музыка', 'Музыка', 'Музыка'),
  S(107, 'Изобразительное искусство', 'ИЗО', 'Изобразительное искусство'),
  S(108, 'Труд (технология)', 'Труд', 'Труд (технология)'),
  S(109, 'Физическая культура', 'Физ-ра', 'Физическая культура'),
  S(110, 'Основы религиозных культур и светской этики', 'Основы религиозных культур и светской этики', 'История и обществознание'),
  S(112, 'Литература', 'Литература', 'Русский язык и литература'),
  S(114, 'Алгебра', 'Алгебра', 'Математика'),
  S(115, 'Геометрия', 'Геометрия', 'Математика'),
  S(116, 'Вероятность и статистика', 'Вероятность и статистика', 'Математика'),
  S(117, 'История', 'История России. Всеобщая история', 'История и обществознание'),
  S(118, 'Обществознание', 'Обществознание', 'История и обществознание'),
  S(119, 'География', 'География', 'География'),
  S(120, 'Биология', 'Биология', 'Биология'),
  S(121, 'Физика', 'Физика', 'Физика'),
  S(122, 'Химия', 'Химия', 'Химия'),
  S(123, 'Информатика', 'Информатика', 'Информатика'),
  S(124, 'Основы безопасности и защиты Родины', 'Основы безопасности и защиты Родины', 'История и обществознание'),
  S(125, 'Основы духовно-нравственной культуры народов России', 'Основы духовно-нравственной культуры народов России', 'История и обществознание'),
  S(126, 'Второй иностранный язык (Немецкий язык)', 'Второй иностранный язык (Немецкий язык)', 'Английский язык', true),
  S(127, 'Индивидуальный проект', 'Индивидуальный проект', 'Информатика'),
  S(128, 'Математика (углублённый уровень)', 'Математика: алгебра и начала математического анализа, геометрия', 'Математика'),
  S(129, 'Практикум по решению задач по физике', 'Практикум по физике', 'Физика'),
];

type Plan = [sid: number, hours: number, groups?: number][];

function planOf(grade: number): Plan {
  if (grade === 1) return [[101, 5], [102, 4], [103, 4], [104, 2], [106, 1], [107, 1], [108, 1], [109, 2]];
  if (grade <= 4) return [[101, 5], [102, grade === 4 ? 3 : 4], [103, 4], [104, 2], [105, 2, 2], [106, 1], [107, 1], [108, 1], [109, 2], ...(grade === 4 ? ([[110, 1]] as Plan) : [])];
  if (grade <= 6) return [[101, grade === 5 ? 5 : 6], [112, 3], [103, 5], [105, 3, 2], [117, 2], [119, 1], [120, 1], [106, 1], [107, 1], [108, 2, 2], [109, 2], ...(grade === 5 ? ([[125, 1]] as Plan) : [[118, 1]] as Plan)];
  if (grade <= 9) return [[101, grade === 7 ? 4 : 3], [112, grade === 8 ? 2 : 3], [114, 3], [115, 2], [116, 1], [105, 3, 2], [117, 2], [118, 1], [119, 2], [120, grade === 7 ? 1 : 2], [121, grade === 9 ? 3 : 2], ...(grade >= 8 ? ([[122, 2], [124, 1]] as Plan) : []), [123, 1, 2], [108, grade === 9 ? 0 : 1, 2], [109, 2], ...(grade === 7 ? ([[126, 1]] as Plan) : [])].filter(([, h]) => h > 0) as Plan;
  return [[101, 2], [112, 3], [128, 4], [116, 1], [105, 3, 2], [117, 2], [118, 2], [119, 1], [120, 1], [121, 2], [122, 1], [123, 1, 2], [124, 1], [109, 2], [127, 1]];
}

const TIMES_1 = ['8:00-8:40', '8:50-9:30', '9:50-10:30', '10:50-11:30', '11:40-12:20', '12:30-13:10', '13:20-14:00'];
const TIMES_2 = ['14:00-14:40', '14:50-15:30', '15:50-16:30', '16:40-17:20', '17:30-18:10', '18:20-19:00'];
const DAYS = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'];

function esc(v: string | number): string {
  return String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function tag(name: string, attrs: [string, string | number | null | undefined][], close = true): string {
  return `<${name}${attrs.map(([k, v]) => ` ${k}="${v === null || v === undefined ? '' : esc(v)}"`).join('')}${close ? '/>' : '>'}`;
}

interface Csg {
  id: string;
  tid: string | null;
  name: string;
  sid: string;
  studcnt: number;
  hrsweek: number;
  groupid: string;
  parentsubjectid: string;
}

export function realisticExportCm(d: DemoPortal): CmFixture {
  const { school } = d;
  const tidOf = (staffId: string) => String(1000 + school.staff.findIndex((s) => s.id === staffId));
  const teachers = school.staff.filter((s) => s.subject);
  const bySubject = (demoSubject: string) => teachers.filter((t) => t.subject === demoSubject);
  const secondShift = new Set(school.classes.filter((c) => c.grade === 4 || c.grade === 6).map((c) => c.name));
  const saturday = new Set(school.classes.filter((c) => c.grade === 5 || c.grade >= 7).map((c) => c.name));
  const iup = new Set(['10А', '10Б']);
  const links = new Set<string>();
  let nextCsg = 5000;
  const sharedIds = new Map<string, Csg>();
  const groupOrder: CmFixture['facts']['groupOrder'] = {};
  const classCsgs = new Map<string, Csg[]>();
  const subjOf = (sid: number) => SUBJECTS.find((s) => s.sid === String(sid))!;

  school.classes.forEach((c, ci) => {
    const pupils = school.pupils.filter((p) => p.classId === c.id);
    const list: Csg[] = [];
    const onIup = iup.has(c.name);
    for (const [sid, hours, groups = 1] of planOf(c.grade)) {
      const s = subjOf(sid);
      const pool = s.by === 'class' || (c.grade <= 4 && (sid === 101 || sid === 103)) ? school.staff.filter((x) => x.id === c.classTeacherId) : bySubject(s.by);
      const teacher = c.name === '7В' && sid === 126 ? null : (pool[ci % Math.max(1, pool.length)] ?? null);
      const tid = teacher ? tidOf(teacher.id) : null;
      if (tid) links.add(`${s.sid}|${tid}`);
      const groupName = (g: number) => (sid === 105 ? `англ.${g} под` : sid === 108 ? (g === 1 ? 'мальчики' : 'девочки') : `${g} гр.`);
      // ИУП classes: every csg is a group of its subject; 10А and 10Б share two groups.
      if (onIup) {
        const shared = sid === 127 || sid === 128;
        const n = sid === 128 ? 2 : groups;
        for (let g = 1; g <= n; g++) {
          const sharedName = sid === 127 ? 'Индивидуальный проект/10АБ' : 'Математика (углублённый уровень)/10АБ';
          if (shared && g === 1) {
            let csg = sharedIds.get(sharedName);
            if (!csg) {
              csg = { id: String(nextCsg++), tid, name: sharedName, sid: s.sid, studcnt: 0, hrsweek: hours, groupid: '1', parentsubjectid: '1' };
              sharedIds.set(sharedName, csg);
            }
            csg.studcnt += sid === 127 ? pupils.length : Math.ceil(pupils.length / 2);
            list.push(csg);
            continue;
          }
          const gname = n > 1 ? (sid === 128 ? `${s.name}/базовая ${c.name}` : `${s.name}/${groupName(g)}`) : s.name;
          const gtid = sid === 128 && g === 2 ? tidOf(bySubject('Математика')[(ci + 1) % bySubject('Математика').length].id) : tid;
          if (gtid) links.add(`${s.sid}|${gtid}`);
          list.push({ id: String(nextCsg++), tid: gtid, name: gname, sid: s.sid, studcnt: n > 1 ? Math.ceil(pupils.length / n) : pupils.length, hrsweek: sid === 128 && g === 2 ? 3 : hours, groupid: String(g), parentsubjectid: '1' });
        }
        continue;
      }
      if (groups === 1) {
        list.push({ id: String(nextCsg++), tid, name: s.name, sid: s.sid, studcnt: pupils.length, hrsweek: hours, groupid: '', parentsubjectid: '' });
        continue;
      }
      // Split groups; 2А lists the second group first (the portal's rows are not in group order).
      const order = c.name === '2А' ? [2, 1] : [1, 2];
      for (const g of order) {
        const gt = sid === 105 && g === 2 ? pool[(ci + 1) % pool.length] : teacher;
        const gtid = gt ? tidOf(gt.id) : null;
        if (gtid) links.add(`${s.sid}|${gtid}`);
        list.push({ id: String(nextCsg++), tid: gtid, name: `${s.name.split(' (')[0]}/${s.name}/${groupName(g)}`, sid: s.sid, studcnt: Math.ceil(pupils.length / 2), hrsweek: hours, groupid: String(g), parentsubjectid: '' });
      }
      (groupOrder[c.name] ??= {})[s.name] = order.map(String);
    }
    classCsgs.set(c.name, list);
  });
  // A teacher linked to a subject they teach nowhere this year (a qualification only).
  const extra = bySubject('Физика')[0];
  if (extra) links.add(`129|${tidOf(extra.id)}`);

  // The current week: each class's csg placed greedily in its shift, split groups side by side,
  // a shared ИУП group once for both classes; Saturday only for the six-day classes.
  const lessonsAt = new Map<string, { id: string; room: string }[]>(); // `${wd}|${timeId}` → csgs
  const busy = new Set<string>(); // `${class}|${wd}|${timeId}`
  const placed = new Set<string>(); // shared csg `${id}|${n}`
  let lessonCount = 0;
  const roomIds = Array.from({ length: 36 }, (_, i) => String(300 + i));
  school.classes.forEach((c, ci) => {
    const shift = secondShift.has(c.name) ? 2 : 1;
    const days = saturday.has(c.name) ? 6 : 5;
    const times = shift === 1 ? TIMES_1.length : TIMES_2.length;
    const base = shift === 1 ? 1 : TIMES_1.length + 1;
    const csgs = classCsgs.get(c.name)!;
    let cursor = saturday.has(c.name) ? 5 : 0; // six-day classes start on Saturday
    const bySlot = new Map<string, Csg[]>();
    for (const g of csgs) bySlot.set(`${g.sid}|${g.groupid ? 'g' : ''}`, [...(bySlot.get(`${g.sid}|${g.groupid ? 'g' : ''}`) ?? []), g]);
    for (const group of bySlot.values()) {
      const hours = Math.max(...group.map((g) => g.hrsweek));
      for (let h = 0; h < hours; h++) {
        let tries = 0;
        while (tries++ < days * times) {
          // Period by period across the days, so every day gets lessons.
          const slot = cursor++ % (days * times);
          const day = slot % days;
          const timeId = base + Math.floor(slot / days);
          const wd = day + 2;
          if (busy.has(`${c.name}|${wd}|${timeId}`)) continue;
          busy.add(`${c.name}|${wd}|${timeId}`);
          for (const g of group) {
            const sharedKey = `${g.id}|${h}`;
            if (sharedIds.has(g.name)) {
              if (placed.has(sharedKey)) continue;
              placed.add(sharedKey);
            }
            const key = `${wd}|${timeId}`;
            lessonsAt.set(key, [...(lessonsAt.get(key) ?? []), { id: g.id, room: roomIds[(ci + lessonCount) % roomIds.length] }]);
            lessonCount++;
          }
          break;
        }
      }
    }
    // Real exports are not clash-free: 3В has two whole-class lessons at Monday's first lesson.
    if (c.name === '3В') {
      const whole = csgs.filter((g) => !g.groupid);
      lessonsAt.set('2|1', [...(lessonsAt.get('2|1') ?? []), { id: whole[0].id, room: '301' }, { id: whole[1].id, room: '302' }]);
      lessonCount += 2;
    }
  });

  const lines: string[] = [
    '<?xml version="1.0" encoding="windows-1251"?>',
    '<TimeTableExchange xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="TimeTableWeek.xsd">',
    '<LessonTimes>',
  ];
  [...TIMES_1.map((t, i) => [t, 1, i + 1] as const), ...TIMES_2.map((t, i) => [t, 2, i + 1] as const)].forEach(([t, sm, n], i) => {
    lines.push(tag('LessonTime', [['id', i + 1], ['starttime', t.split('-')[0]], ['endtime', t.split('-')[1]], ['sm', sm], ['number', n]]));
  });
  lines.push('</LessonTimes>', '<teachers>');
  for (const t of teachers) lines.push(tag('teacher', [['tid', tidOf(t.id)], ['firstname', t.firstName], ['lastname', t.lastName], ['middlename', t.middleName]]));
  lines.push('</teachers>', '<subjects>');
  for (const s of SUBJECTS) {
    const tids = [...links].filter((l) => l.startsWith(`${s.sid}|`)).map((l) => l.split('|')[1]);
    const attrs: [string, string][] = [['sid', s.sid], ['name', s.name], ['abbr', s.abbr]];
    if (s.foreign) attrs.push(['foreign', '1']);
    if (tids.length === 0) lines.push(tag('subject', attrs));
    else lines.push(tag('subject', attrs, false), ...tids.map((tid) => tag('teacher', [['tid', tid]])), '</subject>');
  }
  lines.push('</subjects>', '<Rooms>');
  roomIds.forEach((id, i) => lines.push(tag('room', [['id', id], ['name', i < 30 ? String(101 + i + Math.floor(i / 10) * 90) : ['Спортзал', 'Актовый зал', 'Мастерская', 'Библиотека', 'Кабинет информатики 2', 'Лаборатория'][i - 30]], ['seats', i < 30 ? 30 : 60], ['floor', 1 + Math.floor(i / 10)]])));
  lines.push('</Rooms>', '<Plan>');
  school.classes.forEach((c, ci) => {
    const pupils = school.pupils.filter((p) => p.classId === c.id);
    lines.push(tag('class', [['id', String(100 + ci)], ['name', c.name], ['grade', c.grade], ['studcnt', pupils.length], ['boys', pupils.filter((p) => p.sex === 'М').length], ['girls', pupils.filter((p) => p.sex === 'Ж').length]], false));
    for (const g of classCsgs.get(c.name)!) lines.push(tag('csg', [['id', g.id], ['tid', g.tid], ['name', g.name], ['sid', g.sid], ['studcnt', g.studcnt], ['hrsweek', g.hrsweek.toFixed(1)], ['groupid', g.groupid], ['parentsubjectid', g.parentsubjectid]]));
    lines.push('</class>');
  });
  lines.push('</Plan>', '<TimeTable>', tag('Week', [['id', '1'], ['name', 'Неделя с 07.09.2026']], false));
  for (let wd = 2; wd <= 7; wd++) {
    lines.push(tag('Day', [['id', wd], ['name', DAYS[wd - 2]], ['wd', wd]], false));
    for (let timeId = 1; timeId <= TIMES_1.length + TIMES_2.length; timeId++) {
      const at = lessonsAt.get(`${wd}|${timeId}`);
      if (!at) continue;
      lines.push(tag('Lesson', [['timeId', timeId]], false), ...at.map((l) => tag('csg', [['id', l.id], ['roomid', l.room]])), '</Lesson>');
    }
    lines.push('</Day>');
  }
  lines.push('</Week>', '</TimeTable>', '</TimeTableExchange>');
  const text = lines.join('\r\n') + '\r\n';
  const shared: Record<string, string[]> = {};
  for (const name of sharedIds.keys()) shared[name] = [...iup];
  return {
    bytes: iconv.encode(text, 'win1251'),
    text,
    facts: {
      classes: school.classes.map((c) => c.name),
      secondShift: [...secondShift],
      saturday: [...saturday],
      shared,
      links: [...links],
      subjects: SUBJECTS.map(({ sid, name, abbr }) => ({ sid, name, abbr })),
      lessons: lessonCount,
      lessonTimes: TIMES_1.length + TIMES_2.length,
      rooms: roomIds.length,
      teachers: teachers.length,
      csgs: [...classCsgs.values()].reduce((n, l) => n + l.length, 0),
      groupOrder,
    },
  };
}

/** Damaged copies of a portal file, as they reach a school: cut off, an element lost, the wrong encoding. */
export function damagedExportCm(f: CmFixture): Record<'cutAtLineEnd' | 'cutMidTag' | 'unclosedElement' | 'koi8r' | 'utf8DeclaredCp1251', Buffer> {
  const lines = f.text.split('\r\n');
  // Cut at a line end inside the Plan: the classes after it are simply missing.
  const planAt = lines.findIndex((l) => l.startsWith('<class ') && l.includes('name="8А"'));
  const cut = lines.slice(0, planAt).join('\r\n') + '\r\n';
  const midTag = f.text.slice(0, f.text.indexOf('<csg ', f.text.indexOf('name="5Б"')) + 25);
  // One `</class>` lost: the next class opens inside the previous one.
  const closeAt = f.text.indexOf('</class>', f.text.indexOf('name="3А"'));
  const unclosed = f.text.slice(0, closeAt) + f.text.slice(closeAt + '</class>\r\n'.length);
  return {
    cutAtLineEnd: iconv.encode(cut, 'win1251'),
    cutMidTag: iconv.encode(midTag, 'win1251'),
    unclosedElement: iconv.encode(unclosed, 'win1251'),
    koi8r: iconv.encode(f.text, 'koi8-r'),
    utf8DeclaredCp1251: Buffer.from(f.text, 'utf8'),
  };
}
