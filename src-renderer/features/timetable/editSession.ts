import type { EditMove, EditTarget } from '../../../src-shared/contract/timetableEdit';
import type { PlacementOut } from '../../../src-shared/contract/timetableFields';

/**
 * The hand editor's session (issue 16): every saved step keeps what it wrote and what stood there
 * before, so undo writes the «before» back and redo the «after» — exactly, occurrence by occurrence,
 * including rooms and locks. A new step after an undo drops the redo branch, as every editor does.
 */

export interface EditStep {
  /** «Математика (5А): Вт, 3 урок → Чт, 2 урок» */
  label: string;
  forward: EditMove[];
  backward: EditMove[];
  /** The occurrence the завуч moved by hand («Исправить» works around it), if any. */
  moved: { lessonId: string; index: number } | null;
}

export interface EditSession {
  steps: EditStep[];
  /** Steps [0, done) are applied; [done, steps.length) can be redone. */
  done: number;
}

export const emptySession: EditSession = { steps: [], done: 0 };

/** What stands now for each occurrence a change writes (off the grid when not placed). */
export function backwardOf(placements: readonly PlacementOut[], forward: readonly EditMove[]): EditMove[] {
  const now = new Map(placements.map((p) => [`${p.lessonId}:${p.index}`, p]));
  return forward.map((m) => {
    const p = now.get(`${m.lessonId}:${m.index}`);
    return p ? { lessonId: p.lessonId, index: p.index, day: p.day, period: p.period, roomId: p.roomId, locked: p.locked } : { lessonId: m.lessonId, index: m.index, day: null, period: null, roomId: null, locked: false };
  });
}

export function pushStep(s: EditSession, step: EditStep): EditSession {
  return { steps: [...s.steps.slice(0, s.done), step], done: s.done + 1 };
}

export const canUndo = (s: EditSession): boolean => s.done > 0;
export const canRedo = (s: EditSession): boolean => s.done < s.steps.length;

/** The step undo would write backwards, and the session after it. */
export function undoStep(s: EditSession): { step: EditStep; next: EditSession } | null {
  if (!canUndo(s)) return null;
  return { step: s.steps[s.done - 1], next: { ...s, done: s.done - 1 } };
}

export function redoStep(s: EditSession): { step: EditStep; next: EditSession } | null {
  if (!canRedo(s)) return null;
  return { step: s.steps[s.done], next: { ...s, done: s.done + 1 } };
}

/** The last lesson moved by hand among the applied steps (what «Исправить» keeps in place). */
export function lastMoved(s: EditSession): EditStep['moved'] {
  for (let i = s.done - 1; i >= 0; i--) if (s.steps[i].moved) return s.steps[i].moved;
  return null;
}

/** The next cell for the keyboard: arrows walk the targets of the grid on screen. */
export function stepCell(cell: { day: number; period: number }, key: string, days: readonly number[], periods: readonly number[]): { day: number; period: number } {
  const di = Math.max(0, days.indexOf(cell.day));
  const pi = Math.max(0, periods.indexOf(cell.period));
  if (key === 'ArrowLeft') return { day: days[Math.max(0, di - 1)], period: cell.period };
  if (key === 'ArrowRight') return { day: days[Math.min(days.length - 1, di + 1)], period: cell.period };
  if (key === 'ArrowUp') return { day: cell.day, period: periods[Math.max(0, pi - 1)] };
  if (key === 'ArrowDown') return { day: cell.day, period: periods[Math.min(periods.length - 1, pi + 1)] };
  return cell;
}

export const VERDICT_COLOR: Record<EditTarget['verdict'], string> = { free: '#d9f7be', soft: '#fff1b8', hard: '#ffccc7', refused: '#e8e8e8' };
export const VERDICT_LABEL: Record<EditTarget['verdict'], string> = { free: 'свободно', soft: 'допустимо, но хуже', hard: 'нарушает правило', refused: 'нельзя' };

/** One line for the status bar: the verdict of a target with its reasons and soft changes. */
export function verdictText(t: Pick<EditTarget, 'verdict' | 'reasons' | 'notes' | 'action'>): string {
  const head = `${t.action === 'swap' ? 'Обмен: ' : ''}${VERDICT_LABEL[t.verdict]}`;
  const parts = [...t.reasons, ...t.notes];
  return parts.length ? `${head} — ${parts.join('; ')}` : head;
}

/**
 * Locks (or unlocks) every placed lesson of a class, or of a teacher on one day, as one step: the
 * moves keep each lesson where it stands and only flip `locked`; lessons already so (and the
 * ministry's pinned lessons) are left out, so undo writes back exactly what changed.
 */
export function groupLockMoves(
  occurrences: readonly { lesson: { id: string; pinned?: unknown; teacherIds: string[]; audiences: { classId: string }[] }; index: number; day: number | null; period: number | null; roomId: string | null; locked: boolean }[],
  scope: { kind: 'class'; classId: string } | { kind: 'teacher'; staffId: string; day: number },
  locked: boolean,
): EditMove[] {
  return occurrences
    .filter((o) => o.day !== null && o.period !== null && o.locked !== locked && !o.lesson.pinned)
    .filter((o) => (scope.kind === 'class' ? o.lesson.audiences.some((a) => a.classId === scope.classId) : o.day === scope.day && o.lesson.teacherIds.includes(scope.staffId)))
    .map((o) => ({ lessonId: o.lesson.id, index: o.index, day: o.day, period: o.period, roomId: o.roomId, locked }));
}
