import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { App } from 'antd';
import type { EditMove, EditTarget, TargetVerdict } from '../../../src-shared/contract/timetableEdit';
import type { ErrorBody } from '../../../src-shared/errors';
import { useEditTargetsQuery, useUpdatePlacementsMutation } from './timetableApi';
import { startPointerDrag } from './pointerDrag';
import { backwardOf, emptySession, lastMoved, pushStep, redoStep, undoStep, type EditSession, type EditStep } from './editSession';
import { slotKey, subjectName, whenLabel, type Occurrence, type TimetableIndex } from './timetableModel';

/**
 * The hand editor of a draft (issue 16, part 1), shared by the class, teacher and room grids: the
 * occurrence being moved (dragged with the mouse or walked with the arrows), the verdict of every
 * target cell from `timetable.edit.targets` (asked once when a lesson is picked, so a drag is
 * instant), the drop, and the session's undo/redo. Saves go through `timetable.placements.update`
 * with the version on screen; a CONFLICT (another завуч saved first) reloads and clears the session
 * so nobody's move is overwritten.
 */

export interface HandEdit {
  enabled: boolean;
  /** The occurrence being moved (drag or keyboard). */
  activeKey: string | null;
  targets: Map<number, EditTarget> | null;
  offGrid: TargetVerdict | null;
  refused: string | null;
  loading: boolean;
  /** The cell under the pointer or the keyboard cursor. */
  cursor: { day: number; period: number } | null;
  session: EditSession;
  saving: boolean;
  begin: (occ: Occurrence) => void;
  /** A press on a lesson: becomes a drag once the pointer moves. */
  startDrag: (occ: Occurrence, e: { button: number; clientX: number; clientY: number }) => void;
  hover: (cell: { day: number; period: number } | null) => void;
  drop: (cell: { day: number; period: number }) => Promise<void>;
  dropOffGrid: () => Promise<void>;
  cancel: () => void;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Saves a ready set of changes as one step (the accepted repair). */
  apply: (label: string, forward: EditMove[], moved: EditStep['moved']) => Promise<boolean>;
  lastMoved: EditStep['moved'];
}

export const HandEditContext = createContext<HandEdit | null>(null);
export const useHandEdit = (): HandEdit | null => useContext(HandEditContext);

