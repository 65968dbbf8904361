import { z } from './zodRu';
import { mutation, query } from './define';
import { isoDate, optText, reqText, version } from './fields';
import { exportedFile } from './files';
import { grade, gradeScope, maybeId, optTime, recordId, warnings, weekLength } from './setupFields';

export const calendarEntryInput = z
  .object({
    kind: z.enum(['holiday', 'dayOff'], 'выберите: каникулы или выходной день'),
    name: reqText(200),
    startDate: isoDate,
    endDate: isoDate,
    grades: gradeScope.default('all'),
    note: optText(500),
  })
  .refine((e) => e.endDate >= e.startDate, { path: ['endDate'], message: 'дата окончания раньше даты начала' });
export type CalendarEntryInput = z.input<typeof calendarEntryInput>;

const scopeOut = z.union([z.literal('all'), z.array(z.number())]);

export const calendarEntry = z.object({
  id: z.string(),
  yearId: z.string(),
  kind: z.enum(['holiday', 'dayOff']),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  grades: scopeOut,
  note: z.string().nullable(),
  version,
});
export type CalendarEntry = z.output<typeof calendarEntry>;

export const transferInput = z
  .object({
    /** The date that becomes a school day… */
    date: isoDate,
    /** …running the timetable of this weekday (1 = Monday … 6 = Saturday). */
    worksAs: z.number().int().min(1, 'день недели — с понедельника по субботу').max(6, 'день недели — с понедельника по субботу'),
    /** The school day given up in exchange; `null` when lessons are only added. */
    dayOff: isoDate.nullable().default(null),
    grades: gradeScope.default('all'),
    reason: optText(300),
    /** The director's order (приказ) that moved the day, e.g. «№ 112 от 20.10.2026». */
    orderRef: optText(200),
  })
  .refine((t) => t.dayOff !== t.date, { path: ['dayOff'], message: 'освобождаемый день совпадает с днём переноса' });
export type TransferInput = z.input<typeof transferInput>;

export const dayTransfer = z.object({
  id: z.string(),
  yearId: z.string(),
  date: z.string(),
  worksAs: z.number(),
  dayOff: z.string().nullable(),
  grades: scopeOut,
  reason: z.string().nullable(),
  orderRef: z.string().nullable(),
  version,
});
export type DayTransfer = z.output<typeof dayTransfer>;

export const schoolEventInput = z
  .object({
    title: reqText(300),
    date: isoDate,
    startTime: optTime,
    endTime: optTime,
    place: optText(200),
    /** `null` — a school event; otherwise the class it belongs to. */
    classId: maybeId.default(null),
    responsibleStaffId: maybeId.default(null),
    description: optText(2000),
  })
  .refine((e) => !e.startTime || !e.endTime || e.endTime > e.startTime, { path: ['endTime'], message: 'окончание раньше начала' });
export type SchoolEventInput = z.input<typeof schoolEventInput>;

export const schoolEvent = z.object({
  id: z.string(),
  yearId: z.string(),
  title: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  responsibleStaffId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  description: z.string().nullable(),
  version,
});
export type SchoolEvent = z.output<typeof schoolEvent>;

export const calendarDay = z.object({
  date: z.string(),
  kind: z.enum(['school', 'holiday', 'dayOff', 'federal', 'weekend', 'outside']),
  worksAs: z.number().nullable(),
  label: z.string().nullable(),
  events: z.array(z.object({ id: z.string(), title: z.string(), startTime: z.string().nullable(), classId: z.string().nullable() })),
});
export type CalendarDayView = z.output<typeof calendarDay>;

export const calendarView = z.object({
  yearId: z.string(),
  yearName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  grade: z.number(),
  className: z.string().nullable(),
  weekLength,
  days: z.array(calendarDay),
  periods: z.array(z.object({ name: z.string(), startDate: z.string(), endDate: z.string(), schoolDays: z.number(), weeks: z.string() })),
  holidays: z.array(z.object({ name: z.string(), startDate: z.string(), endDate: z.string(), days: z.number() })),
  schoolDays: z.number(),
  weeks: z.string(),
  warnings: z.array(z.string()),
});
export type CalendarView = z.output<typeof calendarView>;

