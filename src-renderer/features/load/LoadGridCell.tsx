import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import { Popover } from 'antd';
import type { LoadCell, LoadGrid } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { AssignEditor } from './AssignEditor';

export const DANGER = '#cf1322';
export const SECONDARY = '#8c8c8c';
const td: CSSProperties = { border: '1px solid #d9d9d9', padding: 0, verticalAlign: 'top', minWidth: 96 };

export interface GridCellProps {
  r: number;
  c: number;
  className: string;
  subjectName: string;
  cell: LoadCell | undefined;
  canEdit: boolean;
  open: boolean;
  yearId: string;
  grid: LoadGrid;
  onOpen(key: string | null): void;
  onKey(e: KeyboardEvent<HTMLElement>, r: number, c: number, key: string | null): void;
  onDone(r: number, c: number): void;
}

/**
 * One class × subject cell of the load grid. Memoised: a school has some 900 cells, and opening one
 * cell's choice of teachers must not re-render the others (plain spans, not antd Typography, for the
 * same reason).
 */
export const LoadGridCell = memo(function LoadGridCell({ r, c, className, subjectName, cell, canEdit, open, yearId, grid, onOpen, onKey, onDone }: GridCellProps) {
  const key = cell ? `${cell.classId}|${cell.subjectId}` : null;
  const vacant = cell?.groups.some((g) => !g.staffId);
  const body = (
    <div
      role={cell ? 'button' : undefined}
      tabIndex={0}
      data-cell={`${r}:${c}`}
      aria-label={cell ? `${className}, ${subjectName}: ${formatHours(cell.hours)} ч, ${cell.groups.map((g) => g.staffName ?? 'вакансия').join(', ')}` : `${className}, ${subjectName}: нет в плане`}
      onKeyDown={(e) => onKey(e, r, c, key)}
      onClick={() => key && canEdit && onOpen(key)}
      style={{ padding: '2px 6px', minHeight: 34, cursor: cell && canEdit ? 'pointer' : undefined, background: cell ? (vacant ? '#fff1f0' : undefined) : '#fafafa', outlineOffset: -2 }}
    >
      {cell && (
        <>
          <div style={{ fontSize: 11, color: SECONDARY }}>{formatHours(cell.hours)} ч</div>
          {cell.groups.map((g) => (
            <div key={g.groupNo} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
              {cell.groupCount > 1 && <span style={{ color: SECONDARY }}>{g.groupNo}: </span>}
              {g.staffName ? <span>{g.staffName}</span> : <span style={{ color: DANGER }}>вакансия</span>}
            </div>
          ))}
        </>
      )}
    </div>
  );
  return (
    <td style={td}>
      {cell && open ? (
        <Popover open trigger="click" placement="right" onOpenChange={(v) => !v && onOpen(null)} content={<AssignEditor yearId={yearId} grid={grid} cell={cell} onDone={() => onDone(r, c)} />}>
          {body}
        </Popover>
      ) : (
        body
      )}
    </td>
  );
});
