import type { ExplanationItem, LinkTarget, Refs } from '../../../src-shared/contract/timetableFields';

/**
 * Where each kind of problem is fixed: the screens of src-renderer/app/routes.tsx with the query
 * parameters they read. Pages that do not read a parameter yet simply open (the UI adds them).
 */
export const links = {
  load: (yearId: string, classId?: string, subjectId?: string, className?: string): LinkTarget => ({
    route: '/load',
    query: { tab: 'grid', yearId, ...(classId ? { classId } : {}), ...(subjectId ? { subjectId } : {}) },
    label: className ? `Открыть нагрузку ${className}` : 'Открыть нагрузку',
  }),
  teacherLoad: (yearId: string, staffId: string): LinkTarget => ({ route: '/load', query: { tab: 'teachers', yearId, staffId }, label: 'Открыть нагрузку учителя' }),
  plan: (yearId: string, grade: number, classId: string | null, className?: string): LinkTarget => ({
    route: '/curriculum',
    query: { yearId, plan: classId ? `${grade}:${classId}` : String(grade) },
    label: className ? `Открыть учебный план ${className}` : `Открыть учебный план ${grade}-х классов`,
  }),
  subgroups: (yearId: string): LinkTarget => ({ route: '/curriculum', query: { yearId, tab: 'subgroups' }, label: 'Открыть подгруппы' }),
  bells: (yearId: string): LinkTarget => ({ route: '/bells', query: { yearId }, label: 'Открыть расписание звонков' }),
  rooms: (roomTypeId?: string): LinkTarget => ({ route: '/rooms', query: roomTypeId ? { roomTypeId } : {}, label: 'Открыть кабинеты' }),
  subject: (subjectId: string): LinkTarget => ({ route: '/subjects', query: { subjectId }, label: 'Открыть предмет' }),
  classCard: (classId: string): LinkTarget => ({ route: '/classes', query: { classId }, label: 'Открыть класс' }),
  availability: (yearId: string, staffId: string): LinkTarget => ({ route: '/timetable/availability', query: { yearId, staffId }, label: 'Открыть недоступность учителя' }),
  joints: (yearId: string, jointId?: string): LinkTarget => ({ route: '/timetable/joints', query: { yearId, ...(jointId ? { jointId } : {}) }, label: 'Открыть объединённые занятия' }),
  timetable: (versionId: string, view: 'class' | 'teacher' | 'room' | 'master', id?: string): LinkTarget => ({
    route: '/timetable',
    query: { versionId, view, ...(id ? { id } : {}) },
    label: view === 'class' ? 'Показать в расписании класса' : view === 'teacher' ? 'Показать в расписании учителя' : view === 'room' ? 'Показать в занятости кабинета' : 'Показать в сводном расписании',
  }),
};

export const noRefs = (): Refs => ({ classIds: [], staffIds: [], roomIds: [], subjectIds: [], lessonIds: [] });

export function item(level: ExplanationItem['level'], code: string, message: string, link: LinkTarget | null, refs: Partial<Refs> = {}): ExplanationItem {
  return { level, code, message, link, refs: { ...noRefs(), ...refs } };
}
