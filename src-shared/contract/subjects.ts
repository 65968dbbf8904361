import { z } from './zodRu';
import { mutation, query } from './define';
import { optText, reqText, version } from './fields';
import { exportedFile } from './files';
import { grade, maybeId, recordId } from './setupFields';

export const subjectInput = z.object({
  name: reqText(200),
  shortName: reqText(40),
  areaId: maybeId.default(null),
  /** Normally taught in subgroups (foreign language, информатика, технология). */
  isSplit: z.boolean().default(false),
  /** Row of the shipped SanPiN table the points started from, if any. */
  sanpinKey: optText(50),
  /** The school's SanPiN difficulty points per grade; a grade left out has none. */
  points: z
    .array(z.object({ grade, points: z.number().int('баллы — целое число').min(0, 'баллы — от 0 до 20').max(20, 'баллы — от 0 до 20') }))
    .max(11)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<number>();
      list.forEach((p, i) => {
        if (seen.has(p.grade)) ctx.addIssue({ code: 'custom', path: [i, 'grade'], message: `баллы для ${p.grade} класса указаны дважды` });
        seen.add(p.grade);
      });
    }),
  /** Room types the subject needs (any of them); empty — an ordinary classroom. */
  roomTypeIds: z.array(z.string().min(1)).max(10).default([]),
  isArchived: z.boolean().default(false),
});
export type SubjectInput = z.input<typeof subjectInput>;

export const subject = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  isSplit: z.boolean(),
  sanpinKey: z.string().nullable(),
  points: z.array(z.object({ grade: z.number(), points: z.number() })),
  roomTypeIds: z.array(z.string()),
  isArchived: z.boolean(),
  sortOrder: z.number(),
  version,
});
export type Subject = z.output<typeof subject>;

export const subjectArea = z.object({ id: z.string(), name: z.string(), sortOrder: z.number(), subjectCount: z.number(), version });
export type SubjectArea = z.output<typeof subjectArea>;

const LABELS: Record<string, string> = {
  'subject.name': 'Название',
  'subject.shortName': 'Сокращение',
  'subject.areaId': 'Предметная область',
  'subject.isSplit': 'Деление на подгруппы',
  'subject.points': 'Баллы трудности',
  'subject.roomTypeIds': 'Тип кабинета',
};
for (let i = 0; i < 11; i++) LABELS[`subject.points.${i}.points`] = `Баллы трудности (строка ${i + 1})`;

export const subjectsContract = {
  /** The school's subjects with their SanPiN points and room needs, and the subject areas (ФГОС). */
  'setup.subjects.list': query({
    summary: 'Предметы',
    right: 'setup.read',
    input: z.object({}).optional(),
    output: z.object({ subjects: z.array(subject), areas: z.array(subjectArea) }),
  }),
  /** The subjects as an Excel list (every list exportable). */
  'setup.subjects.export': query({ summary: 'Предметы в Excel', right: 'setup.read', input: z.object({}).optional(), output: exportedFile }),
  /** Creates or updates a subject; names are unique. */
  'setup.subjects.save': mutation({
    summary: 'Сохранить предмет',
    right: 'setup.edit',
    entity: 'subject',
    record: 'Предмет',
    labels: LABELS,
    input: z.object({ id: maybeId, subject: subjectInput, version }),
    output: subject,
  }),
  /** Deletes a subject nothing uses yet; a used one can be archived instead. */
  'setup.subjects.delete': mutation({
    summary: 'Удалить предмет',
    right: 'setup.edit',
    entity: 'subject',
    record: 'Предмет',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** Adds the federal starter set (ФОП НОО/ООО/СОО) with SanPiN points; subjects already present are kept as they are. */
  'setup.subjects.loadStarter': mutation({
    summary: 'Загрузить стандартный список предметов',
    right: 'setup.edit',
    entity: 'subject',
    record: 'Предметы',
    input: z.object({}).optional(),
    output: z.object({ added: z.array(z.string()), kept: z.number(), areasAdded: z.number() }),
  }),
  'setup.subjectAreas.save': mutation({
    summary: 'Сохранить предметную область',
    right: 'setup.edit',
    entity: 'subjectArea',
    record: 'Предметная область',
    labels: { 'area.name': 'Название', 'area.sortOrder': 'Порядок' },
    input: z.object({ id: maybeId, area: z.object({ name: reqText(200), sortOrder: z.number().int().min(0).max(1000).default(0) }), version }),
    output: subjectArea,
  }),
  'setup.subjectAreas.delete': mutation({
    summary: 'Удалить предметную область',
    right: 'setup.edit',
    entity: 'subjectArea',
    record: 'Предметная область',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
};
