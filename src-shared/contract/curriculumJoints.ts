import { z } from './zodRu';
import { mutation, query } from './define';
import { version } from './fields';
import { recordId } from './setupFields';

/**
 * Joint groups (сводные группы): load rows of several classes (or their groups) of one subject taught
 * as one lesson with one teacher — «Индивидуальный проект 10АБ». The curriculum owns them (the load
 * counts their hours once, the portal's ExportCM brings them); the timetable places each as one
 * lesson with several audiences.
 */

export const jointMemberIn = z.object({ classId: recordId, groupNo: z.number().int().min(0).max(4) });

export const jointOut = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  name: z.string(),
  members: z.array(z.object({ classId: z.string(), className: z.string(), groupNo: z.number(), hours: z.number().nullable(), teacherIds: z.array(z.string()) })),
  /** Why the members cannot be one lesson (different hours or teachers), in Russian. */
  problems: z.array(z.string()),
  version,
});

export const curriculumJointsContract = {
  /** Joint groups of the year (a group «Индивидуальный проект 10АБ»): one lesson with several audiences. */
  'curriculum.joints.list': query({
    summary: 'Объединённые занятия (сводные группы) классов',
    right: 'curriculum.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ joints: z.array(jointOut) }),
  }),
  /** Creates or changes a joint group: two or more load rows of one subject taught together. */
  'curriculum.joints.save': mutation({
    summary: 'Сохранить объединённое занятие (сводную группу)',
    right: 'curriculum.edit',
    entity: 'jointGroup',
    record: 'Объединённое занятие',
    labels: { name: 'Название', subjectId: 'Предмет', members: 'Классы и группы' },
    input: z.object({
      yearId: recordId,
      id: recordId.nullable(),
      version,
      subjectId: recordId,
      name: z.string().trim().min(1, 'обязательное поле').max(200),
      members: z.array(jointMemberIn).min(2, 'выберите хотя бы два класса или группы').max(12),
    }),
    output: jointOut,
  }),
  'curriculum.joints.delete': mutation({
    summary: 'Удалить объединённое занятие (сводную группу)',
    right: 'curriculum.edit',
    entity: 'jointGroup',
    record: 'Объединённое занятие',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
};
