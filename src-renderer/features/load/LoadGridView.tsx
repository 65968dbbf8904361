import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Tooltip } from 'antd';
import type { LoadCell, LoadGrid } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { DANGER, LoadGridCell } from './LoadGridCell';

const th: CSSProperties = { border: '1px solid #d9d9d9', background: '#fafafa', padding: '4px 6px', position: 'sticky', top: 0, zIndex: 2, fontWeight: 600, fontSize: 12, whiteSpace: 'nowrap' };
const td: CSSProperties = { border: '1px solid #d9d9d9', padding: 0, verticalAlign: 'top', minWidth: 96 };
const first: CSSProperties = { ...td, position: 'sticky', left: 0, background: '#fff', zIndex: 1, fontWeight: 600, padding: '4px 8px', minWidth: 56 };
const total: CSSProperties = { ...td, padding: '4px 6px', fontSize: 12, whiteSpace: 'nowrap', background: '#fafafa', textAlign: 'right' };

/** Teaching hours of cells (a split subject counts once per group) and the part of them with no teacher. */
function sums(cells: (LoadCell | undefined)[]): { hours: number; vacant: number } {
  let hours = 0;
  let vacant = 0;
  for (const c of cells) {
    if (!c) continue;
    hours += c.hours * c.groups.length;
    vacant += c.hours * c.groups.filter((g) => !g.staffId).length;
  }
  return { hours: Math.round(hours * 100) / 100, vacant: Math.round(vacant * 100) / 100 };
}

function SumText({ hours, vacant }: { hours: number; vacant: number }) {
  return (
    <>
      <div>{formatHours(hours)} ч</div>
      {vacant > 0 && <span style={{ color: DANGER }}>вак. {formatHours(vacant)}</span>}
    </>
  );
}

/**
 * The load as a grid of classes × subjects: each cell shows the hours and the teacher of every group,
 * a vacancy in red; the second column and the last row total the teaching hours and vacancies of a
 * class and of a subject. Arrows move between cells; Enter opens the choice of teachers. Memoised, so
 * switching the page's tabs does not re-render a school's 900 cells.
 */
export const LoadGridView = memo(function LoadGridView({
  yearId,
  grid,
  canEdit,
  focus = null,
}: {
  yearId: string;
  grid: LoadGrid;
  canEdit: boolean;
  /** A cell to scroll to and focus on opening (a class, and a subject of it when known). */
  focus?: { classId: string; subjectId: string | null } | null;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<string | null>(null);
  const cells = useMemo(() => new Map(grid.cells.map((c) => [`${c.classId}|${c.subjectId}`, c])), [grid]);
  const move = useCallback((r: number, c: number) => box.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus(), []);
  const focusClass = focus?.classId ?? null;
  const focusSubject = focus?.subjectId ?? null;
  useEffect(() => {
    if (!focusClass) return;
    const r = grid.classes.findIndex((c) => c.id === focusClass);
    const c = Math.max(0, grid.subjects.findIndex((s) => s.id === focusSubject));
    const el = r >= 0 ? box.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`) : null;
    el?.scrollIntoView({ block: 'center', inline: 'center' });
    el?.focus();
    // Only when the link changes, not on every refetch of the grid.
  }, [focusClass, focusSubject]);
  const onKey = useCallback(
    (e: KeyboardEvent<HTMLElement>, r: number, c: number, key: string | null) => {
      const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      const m = moves[e.key];
      if (m) {
        e.preventDefault();
        move(Math.max(0, Math.min(grid.classes.length - 1, r + m[0])), Math.max(0, Math.min(grid.subjects.length - 1, c + m[1])));
      } else if ((e.key === 'Enter' || e.key === ' ') && key && canEdit) {
        e.preventDefault();
        setOpen(key);
      }
    },
    [grid, canEdit, move],
  );
  const onDone = useCallback(
    (r: number, c: number) => {
      setOpen(null);
      setTimeout(() => move(r, c), 0);
    },
    [move],
  );

  return (
    <div ref={box} style={{ overflow: 'auto', maxHeight: 'calc(100vh - 280px)' }}>
      <table style={{ borderCollapse: 'collapse', fontSize: 13 }} aria-label="Нагрузка: классы и предметы">
        <thead>
          <tr>
            <th style={{ ...th, left: 0, zIndex: 3 }}>Класс</th>
            <th style={th}>Всего</th>
            {grid.subjects.map((s) => (
              <th key={s.id} style={th}>
                <Tooltip title={s.name}>{s.shortName}</Tooltip>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.classes.map((cls, r) => (
            <tr key={cls.id}>
              <td style={first}>{cls.name}</td>
              <td style={total} data-testid={`class-total-${cls.name}`}>
                <SumText {...sums(grid.subjects.map((s) => cells.get(`${cls.id}|${s.id}`)))} />
              </td>
              {grid.subjects.map((s, c) => {
                const key = `${cls.id}|${s.id}`;
                return (
                  <LoadGridCell
                    key={s.id}
                    r={r}
                    c={c}
                    className={cls.name}
                    subjectName={s.name}
                    cell={cells.get(key)}
                    canEdit={canEdit}
                    open={open === key}
                    yearId={yearId}
                    grid={grid}
                    onOpen={setOpen}
                    onKey={onKey}
                    onDone={onDone}
                  />
                );
              })}
            </tr>
          ))}
          <tr>
            <td style={{ ...first, background: '#fafafa' }}>Итого</td>
            <td style={{ ...total, fontWeight: 600 }} data-testid="grid-total">
              <SumText {...sums(grid.cells)} />
            </td>
            {grid.subjects.map((s) => (
              <td key={s.id} style={total}>
                <SumText {...sums(grid.classes.map((c) => cells.get(`${c.id}|${s.id}`)))} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
});
