import { z } from './zodRu';
import { mutation, query } from './define';
import { reqText, version } from './fields';
import { maybeId, recordId, shift, timeOfDay, warnings } from './setupFields';
import { MAX_LESSONS_PER_DAY } from '../domain/schoolSetup/bellSchedule';

export const bellScheduleInput = z.object({
  name: reqText(100),
  shift,
  /** Weekdays it applies to, 1 = Monday … 6 = Saturday (a shortened Saturday gets its own schedule). */
  weekdays: z
    .array(z.number().int().min(1, 'дни — с понедельника по субботу').max(6, 'дни — с понедельника по субботу'))
    .min(1, 'выберите хотя бы один день недели')
    .transform((l) => [...new Set(l)].sort((a, b) => a - b)),
  lessons: z
    .array(
      z.object({
        number: z.number().int().min(1, 'номер урока — от 1 (нулевых уроков нет)').max(MAX_LESSONS_PER_DAY, `номер урока — до ${MAX_LESSONS_PER_DAY}`),
        start: timeOfDay,
        end: timeOfDay,
      }),
    )
    .min(1, 'нужен хотя бы один урок')
    .max(MAX_LESSONS_PER_DAY),
});
export type BellScheduleInput = z.input<typeof bellScheduleInput>;

export const bellSchedule = z.object({
  id: z.string(),
  yearId: z.string(),
  name: z.string(),
  shift: z.number(),
  weekdays: z.array(z.number()),
  lessons: z.array(z.object({ number: z.number(), start: z.string(), end: z.string() })),
  breaks: z.array(z.object({ after: z.number(), minutes: z.number() })),
  version,
});
export type BellScheduleView = z.output<typeof bellSchedule>;

const LABELS: Record<string, string> = {
  'schedule.name': 'Название',
  'schedule.shift': 'Смена',
  'schedule.weekdays': 'Дни недели',
  'schedule.lessons': 'Уроки',
};
for (let i = 0; i < MAX_LESSONS_PER_DAY; i++) {
  LABELS[`schedule.lessons.${i}.number`] = `Строка ${i + 1}: номер урока`;
  LABELS[`schedule.lessons.${i}.start`] = `Строка ${i + 1}: начало`;
  LABELS[`schedule.lessons.${i}.end`] = `Строка ${i + 1}: окончание`;
}

export const bellsContract = {
  /** Bell schedules of a year by shift and weekday. */
  'setup.bells.list': query({
    summary: 'Расписание звонков',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ schedules: z.array(bellSchedule) }),
  }),
  /** Saves a schedule; overlapping lessons or a weekday already covered for the shift are refused. */
  'setup.bells.save': mutation({
    summary: 'Сохранить расписание звонков',
    right: 'calendar.edit',
    entity: 'bellSchedule',
    record: 'Расписание звонков',
    labels: LABELS,
    input: z.object({ yearId: recordId, id: maybeId, schedule: bellScheduleInput, version }),
    output: z.object({ schedule: bellSchedule, warnings }),
  }),
  'setup.bells.delete': mutation({
    summary: 'Удалить расписание звонков',
    right: 'calendar.edit',
    entity: 'bellSchedule',
    record: 'Расписание звонков',
    input: z.object({ id: recordId, version }),
    output: z.object({ deleted: z.boolean() }),
  }),
};
