import { useCallback, useMemo, type KeyboardEvent } from 'react';
import { Button, Empty, Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import { EditBar } from './EditBar';
import { GroupLock } from './GroupLock';
import { stepCell, VERDICT_COLOR, verdictText } from './editSession';
import { LessonChip } from './LessonChip';
import { useHandEdit } from './useHandEditor';
import { LessonDetails } from './LessonDetails';
import { WeekGrid } from './WeekGrid';
import { useWeekSubs, WeekSubsBar } from './WeekSubsBar';
import {
  classRows,
  shiftRows,
  shiftsOf,
  slotsOf,
  sortedClasses,
  subjectColors,
  unplacedFor,
  type EntityKind,
  type Occurrence,
  type TimetableIndex,
} from './timetableModel';

interface Props {
  index: TimetableIndex;
  meta: VersionMeta;
  kind: EntityKind;
  id: string | null;
  selectedKey: string | null;
  highlight: ReadonlySet<number>;
  onOpen: (kind: EntityKind, id: string) => void;
  onSelect: (key: string | null) => void;
}

const KIND_LABEL: Record<EntityKind, string> = { class: 'Класс', teacher: 'Учитель', room: 'Кабинет' };

/** The entities of a kind this user may open, in school order. */
export function entityOptions(index: TimetableIndex, kind: EntityKind): { value: string; label: string }[] {
  const view = index.view;
  const scope = view.scope;
  if (kind === 'class') {
    const classes = sortedClasses(view.classes).filter((c) => scope.all || scope.classIds.includes(c.id));
    return classes.map((c) => ({ value: c.id, label: c.name }));
  }
  if (kind === 'teacher') {
    const teachers = [...view.teachers].filter((t) => scope.all || t.id === scope.staffId).sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
    return teachers.map((t) => ({ value: t.id, label: t.fullName }));
  }
  if (!scope.all) return [];
  return [...view.rooms]
    .sort((a, b) => a.number.localeCompare(b.number, 'ru', { numeric: true }))
    .map((r) => ({ value: r.id, label: `${r.number}${r.name ? ` — ${r.name}` : ''} (${r.typeName})` }));
}

/** The timetable of one class, teacher or room for the week, with what of it is not placed. */
export function EntityView({ index, meta, kind, id, selectedKey, highlight, onOpen, onSelect }: Props) {
  const options = useMemo(() => entityOptions(index, kind), [index, kind]);
  const current = id && options.some((o) => o.value === id) ? id : (options[0]?.value ?? null);
  const colors = useMemo(() => subjectColors(index.view.subjects), [index]);
  const rows = useMemo(() => {
    if (!current) return [];
    if (kind === 'class') {
      const cls = index.classes.get(current);
      return cls ? classRows(index.view, cls) : [];
    }
    return shiftRows(index.view, shiftsOf(index, kind, current));
  }, [index, kind, current]);
  const slots = useMemo(() => (current ? slotsOf(index, kind, current) : new Map()), [index, kind, current]);
  const unplaced = useMemo(() => (current ? unplacedFor(index, kind, current) : []), [index, kind, current]);
  const selected = selectedKey ? index.byKey.get(selectedKey) : undefined;
  const select = useCallback((occ: Occurrence) => onSelect(occ.key === selectedKey ? null : occ.key), [onSelect, selectedKey]);
  const at = options.findIndex((o) => o.value === current);
  const lessonsCount = useMemo(() => {
    const keys = new Set<string>();
    for (const list of slots.values()) for (const e of list) keys.add(e.occ.key);
    return keys.size;
  }, [slots]);

  const subs = useWeekSubs(meta);
  const edit = useHandEdit();
  const editing = Boolean(edit?.enabled);
  const cls = kind === 'class' && current ? index.classes.get(current) : undefined;
  const dayList = useMemo(() => (cls ? index.view.days.filter((d) => d.index < cls.weekLength) : index.view.days).map((d) => d.index), [index, cls]);
  // Keyboard moving: arrows walk the cells from the lesson's place, Enter drops, Esc cancels.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!edit?.enabled || !edit.activeKey || !edit.targets) return;
    const occ = index.byKey.get(edit.activeKey);
    if (!occ) return;
    if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      const base = edit.cursor ?? (occ.day !== null && occ.period !== null ? { day: occ.day, period: occ.period } : { day: dayList[0], period: rows[0]?.period ?? 0 });
      edit.hover(stepCell(base, e.key, dayList, rows.map((r) => r.period)));
    } else if (e.key === 'Enter' && edit.cursor && (edit.cursor.day !== occ.day || edit.cursor.period !== occ.period)) {
      e.preventDefault();
      void edit.drop(edit.cursor);
    } else if (e.key === 'Escape') edit.cancel();
  };
  const offGrid = edit?.offGrid;

  if (options.length === 0) return <Empty description={kind === 'room' ? 'Кабинетов нет' : 'Нет расписания, которое вам доступно'} />;

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap>
        <span>{KIND_LABEL[kind]}:</span>
        <Button icon={<LeftOutlined />} aria-label="Предыдущий" disabled={at <= 0} onClick={() => onOpen(kind, options[at - 1].value)} />
        <Select
          aria-label={KIND_LABEL[kind]}
          showSearch
          optionFilterProp="label"
          style={{ minWidth: kind === 'class' ? 120 : 320 }}
          value={current ?? undefined}
          options={options}
          onChange={(v: string) => onOpen(kind, v)}
        />
        <Button icon={<RightOutlined />} aria-label="Следующий" disabled={at < 0 || at >= options.length - 1} onClick={() => onOpen(kind, options[at + 1].value)} />
        <Typography.Text type="secondary">
          Уроков в неделю: {lessonsCount}
          {unplaced.length > 0 && <Typography.Text type="danger">, не поставлено: {unplaced.length}</Typography.Text>}
        </Typography.Text>
      </Space>
      <WeekSubsBar kind={kind} id={current} index={index} subs={subs} />
      {editing && edit && (
        <Space wrap align="start">
          {current && <GroupLock edit={edit} index={index} kind={kind} id={current} />}
          <EditBar edit={edit} index={index} />
        </Space>
      )}
      {selected && <LessonDetails index={index} occ={selected} meta={meta} onOpen={onOpen} onClose={() => onSelect(null)} />}
      {current && (
        <div style={{ overflow: 'auto', maxHeight: 'calc(100vh - 300px)' }} onKeyDown={onKeyDown}>
          <WeekGrid index={index} kind={kind} entityId={current} rows={rows} slots={slots} selectedKey={selectedKey} highlight={highlight} colors={colors} onSelect={select} marks={subs.marks} />
        </div>
      )}
      {(unplaced.length > 0 || editing) && current && (
        <div
          data-testid="unplaced"
          aria-label="Не поставленные уроки"
          role="region"
          data-verdict={offGrid && edit?.activeKey && index.byKey.get(edit.activeKey)?.day !== null ? offGrid.verdict : undefined}
          title={offGrid ? verdictText({ ...offGrid, action: 'move' }) : undefined}
          data-drop={editing ? 'off' : undefined}
          style={{ padding: 6, border: editing ? '1px dashed #bfbfbf' : undefined, borderRadius: 4, background: offGrid && edit?.activeKey ? VERDICT_COLOR[offGrid.verdict] : undefined }}
        >
          <Typography.Text strong>{unplaced.length > 0 ? `Не поставлены (${unplaced.length}):` : 'Нераспределённые: перетащите сюда урок, чтобы снять его с сетки'}</Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }}>
            {unplaced.map((o) => (
              <div key={o.key} style={{ width: 170 }}>
                <LessonChip index={index} occ={o} kind={kind} entityId={current} selected={o.key === selectedKey} color={colors.get(o.lesson.subjectId)} onSelect={select} />
              </div>
            ))}
          </div>
        </div>
      )}
    </Space>
  );
}
