import { gradeFromClassName } from './classNames';
import { sanpinPoints } from './sanpinDifficulty';

/**
 * Subject names → rows of the SanPiN difficulty table (sanpinDifficulty.ts): the names and
 * abbreviations Russian timetables use («Рус. яз.», «Физ-ра», «Алгебра и начала анализа»,
 * «Английский язык гр.1»). Timetable imports use it to give an imported school its SanPiN points;
 * a school's own subjects (name → points) go first when the caller has them.
 */

/** Normalised names per SanPiN row key (see normaliseSubjectName for the spelling rules). */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  math: ['математика', 'мат', 'матем'],
  algebra: ['алгебра', 'алг', 'алгебра и начала анализа', 'алгебра и начала математического анализа'],
  geometry: ['геометрия', 'геом'],
  probability: ['вероятность и статистика', 'вер и стат', 'теория вероятностей и статистика', 'теория вероятностей', 'вис'],
  russian: ['русский язык', 'русский', 'рус яз', 'русяз', 'рус'],
  readingPrimary: ['литературное чтение', 'лит чтение', 'литчтение', 'чтение'],
  literature: ['литература', 'лит', 'лит ра', 'литра'],
  nativeLanguage: ['родной язык', 'родной русский язык', 'род яз', 'родной'],
  nativeLiterature: [
    'родная литература', 'родная русская литература', 'литературное чтение на родном языке',
    'литературное чтение на родном русском языке', 'род лит', 'лит чт род',
  ],
  foreign: [
    'иностранный язык', 'ин яз', 'иняз', 'иностр яз', 'второй иностранный язык', 'английский язык', 'английский',
    'англ яз', 'англ', 'немецкий язык', 'немецкий', 'нем яз', 'французский язык', 'французский', 'франц яз',
    'испанский язык', 'китайский язык',
  ],
  worldAround: ['окружающий мир', 'окр мир'],
  informatics: ['информатика', 'инф', 'информатика и икт', 'икт'],
  history: ['история', 'ист', 'история россии', 'всеобщая история', 'история россии всеобщая история'],
  social: ['обществознание', 'общ', 'обществ'],
  geography: ['география', 'геогр'],
  biology: ['биология', 'биол'],
  physics: ['физика', 'физ'],
  chemistry: ['химия', 'хим'],
  economics: ['экономика', 'экон'],
  astronomy: ['астрономия'],
  drawing: ['черчение'],
  worldArt: ['мхк', 'мировая художественная культура'],
  localStudies: ['краеведение'],
  naturalScience: ['природоведение', 'естествознание'],
  ecology: ['экология'],
  rhythmics: ['ритмика'],
  art: ['изобразительное искусство', 'изо', 'рисование'],
  music: ['музыка', 'муз'],
  technology: ['труд технология', 'труд', 'технология', 'техн'],
  pe: ['физическая культура', 'физкультура', 'физ ра', 'физра', 'фк', 'физ культура', 'физ воспитание', 'физическое воспитание'],
  safety: ['основы безопасности и защиты родины', 'обзр', 'обж', 'основы безопасности жизнедеятельности'],
  orkse: ['основы религиозных культур и светской этики', 'орксэ'],
  odnknr: ['основы духовно нравственной культуры народов россии', 'однкнр'],
  project: ['индивидуальный проект', 'инд проект'],
};

/**
 * Rows tried after the first when it has no value in the grade: «История» in grade 4 is the
 * primary-school row; «Математика» in grades 7–11 is not rated (алгебра and геометрия are).
 */
const FALLBACK: Readonly<Record<string, readonly string[]>> = { history: ['historyPrimary'] };

/** Lower case, ё = е, punctuation and brackets to spaces, spaces collapsed. */
export function normaliseSubjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const EXACT = new Map<string, string>();
for (const [key, names] of Object.entries(NAMES)) for (const n of names) EXACT.set(normaliseSubjectName(n), key);
const BY_LENGTH = [...EXACT.keys()].sort((a, b) => b.length - a.length);

export interface SubjectMatch {
  /** Row key of sanpinDifficulty.ts. */
  key: string;
  /** The dictionary name that matched (normalised). */
  as: string;
  /** false: only the beginning of the name matched («Английский язык гр 1», «Физика углубл»). */
  exact: boolean;
}

/**
 * The SanPiN row a subject name stands for: the whole name, else the longest dictionary name the
 * name starts with as whole words. Null when nothing matches.
 */
export function matchSanpinSubject(name: string): SubjectMatch | null {
  const n = normaliseSubjectName(name);
  if (!n) return null;
  const exact = EXACT.get(n);
  if (exact) return { key: exact, as: n, exact: true };
  for (const entry of BY_LENGTH) {
    if (n.startsWith(`${entry} `)) return { key: EXACT.get(entry) as string, as: entry, exact: false };
  }
  return null;
}

/** Points of a matched row in a grade (with the fallback rows), or null when the table has none. */
export function sanpinPointsOf(key: string, grade: number): number | null {
  for (const k of [key, ...(FALLBACK[key] ?? [])]) {
    const p = sanpinPoints(k, grade);
    if (p !== null) return p;
  }
  return null;
}

/**
 * The name rules as one object, in the shape the timetable engine's `.fet` import takes
 * (`importFet(xml, name, { names: SANPIN_NAMES })`): the engine imports nothing of the app.
 */
export const SANPIN_NAMES = {
  gradeOf: gradeFromClassName,
  subjectOf: matchSanpinSubject,
  pointsOf: sanpinPointsOf,
  normalise: normaliseSubjectName,
};
