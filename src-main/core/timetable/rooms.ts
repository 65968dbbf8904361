import type { ExplanationItem } from '../../../src-shared/contract/timetableFields';
import { compareRu } from '../../../src-shared/domain/names';
import { item, links } from './links';
import type { SchoolData } from './repo/schoolData';
import type { ClassSnapshot } from './snapshot';

/**
 * Candidate rooms of a lesson, preferred first. A subject with room types (спортзал, лаборатория,
 * компьютерный класс) goes to rooms of those types only; any other lesson to an ordinary room —
 * the class's home room first. Grades 1–4 keep to their classroom except in the gym. Rooms with fewer seats than the audience are left out (when both
 * are known); a type no room has, or no room big enough, is an error of the pre-check.
 */

const fits = (capacity: number | null, size: number | null): boolean => capacity === null || size === null || capacity >= size;

/** Room types some subject asks for: an ordinary lesson does not take a lab or a gym. */
function specialTypes(data: SchoolData): Set<string> {
  return new Set(data.subjects.flatMap((s) => s.roomTypeIds));
}

export function pickRooms(
  data: SchoolData,
  subjectId: string,
  subjectName: string,
  classes: readonly ClassSnapshot[],
  size: number | null,
  who: string,
): { roomIds: string[]; items: ExplanationItem[] } {
  const items: ExplanationItem[] = [];
  const subject = data.subjects.find((s) => s.id === subjectId);
  const active = data.rooms.filter((r) => r.active);
  const refs = { classIds: classes.map((c) => c.id), subjectIds: [subjectId] };
  const byNumber = (a: { number: string }, b: { number: string }) => compareRu(a.number, b.number);
  // Grades 1–4 learn in their own classroom; of the special rooms only the gym is theirs.
  const primary = classes.length > 0 && classes.every((c) => c.grade <= 4);
  const types = (subject?.roomTypeIds ?? []).filter((t) => !primary || data.roomTypes.get(t)?.code === 'gym');
  if (subject && types.length) {
    const typed = active.filter((r) => types.includes(r.typeId));
    const typeNames = types.map((t) => `«${data.roomTypes.get(t)?.name ?? t}»`).join(' или ');
    if (typed.length === 0) {
      items.push(item('error', 'roomTypeMissing', `${who}, ${subjectName}: предмету нужен кабинет типа ${typeNames}, а такого кабинета в школе нет.`, links.rooms(types[0]), refs));
      return { roomIds: [], items };
    }
    const ok = typed.filter((r) => fits(r.capacity, size));
    if (ok.length === 0) {
      const most = Math.max(...typed.map((r) => r.capacity ?? 0));
      items.push(item('error', 'roomTooSmall', `${who}, ${subjectName}: ${size} обучающихся, а в кабинетах типа ${typeNames} не больше ${most} мест.`, links.rooms(types[0]), refs));
      return { roomIds: [], items };
    }
    // Small groups take the smallest room that fits, leaving the big ones for whole classes.
    ok.sort((a, b) => (a.capacity ?? 0) - (b.capacity ?? 0) || byNumber(a, b));
    return { roomIds: ok.map((r) => r.id), items };
  }
  const special = specialTypes(data);
  const ordinary = active.filter((r) => r.typeCode !== 'hall' && !special.has(r.typeId) && fits(r.capacity, size));
  if (ordinary.length === 0) {
    items.push(item('error', 'noRoom', `${who}, ${subjectName}: нет обычного кабинета${size !== null ? ` на ${size} мест` : ''}.`, links.rooms(), refs));
    return { roomIds: [], items };
  }
  const homes = classes.map((c) => c.homeRoomId).filter((id): id is string => Boolean(id));
  ordinary.sort((a, b) => Number(homes.includes(b.id)) - Number(homes.includes(a.id)) || byNumber(a, b));
  return { roomIds: ordinary.map((r) => r.id), items };
}
