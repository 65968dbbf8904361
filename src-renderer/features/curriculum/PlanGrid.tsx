import { useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { Button, Select, Tag, Tooltip } from 'antd';
import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { annualHours, formatHours, hoursInPeriod, round2 } from '../../../src-shared/domain/curriculum/hours';
import { ASSESSMENT_FORMS, PART_KEYS, PLAN_PARTS, isClassroom, type PlanPart } from '../../../src-shared/domain/curriculum/parts';
import type { PlanRow } from '../../../src-shared/domain/curriculum/effectivePlan';
import { parseRow, type EditRow } from './planEditorModel';

export interface GridProps {
  rows: EditRow[];
  periods: { name: string; weeks: number }[];
  perPeriod: boolean;
  readOnly: boolean;
  isClass: boolean;
  maxWeekly: number | null;
  subjects: { id: string; name: string }[];
  /** `subjectId|part` → the worst severity of its problems. */
  marks: Map<string, 'error' | 'warning' | 'info'>;
  onChange(key: string, patch: Partial<EditRow>): void;
  onDelete(key: string): void;
  onRestore(key: string): void;
  onAdd(part: PlanPart, subjectId: string): void;
}

const cellStyle: CSSProperties = { border: '1px solid #d9d9d9', padding: 0, height: 30 };
const headStyle: CSSProperties = { ...cellStyle, background: '#fafafa', fontWeight: 600, padding: '4px 6px', textAlign: 'center' };
const inputStyle: CSSProperties = { width: '100%', height: 28, border: 'none', outline: 'none', padding: '0 6px', background: 'transparent', font: 'inherit', textAlign: 'center' };
const ORIGIN: Record<string, { color: string; text: string }> = {
  changed: { color: 'orange', text: 'изменено в классе' },
  added: { color: 'blue', text: 'только в классе' },
  removed: { color: 'default', text: 'убрано в классе' },
};
const MARK_COLOR = { error: '#ff4d4f', warning: '#faad14', info: '#d9d9d9' };

function sum(values: number[]): number {
  return round2(values.reduce((a, b) => a + b, 0));
}

/**
 * The plan as a spreadsheet: sections by part, one row per subject, hours per week (per period when
 * they differ), hours a year, subgroups, doubles, assessment; subtotals and the classroom total against
 * the SanPiN maximum update as the person types. Arrows, Enter and Tab move between cells; Esc undoes
 * the cell; Ctrl+Delete removes the row.
 */
export function PlanGrid(props: GridProps) {
  const { rows, periods, perPeriod, readOnly, isClass, maxWeekly } = props;
  const box = useRef<HTMLDivElement>(null);
  const focusValue = useRef('');
  const weeks = periods.map((p) => p.weeks);
  const hourCols = perPeriod ? periods.length : 1;
  const cols = hourCols + 3;
  const editable = rows.filter((r) => r.origin !== 'removed');
  const indexOf = new Map(editable.map((r, i) => [r.key, i]));
  const parsed = new Map(rows.map((r) => [r.key, parseRow(r)]));
  const planRows = (list: EditRow[]) => list.map((r) => parsed.get(r.key)?.row).filter((r): r is PlanRow => Boolean(r));

  const focusCell = (r: number, c: number) => {
    const el = box.current?.querySelector<HTMLInputElement>(`input[data-cell="${r}:${c}"]`);
    if (el) {
      el.focus();
      el.select();
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number, row: EditRow, restore: () => void) => {
    const el = e.currentTarget;
    const whole = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
      e.preventDefault();
      focusCell(Math.min(editable.length - 1, r + 1), c);
    } else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) {
      e.preventDefault();
      focusCell(Math.max(0, r - 1), c);
    } else if (e.key === 'ArrowLeft' && (whole || el.selectionStart === 0) && c > 0) {
      e.preventDefault();
      focusCell(r, c - 1);
    } else if (e.key === 'ArrowRight' && (whole || el.selectionEnd === el.value.length) && c < cols - 1) {
      e.preventDefault();
      focusCell(r, c + 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      restore();
    } else if (e.key === 'Delete' && e.ctrlKey) {
      e.preventDefault();
      props.onDelete(row.key);
    }
  };

  const input = (row: EditRow, c: number, value: string, set: (v: string) => void, label: string, error?: string, list?: string) => {
    const r = indexOf.get(row.key) ?? -1;
    const field = (
      <input
        data-cell={`${r}:${c}`}
        aria-label={`${row.subjectName}: ${label}`}
        aria-invalid={error ? true : undefined}
        style={{ ...inputStyle, textAlign: c >= hourCols + 2 ? 'left' : 'center', background: error ? '#fff1f0' : 'transparent' }}
        value={value}
        readOnly={readOnly}
        list={list}
        onFocus={(e) => {
          focusValue.current = e.currentTarget.value;
          e.currentTarget.select();
        }}
        onChange={(e) => set(e.target.value)}
        onKeyDown={(e) => onKey(e, r, c, row, () => set(focusValue.current))}
      />
    );
    return error ? <Tooltip title={error}>{field}</Tooltip> : field;
  };

  const hoursCells = (row: EditRow) => {
    const p = parsed.get(row.key);
    if (row.origin === 'removed') return Array.from({ length: hourCols }, (_, i) => <td key={`h${i}`} style={{ ...cellStyle, textAlign: 'center', color: '#999' }}>{perPeriod ? row.hours[i] : row.hours[0]}</td>);
    if (!perPeriod) {
      return [
        <td key="h0" style={cellStyle}>
          {input(row, 0, row.hours[0] ?? '', (v) => props.onChange(row.key, { hours: row.hours.map(() => v) }), 'часов в неделю', p?.errors['hours.0'])}
        </td>,
      ];
    }
    return periods.map((per, i) => (
      <td key={`h${i}`} style={cellStyle}>
        {input(row, i, row.hours[i] ?? '', (v) => props.onChange(row.key, { hours: row.hours.map((h, j) => (j === i ? v : h)) }), `часов в неделю, ${per.name}`, p?.errors[`hours.${i}`])}
      </td>
    ));
  };

  const totalsRow = (label: string, list: EditRow[], key: string, strong = false, over = false) => {
    const pr = planRows(list);
    const t = periods.map((_, i) => sum(pr.map((r) => hoursInPeriod(r.hours, i, periods.length))));
    const shown = perPeriod ? t : [Math.max(0, ...t)];
    return (
      <tr key={key} style={{ background: strong ? '#f0f5ff' : '#fafafa', fontWeight: 600 }}>
        <td colSpan={2} style={{ ...cellStyle, padding: '4px 6px' }}>{label}</td>
        {shown.map((v, i) => (
          <td key={i} data-testid={`${key}-${i}`} style={{ ...cellStyle, textAlign: 'center', color: over && maxWeekly !== null && v > maxWeekly ? '#cf1322' : undefined }}>
            {formatHours(v)}
            {over && maxWeekly !== null ? ` / ${maxWeekly}` : ''}
          </td>
        ))}
        <td style={{ ...cellStyle, textAlign: 'center' }}>{formatHours(sum(pr.map((r) => annualHours(r.hours, weeks))))}</td>
        <td colSpan={4} style={cellStyle} />
      </tr>
    );
  };

  const body = [];
  for (const part of PART_KEYS) {
    const list = rows.filter((r) => r.part === part);
    body.push(
      <tr key={`head-${part}`}>
        <td colSpan={hourCols + 7} style={{ ...cellStyle, padding: '4px 6px', background: '#f5f5f5', fontWeight: 600 }}>
          {PLAN_PARTS[part]}
        </td>
      </tr>,
    );
    list.forEach((row) => {
      const p = parsed.get(row.key);
      const mark = props.marks.get(`${row.subjectId}|${row.part}`);
      const removed = row.origin === 'removed';
      body.push(
        <tr key={row.key} data-row={row.subjectName} style={{ color: removed ? '#999' : undefined, textDecoration: removed ? 'line-through' : undefined }}>
          <td style={{ ...cellStyle, width: 6, background: mark ? MARK_COLOR[mark] : undefined }} />
          <td style={{ ...cellStyle, padding: '0 6px', minWidth: 180 }}>
            {row.subjectName}
            {isClass && ORIGIN[row.origin] && (
              <Tag color={ORIGIN[row.origin].color} style={{ marginLeft: 6 }}>
                {ORIGIN[row.origin].text}
              </Tag>
            )}
          </td>
          {hoursCells(row)}
          <td style={{ ...cellStyle, textAlign: 'center', minWidth: 60 }}>{p?.row ? formatHours(annualHours(p.row.hours, weeks)) : '—'}</td>
          <td style={{ ...cellStyle, width: 70 }}>{removed ? null : input(row, hourCols, row.groups, (v) => props.onChange(row.key, { groups: v }), 'подгрупп', p?.errors.groups)}</td>
          <td style={{ ...cellStyle, width: 80 }}>{removed ? null : input(row, hourCols + 1, row.doubles, (v) => props.onChange(row.key, { doubles: v }), 'сдвоенных уроков', p?.errors.doubles)}</td>
          <td style={{ ...cellStyle, minWidth: 280 }}>{removed ? <span style={{ padding: '0 6px' }}>{row.assessment}</span> : input(row, hourCols + 2, row.assessment, (v) => props.onChange(row.key, { assessment: v }), 'форма аттестации', p?.errors.assessment, 'assessment-forms')}</td>
          <td style={{ ...cellStyle, width: 36, textAlign: 'center' }}>
            {!readOnly &&
              (removed ? (
                <Button size="small" type="text" icon={<UndoOutlined />} aria-label={`Вернуть ${row.subjectName}`} title="Вернуть строку" onClick={() => props.onRestore(row.key)} />
              ) : (
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Убрать ${row.subjectName}`} title="Убрать строку (Ctrl+Delete)" tabIndex={-1} onClick={() => props.onDelete(row.key)} />
              ))}
          </td>
        </tr>,
      );
    });
    if (!readOnly) {
      const used = new Set(list.filter((r) => r.origin !== 'removed').map((r) => r.subjectId));
      body.push(
        <tr key={`add-${part}`}>
          <td style={cellStyle} />
          <td colSpan={hourCols + 6} style={{ ...cellStyle, padding: 2 }}>
            <Select
              size="small"
              showSearch
              optionFilterProp="label"
              placeholder="+ добавить предмет"
              aria-label={`Добавить предмет: ${PLAN_PARTS[part]}`}
              value={null}
              style={{ width: 320 }}
              variant="borderless"
              options={props.subjects.filter((s) => !used.has(s.id)).map((s) => ({ value: s.id, label: s.name }))}
              onChange={(id: string | null) => id && props.onAdd(part, id)}
            />
          </td>
        </tr>,
      );
    }
    if (list.length) body.push(totalsRow(`Итого: ${PLAN_PARTS[part].toLowerCase()}`, list.filter((r) => r.origin !== 'removed'), `total-${part}`));
    if (part === 'formed') body.push(totalsRow('Итого аудиторная нагрузка', rows.filter((r) => r.origin !== 'removed' && isClassroom(r.part)), 'total-classroom', true, true));
  }

  return (
    <div ref={box} data-scroll-x style={{ overflowX: 'auto' }}>
      <datalist id="assessment-forms">
        {ASSESSMENT_FORMS.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }} aria-label="Учебный план">
        <thead>
          <tr>
            <th style={{ ...headStyle, width: 6 }} />
            <th style={headStyle}>Учебный предмет</th>
            {perPeriod ? periods.map((p) => <th key={p.name} style={headStyle}>{p.name}, ч/нед</th>) : <th style={headStyle}>Часов в неделю</th>}
            <th style={headStyle}>В год</th>
            <th style={headStyle}>Подгрупп</th>
            <th style={headStyle}>Сдвоенных</th>
            <th style={headStyle}>Промежуточная аттестация</th>
            <th style={headStyle} />
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
