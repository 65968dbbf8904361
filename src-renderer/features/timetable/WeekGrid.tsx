import { memo, type CSSProperties } from 'react';
import { LessonChip } from './LessonChip';
import { VERDICT_COLOR, verdictText } from './editSession';
import { useHandEdit } from './useHandEditor';
import { classSlot, slotId, slotKey, type EntityKind, type GridRow, type Occurrence, type SlotMap, type TimetableIndex } from './timetableModel';

interface Props {
  index: TimetableIndex;
  kind: EntityKind;
  entityId: string;
  rows: GridRow[];
  slots: SlotMap;
  selectedKey: string | null;
  /** Slots to point at (a violation clicked in the figures panel). */
  highlight: ReadonlySet<number>;
  colors: Map<string, string>;
  onSelect: (occ: Occurrence) => void;
  /** Substitutions of a chosen week by occurrence key, and the date of each day index. */
  marks?: { byKey: Map<string, { text: string; kind: string }>; dates: Map<number, string> };
}

const th: CSSProperties = { border: '1px solid #d9d9d9', background: '#fafafa', padding: '4px 6px', fontWeight: 600, fontSize: 13, position: 'sticky', top: 0, zIndex: 1 };
const rowHead: CSSProperties = { border: '1px solid #d9d9d9', background: '#fafafa', padding: '4px 6px', verticalAlign: 'top', width: 96, fontSize: 12 };
const cell: CSSProperties = { border: '1px solid #d9d9d9', padding: 2, verticalAlign: 'top', minHeight: 40 };

/**
 * A week of one class, teacher or room: days in columns, the lessons of the shift(s) in rows with
 * their bell times. Each cell is a slot (`data-slot`, the droppable of issue 16) holding the
 * lessons that stand in it; a class's cells outside its week or bells are greyed. Two lessons of a
 * teacher or a room in one slot are a clash and the cell turns red.
 */
export const WeekGrid = memo(function WeekGrid({ index, kind, entityId, rows, slots, selectedKey, highlight, colors, onSelect, marks }: Props) {
  const view = index.view;
  const edit = useHandEdit();
  const targets = edit?.targets ?? null;
  const cls = kind === 'class' ? index.classes.get(entityId) : undefined;
  // A class's grid shows its own week (no Saturday for a five-day class); a teacher's or room's all days.
  const days = cls ? view.days.filter((d) => d.index < cls.weekLength) : view.days;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }} aria-label="Расписание на неделю" data-testid="week-grid">
      <thead>
        <tr>
          <th style={{ ...th, width: 96 }}>Урок</th>
          {days.map((d) => (
            <th key={d.index} style={th} scope="col">
              {d.name}
              {marks?.dates.get(d.index) && <span style={{ fontWeight: 400, color: '#595959' }}> {marks.dates.get(d.index)}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.period}>
            <th scope="row" style={rowHead}>
              <div style={{ fontSize: 14 }}>{row.label}</div>
              {row.times.map((t) => (
                <div key={t} style={{ color: '#8c8c8c', whiteSpace: 'nowrap' }}>
                  {t}
                </div>
              ))}
            </th>
            {days.map((d) => {
              const k = slotKey(d.index, row.period);
              const here = slots.get(k) ?? [];
              const info = cls ? classSlot(view, cls, d.index, row.period, row.times) : { closed: false, time: null };
              const clash = kind !== 'class' && new Set(here.map((e) => e.occ.key)).size > 1;
              const lit = highlight.has(k);
              const target = targets?.get(k);
              const atCursor = edit?.cursor?.day === d.index && edit.cursor.period === row.period;
              return (
                <td
                  key={d.index}
                  data-slot={slotId(d.index, row.period)}
                  data-testid={`slot-${d.index}-${row.period}`}
                  aria-label={`${d.name}, ${row.label}`}
                  data-verdict={target && target.action !== 'stay' ? target.verdict : undefined}
                  data-action={target?.action}
                  title={target && target.action !== 'stay' ? verdictText(target) : undefined}
                  style={{
                    ...cell,
                    background: target && target.action !== 'stay' ? VERDICT_COLOR[target.verdict] : info.closed && here.length === 0 ? '#f5f5f5' : clash ? '#fff1f0' : '#fff',
                    outline: atCursor && target ? '3px solid #1f5fa8' : lit ? '2px solid #cf1322' : undefined,
                    outlineOffset: -2,
                  }}
                >
                  {info.time && <div style={{ fontSize: 11, color: '#8c8c8c' }}>{info.time}</div>}
                  {here.map((e) => (
                    <LessonChip
                      key={`${e.occ.key}:${e.part}`}
                      index={index}
                      occ={e.occ}
                      part={e.part}
                      kind={kind}
                      entityId={entityId}
                      selected={e.occ.key === selectedKey}
                      color={colors.get(e.occ.lesson.subjectId)}
                      onSelect={onSelect}
                      mark={e.part === 0 ? marks?.byKey.get(e.occ.key) : undefined}
                    />
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
