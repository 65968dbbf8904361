import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { isoDate, version } from './fields';
import { ROLE_IDS, type RoleId } from './access';
import { BUILDER_ENTITIES, FILTER_OPS, type FilterOp } from '../domain/reports/builderFields';
import { definitionIssues } from '../domain/reports/builderEval';

/**
 * «Конструктор отчётов» (work order §7.4): the administrator picks an entity, columns (related ones
 * too), filters, the date memberships hold on, grouping with counts and totals, and sorting; saves it
 * with a name and the roles that may run it from the catalogue. A definition holds whitelisted field
 * keys only (src-shared/domain/reports/builderFields.ts): the server never runs SQL sent to it.
 */
const fieldKey = z.string().trim().min(1).max(60);

export const builderDefinition = z
  .object({
    entity: z.enum(BUILDER_ENTITIES, 'выберите, о ком отчёт'),
    columns: z.array(fieldKey).max(30, 'не больше 30 столбцов'),
    filters: z
      .array(
        z.object({
          field: fieldKey,
          op: z.enum(Object.keys(FILTER_OPS) as [FilterOp, ...FilterOp[]], 'выберите условие'),
          value: z.union([z.string().max(300), z.number(), z.null()]).optional(),
        }),
      )
      .max(20, 'не больше 20 условий'),
    date: isoDate.nullable(),
    groupBy: z.array(fieldKey).max(2, 'группировка — не больше двух уровней'),
    totals: z.array(fieldKey).max(10),
    sort: z.array(z.object({ field: fieldKey, dir: z.enum(['asc', 'desc']) })).max(3, 'не больше трёх полей сортировки'),
  })
  .superRefine((def, ctx) => {
    for (const issue of definitionIssues(def)) ctx.addIssue({ code: 'custom', path: issue.path.split('.').slice(1), message: issue.message });
  });
export type BuilderDefinitionInput = z.input<typeof builderDefinition>;

const roleId = z.enum(ROLE_IDS as [RoleId, ...RoleId[]], 'выберите роль из списка');

export const savedReport = z.object({
  id: z.string(),
  name: z.string(),
  audience: z.array(z.string()),
  definition: z.custom<z.output<typeof builderDefinition>>((v) => typeof v === 'object' && v !== null),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type SavedReport = z.output<typeof savedReport>;

export const builderResult = z.object({
  title: z.string(),
  subtitle: z.string(),
  entity: z.enum(BUILDER_ENTITIES),
  columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.string(), hidden: z.boolean() })),
  rows: z.array(z.object({ id: z.string(), cells: z.array(z.union([z.string(), z.number(), z.null()])) })),
  groups: z.array(z.object({ level: z.number(), label: z.string(), count: z.number(), totals: z.array(z.number().nullable()), start: z.number(), end: z.number() })),
  totals: z.array(z.number().nullable()),
  /** All rows that passed the filters; the screen shows the first `rows.length`. */
  total: z.number(),
  truncated: z.boolean(),
});
export type BuilderResult = z.output<typeof builderResult>;

const LABELS = { name: 'Название', audience: 'Кто может запускать', 'definition.columns': 'Столбцы', 'definition.filters': 'Условия', 'definition.date': 'На дату', 'definition.groupBy': 'Группировка' };
const runInput = z.object({ id: z.string().trim().min(1).max(100), date: isoDate.nullable().optional() });

export const reportBuilderContract = {
  /** Runs a definition that is not saved yet (the builder's preview). */
  'reports.builder.preview': query({
    summary: 'Конструктор отчётов: предварительный просмотр',
    right: 'reports.build',
    exportsPersonalData: true,
    labels: LABELS,
    input: z.object({ definition: builderDefinition }),
    output: builderResult,
  }),
  /** A saved report's definition (to run it or to edit it). */
  'reports.custom.get': query({ summary: 'Сохранённый отчёт конструктора', right: 'reports.read', input: z.object({ id: z.string().trim().min(1).max(100) }), output: savedReport }),
  /** Saves a definition with a name and the roles that may run it; a name is unique. */
  'reports.custom.save': mutation({
    summary: 'Сохранить отчёт конструктора',
    right: 'reports.build',
    entity: 'report',
    record: 'Отчёт конструктора',
    labels: LABELS,
    input: z.object({
      id: z.string().trim().min(1).max(100).nullable(),
      version,
      name: z.string().trim().min(3, 'не короче 3 символов').max(200, 'не длиннее 200 символов'),
      audience: z.array(roleId).min(1, 'выберите хотя бы одну роль').max(ROLE_IDS.length),
      definition: builderDefinition,
    }),
    output: savedReport,
  }),
  'reports.custom.delete': mutation({
    summary: 'Удалить отчёт конструктора',
    right: 'reports.build',
    entity: 'report',
    input: z.object({ id: z.string().trim().min(1).max(100), version }),
    output: z.object({ deleted: z.boolean() }),
  }),
  /** Runs a saved report for a user whose role is in its audience, through that user's own scope. */
  'reports.custom.run': query({ summary: 'Запустить сохранённый отчёт', right: 'reports.read', exportsPersonalData: true, input: runInput, output: builderResult }),
  'reports.custom.export': query({ summary: 'Сохранённый отчёт в Excel', right: 'reports.read', exportsPersonalData: true, input: runInput, output: exportedFile }),
};
