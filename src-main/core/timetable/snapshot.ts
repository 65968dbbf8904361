import type { z } from 'zod';
import { availabilitySlot, type AvailabilitySlot, type bellsOut, classOut, dayOut, periodOut, roomOut, subjectOut, teacherOut } from '../../../src-shared/contract/timetableFields';

/**
 * The time axis and names a version was built on, stored with it (timetable_version.grid / .labels)
 * so an approved timetable reads the same after bells, classes or names change.
 */
export type ClassSnapshot = z.output<typeof classOut> & {
  /** Slots outside the class's bells on a day (a shorter Saturday, a 5-day class on Saturday). */
  closed: { day: number; period: number }[];
  /** Members for the room capacity check (null when unknown). */
};

export interface GridSnapshot {
  days: z.output<typeof dayOut>[];
  periods: z.output<typeof periodOut>[];
  bells: z.output<typeof bellsOut>[];
  /** Axis position of lesson 1 of each shift. */
  shiftOffsets: Record<string, number>;
  classes: ClassSnapshot[];
}

export interface LabelSnapshot {
  teachers: z.output<typeof teacherOut>[];
  rooms: (z.output<typeof roomOut> & { typeId: string; active: boolean })[];
  subjects: z.output<typeof subjectOut>[];
}

export const EMPTY_GRID: GridSnapshot = { days: [], periods: [], bells: [], shiftOffsets: {}, classes: [] };
export const EMPTY_LABELS: LabelSnapshot = { teachers: [], rooms: [], subjects: [] };

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A teacher's stored time-off slots; anything that is not a slot is left out. */
export function slotsOf(text: string | null | undefined): AvailabilitySlot[] {
  const list = parseJson<unknown[]>(text, []);
  const out: AvailabilitySlot[] = [];
  for (const s of Array.isArray(list) ? list : []) {
    const p = availabilitySlot.safeParse(s);
    if (p.success) out.push(p.data);
  }
  return out;
}
