import { memo, type CSSProperties } from 'react';
import { LockFilled } from '@ant-design/icons';
import { useHandEdit } from './useHandEditor';
import { audienceLabel, groupInClass, roomLabel, subjectName, teacherNames, type EntityKind, type Occurrence, type TimetableIndex } from './timetableModel';

export interface ChipProps {
  index: TimetableIndex;
  occ: Occurrence;
  /** The view the chip stands in: a class's grid shows the teacher, a teacher's the class. */
  kind: EntityKind;
  entityId: string;
  part?: number;
  selected?: boolean;
  color?: string;
  onSelect?: (occ: Occurrence) => void;
  /** The week's substitution of this lesson on a chosen date («замена: …», «урок снят»). */
  mark?: { text: string; kind: string };
}

const base: CSSProperties = {
  display: 'block',
  width: '100%',
  textAlign: 'left',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  padding: '2px 6px',
  margin: '2px 0',
  fontSize: 12,
  lineHeight: '16px',
  cursor: 'pointer',
  font: 'inherit',
};

/**
 * What a lesson says in one view, in two lines: the subject with the room number at the right,
 * then who — the teacher in a class's grid, the class in a teacher's, both in a room's.
 */
export function chipLines(index: TimetableIndex, occ: Occurrence, kind: EntityKind, entityId: string): { title: string; room: string; detail: string } {
  const subject = subjectName(index, occ);
  const group = kind === 'class' ? groupInClass(occ, entityId) : '';
  const title = group ? `${subject} (${group})` : subject;
  const room = kind === 'room' ? '' : occ.roomId ? roomLabel(index, occ.roomId) : 'без каб.';
  const detail = kind === 'class' ? teacherNames(index, occ) : kind === 'teacher' ? audienceLabel(occ) : `${audienceLabel(occ)} · ${teacherNames(index, occ)}`;
  return { title, room, detail };
}

/**
 * One lesson in a grid cell: a button (focus, Enter) that selects it; issue 16 makes it the
 * draggable of the hand editor (its id is `occ.key`).
 */
export const LessonChip = memo(function LessonChip({ index, occ, kind, entityId, part = 0, selected, color, onSelect, mark }: ChipProps) {
  const { title, room, detail } = chipLines(index, occ, kind, entityId);
  const edit = useHandEdit();
  // A draft's lesson is the hand editor's draggable; a locked or rule-pinned one stays put.
  const draggable = Boolean(edit?.enabled) && !occ.locked && !occ.lesson.pinned && part === 0;
  const label = `${title}, ${detail}${room ? `, кабинет ${room}` : ''}${occ.locked ? ', закреплён' : ''}${part > 0 ? ', второй урок спаренного' : ''}${mark ? `, ${mark.text}` : ''}`;
  return (
    <button
      type="button"
      data-occ={occ.key}
      aria-label={label}
      aria-pressed={selected ? true : undefined}
      onClick={() => onSelect?.(occ)}
      data-draggable={draggable || undefined}
      onPointerDown={draggable && edit ? (e) => edit.startDrag(occ, e) : undefined}
      style={{
        ...(draggable ? { cursor: 'grab', userSelect: 'none', touchAction: 'none' } : {}),
        ...base,
        background: color ?? '#fff',
        borderColor: selected ? '#1f5fa8' : mark ? '#fa8c16' : occ.locked ? '#8c8c8c' : '#d9d9d9',
        boxShadow: selected ? '0 0 0 2px rgba(31,95,168,0.35)' : undefined,
        opacity: part > 0 ? 0.85 : 1,
      }}
    >
      <div style={{ display: 'flex', gap: 4 }}>
        <span style={{ fontWeight: 600, flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {occ.locked && <LockFilled style={{ fontSize: 10, marginRight: 4, color: '#595959' }} aria-hidden />}
          {title}
        </span>
        {room && <span style={{ color: occ.roomId ? '#595959' : '#cf1322', whiteSpace: 'nowrap' }}>{room}</span>}
      </div>
      <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: part > 0 ? '#8c8c8c' : '#595959' }} title={detail}>
        {part > 0 ? 'спаренный, 2-й урок' : detail}
      </div>
      {mark && (
        <div data-testid="sub-mark" data-kind={mark.kind} style={{ fontSize: 11, lineHeight: '14px', color: mark.kind === 'none' || mark.kind === 'cancel' ? '#cf1322' : '#ad4e00', whiteSpace: 'normal' }}>
          {mark.text}
        </div>
      )}
    </button>
  );
});
