import { round2 } from '../../../src-shared/domain/curriculum/hours';
import type { LoadRow } from '../../../src-shared/domain/curriculum/loadRows';
import type { DemoSchool, DemoStaff } from './generateSchool';

/**
 * Who teaches what in the demo school, from the teachers' `subject` in the generator: a pure,
 * deterministic share-out. A teacher takes whole bundles (all of a class's mathematics, one English
 * group), the least loaded teacher of the subject first, up to CAP hours; what nobody can take stays a
 * vacancy — as in a real school short of English teachers.
 */
export type DemoBundleRow = LoadRow;

const CAP = 30;

/** Subjects of each teacher speciality of the generator. */
const DOMAINS: Record<string, readonly string[]> = {
  'Русский язык и литература': ['Русский язык', 'Литература'],
  Математика: ['Математика', 'Алгебра', 'Геометрия', 'Вероятность и статистика'],
  'Английский язык': ['Иностранный язык (английский)'],
  'История и обществознание': ['История', 'Обществознание', 'Основы духовно-нравственной культуры народов России'],
  Физика: ['Физика'],
  Химия: ['Химия'],
  Биология: ['Биология'],
  География: ['География'],
  Информатика: ['Информатика'],
  'Физическая культура': ['Физическая культура'],
  Музыка: ['Музыка'],
  'Изобразительное искусство': ['Изобразительное искусство'],
  'Труд (технология)': ['Труд (технология)'],
};

/** Taught by the class teacher of grades 1–4. */
const PRIMARY = ['Русский язык', 'Литературное чтение', 'Математика', 'Окружающий мир', 'Изобразительное искусство', 'Труд (технология)', 'Основы религиозных культур и светской этики'];
/** Taught by every class's own class teacher. */
const CLASS_TEACHER = ['Разговоры о важном', 'Россия — мои горизонты', 'Индивидуальный проект'];
const OBZR_POSITION = 'Преподаватель-организатор основ безопасности и защиты Родины';
const OBZR = 'Основы безопасности и защиты Родины';

function domainOf(subject: string): string | null {
  for (const [domain, list] of Object.entries(DOMAINS)) if (list.includes(subject)) return domain;
  return null;
}

export interface DemoLoad {
  assignments: { classId: string; subjectId: string; groupNo: number; staffId: string }[];
  /** Teacher → subject names they are qualified for. */
  qualifications: Map<string, Set<string>>;
  vacancies: number;
}

export function demoLoad(school: DemoSchool, rows: readonly DemoBundleRow[]): DemoLoad {
  const classes = new Map(school.classes.map((c) => [c.id, c]));
  const hours = new Map<string, number>();
  const qualifications = new Map<string, Set<string>>();
  const qualify = (t: DemoStaff, subjects: readonly string[]) => {
    const set = qualifications.get(t.id) ?? new Set<string>();
    for (const s of subjects) set.add(s);
    qualifications.set(t.id, set);
  };
  const pools = new Map<string, DemoStaff[]>();
  for (const t of school.staff) {
    if (t.subject && DOMAINS[t.subject]) {
      pools.set(t.subject, [...(pools.get(t.subject) ?? []), t]);
      qualify(t, DOMAINS[t.subject]);
    }
    if (t.subject === 'Начальные классы') qualify(t, [...PRIMARY, 'Разговоры о важном']);
    if (t.position === OBZR_POSITION) {
      pools.set(OBZR, [t]);
      qualify(t, [OBZR]);
    }
  }
  const byId = new Map(school.staff.map((s) => [s.id, s]));

  // Bundles: class × owner (class teacher, or a speciality) × group, in the order of grades and letters.
  const bundles = new Map<string, { owner: string; rows: DemoBundleRow[] }>();
  for (const r of [...rows].sort((a, b) => a.grade - b.grade || a.className.localeCompare(b.className, 'ru') || a.groupNo - b.groupNo)) {
    const cls = classes.get(r.classId);
    let owner: string | null;
    if (CLASS_TEACHER.includes(r.subjectName) || (cls && cls.grade <= 4 && PRIMARY.includes(r.subjectName))) owner = 'classTeacher';
    else if (r.subjectName === OBZR) owner = OBZR;
    else owner = domainOf(r.subjectName);
    if (!owner) continue;
    const key = `${r.classId}|${owner}|${r.groupNo}`;
    const b = bundles.get(key) ?? { owner, rows: [] };
    b.rows.push(r);
    bundles.set(key, b);
  }

  const out: DemoLoad = { assignments: [], qualifications, vacancies: 0 };
  const give = (t: DemoStaff, b: { rows: DemoBundleRow[] }, size: number) => {
    hours.set(t.id, round2((hours.get(t.id) ?? 0) + size));
    for (const r of b.rows) out.assignments.push({ classId: r.classId, subjectId: r.subjectId, groupNo: r.groupNo, staffId: t.id });
  };
  for (const b of bundles.values()) {
    const size = round2(b.rows.reduce((s, r) => s + r.hours, 0));
    const cls = classes.get(b.rows[0].classId);
    if (b.owner === 'classTeacher') {
      const t = cls ? byId.get(cls.classTeacherId) : undefined;
      if (t) {
        give(t, b, size);
        qualify(t, b.rows.map((r) => r.subjectName));
      } else out.vacancies += b.rows.length;
      continue;
    }
    const pool = pools.get(b.owner) ?? [];
    const fit = pool
      .map((t, i) => ({ t, i, h: hours.get(t.id) ?? 0 }))
      .filter((x) => x.h + size <= CAP)
      .sort((a, c) => a.h - c.h || a.i - c.i)[0];
    if (fit) give(fit.t, b, size);
    else out.vacancies += b.rows.length;
  }
  return out;
}
