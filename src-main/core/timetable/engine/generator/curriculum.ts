/**
 * Weekly hours of a 5-day week by grade, after the federal programmes (ФОП НОО/ООО/СОО, 2023) with
 * «Разговоры о важном», and SanPiN difficulty points (sanpin.md §3; "to verify" values included
 * as editable defaults). Grades 10–11 follow the universal profile with a technology bias.
 */

export type Family =
  | 'primary'
  | 'rus'
  | 'math'
  | 'hist'
  | 'geo'
  | 'bio'
  | 'phys'
  | 'chem'
  | 'eng'
  | 'info'
  | 'pe'
  | 'arts'
  | 'techM'
  | 'techF'
  | 'obzr';

export type Split = 'lang' | 'info' | 'tech';

export interface SubjectDef {
  id: string;
  name: string;
  /** Family for grades 5–11; grades 1–4 use the class teacher unless `primaryFamily` says otherwise. */
  family: Family;
  primaryFamily?: Family;
  /** Hours per week by grade 1..11 (index 0 = grade 1). */
  hours: number[];
  /** Difficulty points by grade 1..11. */
  points: number[];
  split?: Split;
  /** Grades where one occurrence is a double lesson. */
  doubleGrades?: number[];
  room?: 'gym' | 'computer' | 'workshop' | 'techroom' | 'music' | 'art' | 'chem' | 'phys' | 'bio';
}

const P14 = (a: number, b: number, c: number, d: number): number[] => [a, b, c, d];

export const SUBJECTS: SubjectDef[] = [
  { id: 'rov', name: 'Разговоры о важном', family: 'primary', hours: fill(1), points: fill(0) },
  {
    id: 'rus', name: 'Русский язык', family: 'rus', primaryFamily: 'primary',
    hours: [5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2], points: [...P14(7, 7, 7, 7), 8, 12, 11, 7, 6, 9, 9],
  },
  { id: 'lread', name: 'Литературное чтение', family: 'primary', hours: [4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0], points: fill(5) },
  { id: 'lit', name: 'Литература', family: 'rus', hours: [0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3], points: [0, 0, 0, 0, 4, 6, 4, 4, 7, 8, 8] },
  {
    id: 'eng', name: 'Иностранный язык (английский)', family: 'eng', primaryFamily: 'eng', split: 'lang',
    hours: [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3], points: [7, 7, 7, 7, 9, 11, 10, 8, 9, 8, 8],
  },
  { id: 'math', name: 'Математика', family: 'math', primaryFamily: 'primary', hours: [4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0], points: [8, 8, 8, 8, 10, 13, 0, 0, 0, 0, 0] },
  { id: 'alg', name: 'Алгебра', family: 'math', hours: [0, 0, 0, 0, 0, 0, 3, 3, 3, 4, 4], points: [0, 0, 0, 0, 0, 0, 10, 9, 7, 10, 10] },
  { id: 'geom', name: 'Геометрия', family: 'math', hours: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2], points: [0, 0, 0, 0, 0, 0, 12, 10, 8, 11, 11] },
  { id: 'stat', name: 'Вероятность и статистика', family: 'math', hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], points: [0, 0, 0, 0, 0, 0, 10, 9, 7, 10, 10] },
  {
    id: 'info', name: 'Информатика', family: 'info', split: 'info', room: 'computer',
    hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2], points: fill(6),
  },
  { id: 'world', name: 'Окружающий мир', family: 'primary', hours: [2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0], points: fill(6) },
  { id: 'orkse', name: 'ОРКСЭ', family: 'primary', hours: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], points: fill(4) },
  { id: 'hist', name: 'История', family: 'hist', hours: [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2], points: [0, 0, 0, 0, 5, 8, 6, 8, 10, 5, 5] },
  { id: 'soc', name: 'Обществознание', family: 'hist', hours: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2], points: [0, 0, 0, 0, 6, 9, 9, 5, 5, 5, 5] },
  { id: 'odnknr', name: 'ОДНКНР', family: 'hist', hours: [0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], points: fill(5) },
  { id: 'geo', name: 'География', family: 'geo', hours: [0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1], points: [0, 0, 0, 0, 7, 7, 6, 6, 5, 3, 3] },
  { id: 'bio', name: 'Биология', family: 'bio', room: 'bio', hours: [0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1], points: [0, 0, 0, 0, 10, 8, 7, 7, 7, 7, 7] },
  { id: 'phys', name: 'Физика', family: 'phys', room: 'phys', hours: [0, 0, 0, 0, 0, 0, 2, 2, 3, 3, 3], points: [0, 0, 0, 0, 0, 0, 8, 9, 13, 12, 12] },
  { id: 'chem', name: 'Химия', family: 'chem', room: 'chem', hours: [0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1], points: [0, 0, 0, 0, 0, 0, 13, 10, 12, 11, 11] },
  { id: 'music', name: 'Музыка', family: 'arts', primaryFamily: 'arts', room: 'music', hours: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], points: [3, 3, 3, 3, 2, 1, 1, 1, 0, 0, 0] },
  { id: 'art', name: 'Изобразительное искусство', family: 'arts', primaryFamily: 'primary', room: 'art', hours: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0], points: [3, 3, 3, 3, 3, 3, 1, 3, 0, 0, 0] },
  {
    id: 'tech', name: 'Труд (технология)', family: 'techF', primaryFamily: 'primary', split: 'tech',
    hours: [1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0], points: [2, 2, 2, 2, 4, 3, 2, 1, 4, 0, 0], doubleGrades: [5, 6, 7],
  },
  { id: 'pe', name: 'Физическая культура', family: 'pe', primaryFamily: 'pe', room: 'gym', hours: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], points: [1, 1, 1, 1, 3, 4, 2, 2, 2, 1, 1] },
  { id: 'obzr', name: 'ОБЗР', family: 'obzr', hours: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], points: [0, 0, 0, 0, 0, 0, 0, 3, 3, 2, 2] },
  { id: 'proj', name: 'Индивидуальный проект', family: 'obzr', hours: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], points: fill(3) },
];

