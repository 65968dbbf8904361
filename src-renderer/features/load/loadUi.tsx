import { Tag } from 'antd';
import type { TeacherSummary } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { LOAD_STATUS_LABELS, type LoadStatus } from '../../../src-shared/domain/curriculum/rates';

const COLORS: Record<LoadStatus, string> = { none: 'default', under: 'gold', ok: 'green', over: 'red' };

export function StatusTag({ status }: { status: LoadStatus }) {
  return <Tag color={COLORS[status]}>{LOAD_STATUS_LABELS[status]}</Tag>;
}

export function hoursText(n: number): string {
  return formatHours(n);
}

/** Teachers for a subject's select: the qualified ones first, then the other teachers, then everyone else. */
export function teacherOptions(teachers: TeacherSummary[], subjectId: string) {
  const label = (t: TeacherSummary) => `${t.shortName} — ${formatHours(t.hours)} ч`;
  const working = teachers.filter((t) => !t.dismissed);
  const qualified = working.filter((t) => t.qualifiedSubjectIds.includes(subjectId));
  const others = working.filter((t) => !t.qualifiedSubjectIds.includes(subjectId));
  return [
    ...(qualified.length ? [{ label: 'Ведут этот предмет', options: qualified.map((t) => ({ value: t.id, label: label(t) })) }] : []),
    { label: qualified.length ? 'Другие учителя' : 'Учителя', options: others.map((t) => ({ value: t.id, label: label(t) })) },
  ];
}
