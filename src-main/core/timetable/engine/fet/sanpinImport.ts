import type { TimetableInstance } from '../model';

/**
 * SanPiN data for an imported school. A `.fet` file has no grades and no difficulty points, so
 * without this every class is grade 0 and the Tue/Wed peak and "hard lessons first/last" neither
 * count nor get optimised. The grade is read from the class name, the points from the subject name
 * (the school's own subjects first, then the app's dictionary). Both only feed the soft SanPiN
 * figures: no limit, availability or other hard rule is added or changed.
 *
 * The engine imports nothing of the app, so the name rules come in as `names` — the app passes
 * `SANPIN_NAMES` of src-shared/domain/schoolSetup/subjectDictionary.ts.
 */
export interface SanpinNames {
  /** Grade 1…11 a class name states, or null («5А» → 5, «8» → null). */
  gradeOf(className: string): number | null;
  /** The SanPiN table row a subject name stands for; `exact` false = only its start matched. */
  subjectOf(subjectName: string): { key: string; as: string; exact: boolean } | null;
  /** Points of a row in a grade, null when the table has none. */
  pointsOf(key: string, grade: number): number | null;
  /** Spelling-insensitive key of a subject name (school subjects are matched by it). */
  normalise(name: string): string;
}

export interface SanpinImportOptions {
  /** The name rules to infer with; without them nothing is inferred (only `grades`/`subjectPoints` apply). */
  names?: SanpinNames;
  /** false: infer nothing even with `names` (every class keeps grade 0). Default true. */
  infer?: boolean;
  /** Grade per class as the user set it (FET Year name → 1…11; 0 = no SanPiN profile). */
  grades?: Record<string, number>;
  /**
   * The school's own subjects (e.g. the app's subject cards) with their points per grade ("5" → 10);
   * matched by name or short name (any case, ё = е, punctuation ignored) before the dictionary.
   */
  schoolSubjects?: { name: string; shortName?: string; points: Record<string, number> }[];
  /** Points per grade per subject name as the user corrected them; null = the subject has none. */
  subjectPoints?: Record<string, Record<string, number> | null>;
}

export interface InferredClass {
  /** The class (FET Year) name. */
  name: string;
  grade: number | null;
  source: 'caller' | 'name' | 'none';
}

export interface InferredSubject {
  name: string;
  source: 'caller' | 'school' | 'dictionary' | 'none';
  /** Dictionary: the SanPiN row and the name that matched; `exact` false = only the start matched. */
  match?: { key: string; as: string; exact: boolean };
  /** Points by grade, for the grades of the classes that have the subject. */
  points: Record<string, number>;
  /** Grades that have the subject but got no points. */
  missingGrades: number[];
}

export interface SanpinInference {
  classes: InferredClass[];
  subjects: InferredSubject[];
}

/** Sets class grades and subject points on an imported instance; returns what it did, with notes. */
export function applySanpinInference(inst: TimetableInstance, opts: SanpinImportOptions = {}): { inference: SanpinInference; notes: string[] } {
  const notes: string[] = [];
  const names = opts.names;
  const infer = (opts.infer ?? true) && names !== undefined;
  const classes: InferredClass[] = inst.classes.map((k) => {
    const given = opts.grades?.[k.name];
    if (given !== undefined) {
      k.grade = given;
      return { name: k.name, grade: given || null, source: 'caller' };
    }
    const g = infer && names ? names.gradeOf(k.name) : null;
    k.grade = g ?? 0;
    return { name: k.name, grade: g, source: g === null ? 'none' : 'name' };
  });

  const gradesOf = new Map<string, Set<number>>();
  const gradeOfClass = new Map(inst.classes.map((k) => [k.id, k.grade] as const));
  for (const l of inst.lessons) {
    const set = gradesOf.get(l.subjectId) ?? new Set<number>();
    for (const a of l.students) {
      const g = gradeOfClass.get(a.classId) ?? 0;
      if (g > 0) set.add(g);
    }
    gradesOf.set(l.subjectId, set);
  }
  const norm = (n: string): string => (names ? names.normalise(n) : n.toLowerCase().replace(/ё/g, 'е').trim());
  const school = new Map<string, Record<string, number>>();
  for (const s of opts.schoolSubjects ?? []) {
    for (const n of [s.name, s.shortName]) if (n && !school.has(norm(n))) school.set(norm(n), s.points);
  }

  const subjects: InferredSubject[] = inst.subjects.map((s) => {
    const grades = [...(gradesOf.get(s.id) ?? [])].sort((a, b) => a - b);
    const corrected = opts.subjectPoints && s.name in opts.subjectPoints ? opts.subjectPoints[s.name] : undefined;
    const own = school.get(norm(s.name));
    const match = corrected === undefined && !own && infer && names ? names.subjectOf(s.name) : null;
    const source: InferredSubject['source'] = corrected !== undefined ? 'caller' : own ? 'school' : match ? 'dictionary' : 'none';
    const points: Record<string, number> = {};
    const missingGrades: number[] = [];
    for (const g of grades) {
      let p: number | null | undefined;
      if (corrected !== undefined) p = corrected?.[String(g)];
      else if (own) p = own[String(g)];
      else if (match && names) p = names.pointsOf(match.key, g);
      if (p === null || p === undefined) missingGrades.push(g);
      else points[String(g)] = p;
    }
    if (corrected !== undefined || own || match) s.difficulty = points;
    return { name: s.name, source, ...(match ? { match } : {}), points, missingGrades };
  });

  if (infer || opts.grades || opts.subjectPoints) {
    const unknown = classes.filter((k) => k.grade === null).map((k) => `«${k.name}»`);
    const known = classes.length - unknown.length;
    notes.push(
      `СанПиН: параллель определена у ${known} из ${classes.length} классов` +
        (unknown.length ? `; не определена у ${list(unknown)} — укажите её, иначе у этих классов нет профиля трудности.` : '.'),
    );
    const taught = subjects.filter((_, i) => (gradesOf.get(inst.subjects[i].id)?.size ?? 0) > 0);
    const rated = taught.filter((s) => Object.keys(s.points).length > 0);
    const unrated = taught.filter((s) => s.source === 'none').map((s) => `«${s.name}»`);
    notes.push(
      `СанПиН: баллы трудности найдены у ${rated.length} из ${taught.length} предметов` +
        (unrated.length ? `; не найдены у ${list(unrated)}.` : '.'),
    );
    const partial = subjects.filter((s) => s.source === 'dictionary' && s.match && !s.match.exact).map((s) => `«${s.name}» → «${s.match?.as}»`);
    if (partial.length) notes.push(`СанПиН: предметы сопоставлены по началу названия, проверьте: ${list(partial)}.`);
    notes.push('СанПиН: параллели и баллы влияют только на мягкие показатели (пик трудности во вт/ср, трудные уроки первыми/последними); жёсткие ограничения файла не изменены.');
  }
  return { inference: { classes, subjects }, notes };
}

function list(items: string[]): string {
  return items.length > 8 ? `${items.slice(0, 8).join(', ')} и ещё ${items.length - 8}` : items.join(', ');
}