export function useHandEditor(index: TimetableIndex | null, enabled: boolean, selectedKey: string | null): HandEdit {
  const { message } = App.useApp();
  const [session, setSession] = useState<EditSession>(emptySession);
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [cursor, setCursor] = useState<{ day: number; period: number } | null>(null);
  const [save, { isLoading: saving }] = useUpdatePlacementsMutation();
  const view = index?.view ?? null;
  const activeKey = enabled ? (dragKey ?? selectedKey) : null;
  const occ = activeKey && index ? index.byKey.get(activeKey) : undefined;
  const { data, isFetching } = useEditTargetsQuery({ versionId: view?.meta.id ?? '', lessonId: occ?.lesson.id ?? '', index: occ?.index ?? 0 }, { skip: !occ || !view });
  const fresh = data && occ && data.lessonId === occ.lesson.id && data.index === occ.index ? data : undefined;
  const targets = useMemo(() => (fresh ? new Map(fresh.targets.map((t) => [slotKey(t.day, t.period), t])) : null), [fresh]);

  // A new version on screen (another draft) starts a new session.
  const versionId = view?.meta.id ?? null;
  useEffect(() => {
    setSession(emptySession);
    setDragKey(null);
    setCursor(null);
  }, [versionId]);

  // The version our own last save produced: a second undo pressed before the view is read again
  // must not look stale to the core.
  const saved = useRef<{ id: string; version: number } | null>(null);
  const write = useCallback(
    async (changes: EditMove[]): Promise<boolean> => {
      if (!view) return false;
      const own = saved.current?.id === view.meta.id ? saved.current.version : 0;
      const r = await save({ versionId: view.meta.id, version: Math.max(view.meta.version, own), changes });
      if ('data' in r && r.data) {
        saved.current = { id: view.meta.id, version: r.data.version };
        return true;
      }
      const e = r.error as ErrorBody | undefined;
      if (e?.code === 'CONFLICT') {
        setSession(emptySession);
        message.error('Расписание уже изменил другой пользователь — показано сохранённое, ваш перенос не записан. Повторите его; история правки очищена.');
      } else message.error(e?.message ?? 'Не удалось сохранить перенос');
      return false;
    },
    [view, save, message],
  );

  const apply = useCallback(
    async (label: string, forward: EditMove[], moved: EditStep['moved']): Promise<boolean> => {
      if (!view || forward.length === 0) return false;
      const backward = backwardOf(view.placements, forward);
      if (!(await write(forward))) return false;
      setSession((s) => pushStep(s, { label, forward, backward, moved }));
      return true;
    },
    [view, write],
  );

  const labelOf = useCallback(
    (target: { day: number; period: number } | null): string => {
      if (!occ || !index) return 'Перенос';
      const to = target ? `${index.view.days[target.day]?.short ?? ''}, ${index.view.periods[target.period]?.label ?? ''} урок` : 'не поставлен';
      return `${subjectName(index, occ)} (${occ.lesson.audiences.map((a) => a.label).join(', ')}): ${whenLabel(index, occ)} → ${to}`;
    },
    [occ, index],
  );

  const finish = useCallback(() => {
    setDragKey(null);
    setCursor(null);
  }, []);

  const drop = useCallback(
    async (cell: { day: number; period: number }) => {
      const t = targets?.get(slotKey(cell.day, cell.period));
      if (!occ || !t) return finish();
      if (t.action === 'stay') return finish();
      if (t.verdict === 'refused') {
        message.error(`Нельзя: ${t.reasons.join('; ')}`);
        return finish();
      }
      finish();
      await apply(labelOf(cell), t.moves, { lessonId: occ.lesson.id, index: occ.index });
    },
    [targets, occ, apply, labelOf, finish, message],
  );

  const dropOffGrid = useCallback(async () => {
    if (!occ || !fresh || occ.day === null) return finish();
    if (fresh.offGrid.verdict === 'refused') {
      message.error(`Нельзя: ${fresh.offGrid.reasons.join('; ')}`);
      return finish();
    }
    finish();
    await apply(labelOf(null), fresh.offGrid.moves, null);
  }, [occ, fresh, apply, labelOf, finish, message]);

  const undo = useCallback(async () => {
    const u = undoStep(session);
    if (!u) return;
    if (await write(u.step.backward)) setSession(u.next);
  }, [session, write]);
  const redo = useCallback(async () => {
    const r = redoStep(session);
    if (!r) return;
    if (await write(r.step.forward)) setSession(r.next);
  }, [session, write]);

  // The pointer's listeners outlive this render: they call the latest drop (targets may arrive later).
  const latest = useRef({ drop, dropOffGrid });
  useEffect(() => {
    latest.current = { drop, dropOffGrid };
  }, [drop, dropOffGrid]);
  const begin = useCallback((o: Occurrence) => {
    setDragKey(o.key);
    setCursor(o.day !== null && o.period !== null ? { day: o.day, period: o.period } : null);
  }, []);
  const startDrag = useCallback(
    (o: Occurrence, e: { button: number; clientX: number; clientY: number }) =>
      startPointerDrag(e, {
        begin: () => begin(o),
        hover: setCursor,
        drop: (cell) => void latest.current.drop(cell),
        dropOffGrid: () => void latest.current.dropOffGrid(),
        cancel: finish,
      }),
    [begin, finish],
  );

  return {
    enabled,
    activeKey,
    targets: enabled ? targets : null,
    offGrid: fresh?.offGrid ?? null,
    refused: fresh?.refused ?? null,
    loading: isFetching,
    cursor,
    session,
    saving,
    begin,
    startDrag,
    hover: setCursor,
    drop,
    dropOffGrid,
    cancel: finish,
    undo,
    redo,
    apply,
    lastMoved: lastMoved(session),
  };
}
