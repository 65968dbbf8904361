import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Popover, Tooltip, Typography } from 'antd';
import type { LoadCell, LoadGrid } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { AssignEditor } from './AssignEditor';

const th: CSSProperties = { border: '1px solid #d9d9d9', background: '#fafafa', padding: '4px 6px', position: 'sticky', top: 0, zIndex: 2, fontWeight: 600, fontSize: 12, whiteSpace: 'nowrap' };
const td: CSSProperties = { border: '1px solid #d9d9d9', padding: 0, verticalAlign: 'top', minWidth: 96 };
const first: CSSProperties = { ...td, position: 'sticky', left: 0, background: '#fff', zIndex: 1, fontWeight: 600, padding: '4px 8px', minWidth: 56 };

/**
 * The load as a grid of classes × subjects: each cell shows the hours and the teacher of every group,
 * a vacancy in red. Arrows move between cells; Enter opens the choice of teachers.
 */
export function LoadGridView({ yearId, grid, canEdit }: { yearId: string; grid: LoadGrid; canEdit: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<string | null>(null);
  const cells = new Map(grid.cells.map((c) => [`${c.classId}|${c.subjectId}`, c]));
  const move = (r: number, c: number) => box.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus();
  const onKey = (e: KeyboardEvent<HTMLElement>, r: number, c: number, key: string | null) => {
    const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      move(Math.max(0, Math.min(grid.classes.length - 1, r + m[0])), Math.max(0, Math.min(grid.subjects.length - 1, c + m[1])));
    } else if ((e.key === 'Enter' || e.key === ' ') && key && canEdit) {
      e.preventDefault();
      setOpen(key);
    }
  };
  const content = (cell: LoadCell) =>
    cell.groups.map((g) => (
      <div key={g.groupNo} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
        {cell.groupCount > 1 && <Typography.Text type="secondary">{g.groupNo}: </Typography.Text>}
        {g.staffName ? <span>{g.staffName}</span> : <Typography.Text type="danger">вакансия</Typography.Text>}
      </div>
    ));

  return (
    <div ref={box} style={{ overflow: 'auto', maxHeight: 'calc(100vh - 280px)' }}>
      <table style={{ borderCollapse: 'collapse', fontSize: 13 }} aria-label="Нагрузка: классы и предметы">
        <thead>
          <tr>
            <th style={{ ...th, left: 0, zIndex: 3 }}>Класс</th>
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
              {grid.subjects.map((s, c) => {
                const key = `${cls.id}|${s.id}`;
                const cell = cells.get(key);
                const vacant = cell?.groups.some((g) => !g.staffId);
                const body = (
                  <div
                    role={cell ? 'button' : undefined}
                    tabIndex={0}
                    data-cell={`${r}:${c}`}
                    aria-label={cell ? `${cls.name}, ${s.name}: ${formatHours(cell.hours)} ч, ${cell.groups.map((g) => g.staffName ?? 'вакансия').join(', ')}` : `${cls.name}, ${s.name}: нет в плане`}
                    onKeyDown={(e) => onKey(e, r, c, cell ? key : null)}
                    onClick={() => cell && canEdit && setOpen(key)}
                    style={{ padding: '2px 6px', minHeight: 34, cursor: cell && canEdit ? 'pointer' : undefined, background: cell ? (vacant ? '#fff1f0' : undefined) : '#fafafa', outlineOffset: -2 }}
                  >
                    {cell && (
                      <>
                        <div style={{ fontSize: 11, color: '#8c8c8c' }}>{formatHours(cell.hours)} ч</div>
                        {content(cell)}
                      </>
                    )}
                  </div>
                );
                return (
                  <td key={s.id} style={td}>
                    {cell && open === key ? (
                      <Popover open trigger="click" placement="right" onOpenChange={(v) => !v && setOpen(null)} content={<AssignEditor yearId={yearId} grid={grid} cell={cell} onDone={() => { setOpen(null); setTimeout(() => move(r, c), 0); }} />}>
                        {body}
                      </Popover>
                    ) : (
                      body
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
