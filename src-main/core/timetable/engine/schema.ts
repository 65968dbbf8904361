import { z } from 'zod';
import type { TimetableInstance, Timetable } from './model';

/** Validates instances that come from outside the process (IPC, HTTP, files). */

const weight = z.number().min(0).max(100);
const limit = z.object({ value: z.number().int().min(0), weight: weight.optional() });
const slotRef = z.object({ day: z.number().int().min(0), period: z.number().int().min(0) });

const limits = z.object({
  maxPerDay: limit.extend({ onceAWeek: z.number().int().min(0).optional() }).optional(),
  minPerDay: limit.extend({ allowEmptyDays: z.boolean().optional() }).optional(),
  maxDays: limit.optional(),
  minDays: limit.optional(),
  maxGapsPerDay: limit.optional(),
  maxGapsPerWeek: limit.optional(),
  maxContinuous: limit.optional(),
  maxSecondPeriodStarts: limit.optional(),
});

const audience = z.object({
  classId: z.string().min(1),
  division: z.number().int().min(0).optional(),
  groups: z.array(z.number().int().min(0)).optional(),
});

const unitRef = z.object({ lessonId: z.string().min(1), index: z.number().int().min(0) });

const lesson = z.object({
  id: z.string().min(1),
  subjectId: z.string().min(1),
  teacherIds: z.array(z.string()),
  students: z.array(audience),
  duration: z.number().int().min(1).max(8),
  count: z.number().int().min(1).max(40),
  roomIds: z.array(z.string()).optional(),
  studentCount: z.number().int().min(0).optional(),
  parallelKey: z.string().optional(),
  allowedStarts: z.array(slotRef).optional(),
  preferredStarts: z.object({ slots: z.array(slotRef), weight }).optional(),
  locked: z
    .array(z.union([slotRef.extend({ roomId: z.string().optional() }), z.null()]))
    .optional(),
  endsStudentsDay: z.object({ weight }).optional(),
  tags: z.array(z.string()).optional(),
});

export const instanceSchema = z.object({
  name: z.string(),
  days: z.array(z.string()).min(1).max(7),
  periods: z.array(z.string()).min(1).max(30),
  breaks: z.array(slotRef).optional(),
  subjects: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      difficulty: z.record(z.string(), z.number()).optional(),
      doubleAllowed: z.boolean().optional(),
    }),
  ),
  teachers: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      unavailable: z.array(slotRef).optional(),
      undesired: z.array(slotRef).optional(),
      limits: z.array(limits).optional(),
    }),
  ),
  rooms: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      type: z.string().optional(),
      capacity: z.number().int().min(0).optional(),
      unavailable: z.array(slotRef).optional(),
    }),
  ),
  classes: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      grade: z.number().int().min(0).max(12),
      periods: z.object({ first: z.number().int().min(0), last: z.number().int().min(0) }).optional(),
      divisions: z.array(z.object({ name: z.string(), groups: z.array(z.string()).min(1) })).optional(),
      size: z.number().int().min(0).optional(),
      unavailable: z.array(slotRef).optional(),
      limits: z.array(limits).optional(),
    }),
  ),
  lessons: z.array(lesson),
  studentSetRules: z
    .array(z.object({ students: z.array(audience), limits: limits.optional(), unavailable: z.array(slotRef).optional() }))
    .optional(),
  minDaysRules: z
    .array(
      z.object({
        units: z.array(unitRef),
        minDays: z.number().int().min(1),
        weight,
        consecutiveIfSameDay: z.boolean().optional(),
      }),
    )
    .optional(),
  sameStartRules: z.array(z.object({ units: z.array(unitRef), weight })).optional(),
  tagMaxPerDayRules: z
    .array(
      z.object({
        tag: z.string(),
        students: z.array(audience).optional(),
        teacherIds: z.array(z.string()).optional(),
        max: z.number().int().min(0),
        weight,
      }),
    )
    .optional(),
  hardThreshold: z.number().optional(),
  weights: z.record(z.string(), z.number()).optional(),
});

export const timetableSchema = z.object({
  placements: z.array(
    z.object({
      lessonId: z.string(),
      index: z.number().int().min(0),
      day: z.number().int().min(0),
      period: z.number().int().min(0),
      roomId: z.string().nullable().optional(),
    }),
  ),
});

/** Parses unknown input into an instance; throws a zod error with paths on bad data. */
export function parseInstance(input: unknown): TimetableInstance {
  return instanceSchema.parse(input) satisfies TimetableInstance;
}

export function parseTimetable(input: unknown): Timetable {
  return timetableSchema.parse(input) satisfies Timetable;
}