const ENTRY_LABELS = {
  'entry.kind': 'Вид',
  'entry.name': 'Название',
  'entry.startDate': 'Дата начала',
  'entry.endDate': 'Дата окончания',
  'entry.grades': 'Параллели',
  'entry.note': 'Примечание',
};
const TRANSFER_LABELS = {
  'transfer.date': 'Учебный день',
  'transfer.worksAs': 'По расписанию дня',
  'transfer.dayOff': 'Освобождаемый день',
  'transfer.grades': 'Параллели',
  'transfer.reason': 'Основание',
  'transfer.orderRef': 'Приказ',
};
const EVENT_LABELS = {
  'event.title': 'Название',
  'event.date': 'Дата',
  'event.startTime': 'Начало',
  'event.endTime': 'Окончание',
  'event.place': 'Место',
  'event.classId': 'Класс',
  'event.responsibleStaffId': 'Ответственный',
  'event.description': 'Описание',
};

const deleted = z.object({ deleted: z.boolean() });

export const calendarContract = {
  /** Holidays (каникулы) and the school's own days off of a year. */
  'calendar.entries.list': query({
    summary: 'Каникулы и выходные дни',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ entries: z.array(calendarEntry) }),
  }),
  /** Saves a holiday or a day off; dates outside the academic year are refused. */
  'calendar.entries.save': mutation({
    summary: 'Сохранить каникулы или выходной день',
    right: 'calendar.edit',
    entity: 'calendarEntry',
    record: 'Каникулы / выходной день',
    labels: ENTRY_LABELS,
    input: z.object({ yearId: recordId, id: maybeId, entry: calendarEntryInput, version }),
    output: z.object({ entry: calendarEntry, warnings }),
  }),
  'calendar.entries.delete': mutation({
    summary: 'Удалить каникулы или выходной день',
    right: 'calendar.edit',
    entity: 'calendarEntry',
    record: 'Каникулы / выходной день',
    input: z.object({ id: recordId, version }),
    output: deleted,
  }),
  /** Transfers of school days (перенос учебного дня) of a year. */
  'calendar.transfers.list': query({
    summary: 'Переносы учебных дней',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ transfers: z.array(dayTransfer) }),
  }),
  /** Saves a transfer: date X works as weekday Y, date Z (optional) becomes a day off. */
  'calendar.transfers.save': mutation({
    summary: 'Сохранить перенос учебного дня',
    right: 'calendar.edit',
    entity: 'dayTransfer',
    record: 'Перенос учебного дня',
    labels: TRANSFER_LABELS,
    input: z.object({ yearId: recordId, id: maybeId, transfer: transferInput, version }),
    output: z.object({ transfer: dayTransfer, warnings }),
  }),
  'calendar.transfers.delete': mutation({
    summary: 'Удалить перенос учебного дня',
    right: 'calendar.edit',
    entity: 'dayTransfer',
    record: 'Перенос учебного дня',
    input: z.object({ id: recordId, version }),
    output: deleted,
  }),
  /** School and class events of a year, by date. */
  'calendar.events.list': query({
    summary: 'Мероприятия',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: z.object({ events: z.array(schoolEvent) }),
  }),
  'calendar.events.save': mutation({
    summary: 'Сохранить мероприятие',
    right: 'calendar.edit',
    entity: 'schoolEvent',
    record: 'Мероприятие',
    labels: EVENT_LABELS,
    input: z.object({ yearId: recordId, id: maybeId, event: schoolEventInput, version }),
    output: z.object({ event: schoolEvent, warnings }),
  }),
  'calendar.events.delete': mutation({
    summary: 'Удалить мероприятие',
    right: 'calendar.edit',
    entity: 'schoolEvent',
    record: 'Мероприятие',
    input: z.object({ id: recordId, version }),
    output: deleted,
  }),
  /** Every date of the year for a grade (or one class) classified, with periods, holidays and events. */
  'calendar.view': query({
    summary: 'Календарь учебного года',
    right: 'setup.read',
    input: z.object({ yearId: recordId, grade, classId: maybeId.optional() }),
    output: calendarView,
  }),
  /** The Excel «Календарный учебный график» of the year, base64-encoded. */
  'calendar.export': query({
    summary: 'Календарный учебный график (Excel)',
    right: 'setup.read',
    input: z.object({ yearId: recordId }),
    output: exportedFile,
  }),
};
