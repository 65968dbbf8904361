import { memo, useMemo, useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { bellTime, groupInClass, roomLabel, slotKey, subjectName, teacherNames, type ClassInfo, type TimetableIndex } from './timetableModel';

interface Props {
  index: TimetableIndex;
  classes: ClassInfo[];
  day: number;
  perDay: number;
  colors: Map<string, string>;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
}

const LABEL = 64;
const LINE = 17;
const HEAD: CSSProperties = { background: '#fafafa', borderRight: '1px solid #e8e8e8', borderBottom: '1px solid #d9d9d9', fontWeight: 600, fontSize: 13, padding: '4px 6px' };
const clip: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

/**
 * One day of the whole school in full: classes in rows (virtual), the day's lessons in columns,
 * each lesson with its subject, group, teacher and room. A row grows with the groups that study
 * apart in one lesson.
 */
export const MasterDay = memo(function MasterDay({ index, classes, day, perDay, colors, selectedKey, onSelect }: Props) {
  const view = index.view;
  const scrollRef = useRef<HTMLDivElement>(null);
  const heights = useMemo(
    () =>
      classes.map((c) => {
        let most = 1;
        for (let n = 1; n <= perDay; n++) most = Math.max(most, index.byClass.get(c.id)?.get(slotKey(day, c.firstPeriod + n - 1))?.length ?? 0);
        return most * LINE * 2 + 8;
      }),
    [classes, index, day, perDay],
  );
  const virtualizer = useVirtualizer({ count: classes.length, getScrollElement: () => scrollRef.current, estimateSize: (i) => heights[i], overscan: 6 });
  const template = `${LABEL}px repeat(${perDay}, minmax(0, 1fr))`;
  const weekday = view.days[day]?.weekday ?? day + 1;

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={`Сводное расписание на ${view.days[day]?.name.toLowerCase() ?? ''}`}
      data-testid="master-day"
      style={{ height: 'calc(100vh - 260px)', minHeight: 320, overflow: 'auto', position: 'relative', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
    >
      <div role="row" style={{ display: 'grid', gridTemplateColumns: template, position: 'sticky', top: 0, zIndex: 2 }}>
        <div role="columnheader" style={HEAD}>
          Класс
        </div>
        {Array.from({ length: perDay }, (_, i) => (
          <div key={i} role="columnheader" style={{ ...HEAD, textAlign: 'center' }}>
            {i + 1}-й урок
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((vr) => {
          const c = classes[vr.index];
          return (
            <div key={c.id} role="row" style={{ display: 'grid', gridTemplateColumns: template, position: 'absolute', top: vr.start, left: 0, right: 0, height: heights[vr.index] }}>
              <div role="rowheader" style={{ ...HEAD, background: '#fafafa' }}>
                {c.name}
                {c.shift !== 1 && <div style={{ fontSize: 11, fontWeight: 400, color: '#8c8c8c' }}>{c.shift === 2 ? 'II смена' : `${c.shift} смена`}</div>}
              </div>
              {Array.from({ length: perDay }, (_, i) => {
                const n = i + 1;
                const period = c.firstPeriod + i;
                const entries = index.byClass.get(c.id)?.get(slotKey(day, period)) ?? [];
                const time = day < c.weekLength && period <= c.lastPeriod ? bellTime(view, c.shift, weekday, n) : null;
                return (
                  <div
                    key={n}
                    role="gridcell"
                    data-testid="master-cell"
                    title={time ?? 'нет урока по звонкам'}
                    style={{ borderRight: '1px solid #f0f0f0', borderBottom: '1px solid #f0f0f0', padding: 2, minWidth: 0, background: time === null ? '#f5f5f5' : undefined }}
                  >
                    {entries.map((e) => {
                      const group = groupInClass(e.occ, c.id);
                      const selected = e.occ.key === selectedKey;
                      return (
                        <div
                          key={`${e.occ.key}:${e.part}`}
                          onClick={() => onSelect(selected ? null : e.occ.key)}
                          style={{
                            background: colors.get(e.occ.lesson.subjectId) ?? '#fff',
                            borderRadius: 3,
                            padding: '0 4px',
                            fontSize: 12,
                            lineHeight: `${LINE}px`,
                            cursor: 'pointer',
                            outline: selected ? '2px solid #1f5fa8' : undefined,
                            outlineOffset: -2,
                          }}
                        >
                          <div style={{ ...clip, fontWeight: 600 }}>
                            {subjectName(index, e.occ)}
                            {group && <span style={{ fontWeight: 400 }}> ({group})</span>}
                            {e.occ.roomId && <span style={{ fontWeight: 400, color: '#595959' }}> · {roomLabel(index, e.occ.roomId)}</span>}
                          </div>
                          <div style={{ ...clip, color: '#595959' }}>{teacherNames(index, e.occ)}</div>
                        </div>
                      );
                    })}
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
