/** The three parts of a Russian school curriculum (ФГОС): their order is the order of the plan's sections. */
export const PLAN_PARTS = {
  mandatory: 'Обязательная часть',
  formed: 'Часть, формируемая участниками образовательных отношений',
  extracurricular: 'Внеурочная деятельность',
} as const;

export type PlanPart = keyof typeof PLAN_PARTS;
export const PART_KEYS = Object.keys(PLAN_PARTS) as PlanPart[];

/** Short labels for narrow columns and messages. */
export const PART_SHORT: Record<PlanPart, string> = {
  mandatory: 'обязательная',
  formed: 'формируемая',
  extracurricular: 'внеурочная',
};

/** Classroom parts count towards the SanPiN weekly maximum; внеурочная does not. */
export function isClassroom(part: PlanPart): boolean {
  return part !== 'extracurricular';
}

/** Forms of промежуточная аттестация the editor suggests (273-ФЗ ст. 58; the school may type its own). */
export const ASSESSMENT_FORMS: readonly string[] = [
  'Контрольная работа',
  'Диктант с грамматическим заданием',
  'Тестирование',
  'Сочинение',
  'Комплексная работа',
  'Зачёт',
  'Защита проекта',
  'Творческая работа',
  'Сдача нормативов',
  'Устный ответ',
  'Годовая отметка по четвертным (полугодовым)',
  'Без отметок (качественная оценка)',
];

/** How a plan writes double lessons: 0 none, n pairs a week, -1 every lesson in pairs. */
export const DOUBLES_ALL = -1;

export function describeDoubles(doubles: number): string {
  if (doubles === DOUBLES_ALL) return 'все';
  if (doubles <= 0) return '';
  return String(doubles);
}

/** Parses what a person types into the «сдвоенные» cell: empty, a number or «все». */
export function parseDoubles(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === '0' || t === 'нет' || t === '-' || t === '—') return 0;
  if (t === 'все' || t === 'всё' || t === 'да') return DOUBLES_ALL;
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 5 ? n : null;
  }
  return null;
}
