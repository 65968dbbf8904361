import { memo, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { bellTime, roomLabel, slotKey, subjectName, teacherNames, type ClassInfo, type SlotEntry, type TimetableIndex } from './timetableModel';
import { textWidth, useElementWidth } from './useElementWidth';

interface Props {
  index: TimetableIndex;
  classes: ClassInfo[];
  perDay: number;
  codes: Map<string, string>;
  colors: Map<string, string>;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
}

const ROW = 26;
const LABEL = 40;
const FONT_PX = 11;
const HEAD: CSSProperties = { background: '#fafafa', borderRight: '1px solid #e8e8e8', borderBottom: '1px solid #d9d9d9', fontWeight: 600, fontSize: 12, textAlign: 'center', overflow: 'hidden' };

/** The code of a slot's first subject, and whether other subjects share the slot (groups apart). */
function cellText(entries: SlotEntry[], codes: Map<string, string>): { text: string; more: boolean } {
  const seen = new Set<string>();
  for (const e of entries) seen.add(e.occ.lesson.subjectId);
  const first = entries[0];
  return { text: first ? (codes.get(first.occ.lesson.subjectId) ?? '?') : '', more: seen.size > 1 };
}

/** A small dark corner: more than one subject in the slot (the hover and a click tell which). */
const MORE_MARK = 'linear-gradient(225deg, #595959 5px, transparent 5px)';

/**
 * The whole school for the week in the wall format schools pin up: classes in columns, days ×
 * lessons in rows, each cell the subject's short code on its colour (the full lesson on hover and
 * on click). Rows are virtual; the columns share the page's width and never get narrower than the
 * widest code, so nothing is clipped — a school with more classes scrolls inside the grid.
 */
export const MasterWeek = memo(function MasterWeek({ index, classes, perDay, codes, colors, selectedKey, onSelect }: Props) {
  const view = index.view;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  // The grid's own font, read once the element exists (the width turns non-zero then).
  const family = width > 0 && scrollRef.current ? getComputedStyle(scrollRef.current).fontFamily : 'sans-serif';
  const font = `${FONT_PX}px ${family}`;
  const minCol = useMemo(() => {
    let w = 0;
    for (const c of codes.values()) w = Math.max(w, textWidth(c, font));
    for (const c of classes) w = Math.max(w, textWidth(c.name, `600 12px ${family}`));
    // Centred text needs no padding: the cell borders keep neighbours' letters apart.
    return Math.ceil(w);
  }, [codes, classes, font, family]);
  const col = Math.max(minCol, Math.floor((Math.max(width, 300) - LABEL - 1) / Math.max(1, classes.length)));
  const rows = useMemo(() => view.days.flatMap((d) => Array.from({ length: perDay }, (_, i) => ({ day: d, n: i + 1 }))), [view.days, perDay]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 8 });
  const total = LABEL + col * classes.length;
  const firstShift = useMemo(() => Math.min(...classes.map((c) => c.shift)), [classes]);
  // Keyboard: arrows move a cursor over the cells, Enter shows the lesson under it (as a click does).
  const [cursor, setCursor] = useState<{ r: number; c: number } | null>(null);
  const entriesAt = (r: number, c: number): SlotEntry[] => {
    const cls = classes[c];
    const row = rows[r];
    return cls && row ? (index.byClass.get(cls.id)?.get(slotKey(row.day.index, cls.firstPeriod + row.n - 1)) ?? []) : [];
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    const at = cursor ?? { r: 0, c: 0 };
    if (m) {
      const next = { r: Math.max(0, Math.min(rows.length - 1, at.r + m[0])), c: Math.max(0, Math.min(classes.length - 1, at.c + m[1])) };
      setCursor(next);
      virtualizer.scrollToIndex(next.r, { align: 'auto' });
      const box = scrollRef.current;
      if (box) {
        const left = LABEL + next.c * col;
        if (left < box.scrollLeft + LABEL) box.scrollLeft = left - LABEL;
        else if (left + col > box.scrollLeft + box.clientWidth) box.scrollLeft = left + col - box.clientWidth;
      }
    } else if (e.key === 'Enter') {
      const first = entriesAt(at.r, at.c)[0];
      onSelect(first ? (first.occ.key === selectedKey ? null : first.occ.key) : null);
    } else return;
    e.preventDefault();
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Сводное расписание: классы по столбцам, дни и уроки по строкам"
      aria-rowcount={rows.length + 1}
      data-testid="master-week"
      tabIndex={0}
      onKeyDown={onKey}
      onBlur={() => setCursor(null)}
      style={{ height: 'calc(100vh - 260px)', minHeight: 320, overflow: 'auto', position: 'relative', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
    >
      <div role="row" style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 2, width: total, height: 34 }}>
        <div role="columnheader" style={{ ...HEAD, width: LABEL, flex: 'none', position: 'sticky', left: 0, zIndex: 3, lineHeight: '34px' }}>
          День
        </div>
        {classes.map((c) => (
          <div key={c.id} role="columnheader" style={{ ...HEAD, width: col, flex: 'none', lineHeight: '15px', paddingTop: 2 }} title={`${c.name}, ${c.shift}-я смена`}>
            <div>{c.name}</div>
            {c.shift !== firstShift && <div style={{ fontWeight: 400, fontSize: 11, color: '#8c8c8c' }}>{c.shift === 2 ? 'II см.' : `${c.shift} см.`}</div>}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width: total, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((vr) => {
          const { day, n } = rows[vr.index];
          const firstOfDay = n === 1;
          return (
            <div
              key={vr.key}
              role="row"
              style={{ display: 'flex', position: 'absolute', top: vr.start, left: 0, height: ROW, width: total, borderTop: firstOfDay ? '2px solid #8c8c8c' : undefined }}
            >
              <div role="rowheader" style={{ ...HEAD, width: LABEL, flex: 'none', position: 'sticky', left: 0, zIndex: 1, textAlign: 'left', padding: '0 4px', lineHeight: `${ROW - 2}px` }}>
                {firstOfDay ? `${day.short} ${n}` : <span style={{ paddingLeft: 17 }}>{n}</span>}
              </div>
              {classes.map((c, ci) => {
                const period = c.firstPeriod + n - 1;
                const here = cursor !== null && cursor.r === vr.index && cursor.c === ci;
                const entries = index.byClass.get(c.id)?.get(slotKey(day.index, period)) ?? [];
                const time = day.index < c.weekLength && period <= c.lastPeriod ? bellTime(view, c.shift, day.weekday, n) : null;
                const closed = time === null;
                const first = entries[0];
                const { text, more } = cellText(entries, codes);
                const hint = entries
                  .map((e) => `${subjectName(index, e.occ, false)} — ${teacherNames(index, e.occ)}${e.occ.roomId ? `, каб. ${roomLabel(index, e.occ.roomId)}` : ''}`)
                  .join('; ');
                const selected = first && entries.some((e) => e.occ.key === selectedKey);
                return (
                  <div
                    key={c.id}
                    role="gridcell"
                    aria-selected={here || undefined}
                    data-testid="master-cell"
                    title={entries.length ? `${c.name}, ${day.short} ${n}-й урок${time ? ` (${time})` : ''}: ${hint}` : undefined}
                    onClick={first ? () => onSelect(selected ? null : first.occ.key) : undefined}
                    style={{
                      width: col,
                      flex: 'none',
                      fontSize: FONT_PX,
                      lineHeight: `${ROW - 2}px`,
                      textAlign: 'center',
                      whiteSpace: 'nowrap',
                      overflow: 'hidden',
                      borderRight: '1px solid #f0f0f0',
                      borderBottom: '1px solid #f0f0f0',
                      cursor: first ? 'pointer' : undefined,
                      background: closed ? '#f5f5f5' : first ? (colors.get(first.occ.lesson.subjectId) ?? '#fff') : '#fff',
                      backgroundImage: more ? MORE_MARK : undefined,
                      outline: selected ? '2px solid #1f5fa8' : here ? '2px dashed #1f5fa8' : undefined,
                      outlineOffset: -2,
                    }}
                  >
                    {first?.occ.locked ? <span style={{ textDecoration: 'underline' }}>{text}</span> : text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
});