function fill(v: number): number[] {
  return Array.from({ length: 11 }, () => v);
}

/** SanPiN daily maxima (sanpin.md §1): value, and the once-a-week allowance for grades 1–4. */
export function dailyMax(grade: number): { value: number; onceAWeek?: number } {
  if (grade === 1) return { value: 4, onceAWeek: 5 };
  if (grade <= 4) return { value: 5, onceAWeek: 6 };
  if (grade <= 6) return { value: 6 };
  return { value: 7 };
}

export const FAMILY_TITLE: Record<Family, string> = {
  primary: 'учитель начальных классов',
  rus: 'учитель русского языка и литературы',
  math: 'учитель математики',
  hist: 'учитель истории и обществознания',
  geo: 'учитель географии',
  bio: 'учитель биологии',
  phys: 'учитель физики',
  chem: 'учитель химии',
  eng: 'учитель английского языка',
  info: 'учитель информатики',
  pe: 'учитель физической культуры',
  arts: 'учитель музыки и ИЗО',
  techM: 'учитель труда (технологии)',
  techF: 'учитель труда (технологии)',
  obzr: 'преподаватель-организатор ОБЗР',
};

export const SURNAMES = [
  'Иванова', 'Петрова', 'Смирнова', 'Кузнецова', 'Соколова', 'Попова', 'Лебедева', 'Козлова', 'Новикова',
  'Морозова', 'Волкова', 'Алексеева', 'Павлова', 'Семёнова', 'Голубева', 'Виноградова', 'Богданова',
  'Воробьёва', 'Фёдорова', 'Михайлова', 'Беляева', 'Тарасова', 'Белова', 'Комарова', 'Орлова', 'Киселёва',
  'Макарова', 'Андреева', 'Ковалёва', 'Ильина', 'Гусева', 'Титова', 'Кузьмина', 'Кудрявцева', 'Баранова',
  'Куликова', 'Алексеев', 'Степанов', 'Яковлев', 'Сорокин', 'Сергеев', 'Романов', 'Захаров', 'Борисов',
  'Королёв', 'Герасимов', 'Пономарёв', 'Григорьев', 'Лазарев', 'Медведев', 'Ершов', 'Никитин', 'Соболев',
  'Рябов', 'Поляков', 'Цветков', 'Данилов', 'Жуков', 'Фролов', 'Журавлёв',
];

export const INITIALS = 'АБВГДЕИКЛМНОПРСТЮЯ';
