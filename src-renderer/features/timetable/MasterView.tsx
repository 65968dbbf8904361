import { useMemo } from 'react';
import { Popover, Segmented, Space, Typography, Button } from 'antd';
import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import { LessonDetails } from './LessonDetails';
import { MasterDay } from './MasterDay';
import { MasterWeek } from './MasterWeek';
import { lessonsPerDay, sortedClasses, subjectCodes, subjectColors, type EntityKind, type TimetableIndex } from './timetableModel';

interface Props {
  index: TimetableIndex;
  meta: VersionMeta;
  /** null — the whole week; a day index — that day in full. */
  day: number | null;
  onDay: (day: number | null) => void;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
  onOpen: (kind: EntityKind, id: string) => void;
}

/** The whole school on one screen: the week in short codes, or one day with teachers and rooms. */
export function MasterView({ index, meta, day, onDay, selectedKey, onSelect, onOpen }: Props) {
  const view = index.view;
  const classes = useMemo(() => sortedClasses(view.classes), [view.classes]);
  const codes = useMemo(() => subjectCodes(view.subjects), [view.subjects]);
  const colors = useMemo(() => subjectColors(view.subjects), [view.subjects]);
  const perDay = useMemo(() => lessonsPerDay(view), [view]);
  const selected = selectedKey ? index.byKey.get(selectedKey) : undefined;
  const used = useMemo(() => {
    const ids = new Set(view.lessons.map((l) => l.subjectId));
    return view.subjects.filter((s) => ids.has(s.id)).sort((a, b) => (codes.get(a.id) ?? '').localeCompare(codes.get(b.id) ?? '', 'ru'));
  }, [view, codes]);
  const legend = (
    <div style={{ columns: 2, maxWidth: 520, fontSize: 12 }} data-testid="master-legend">
      {used.map((s) => (
        <div key={s.id} style={{ breakInside: 'avoid' }}>
          <span style={{ display: 'inline-block', minWidth: 44, background: colors.get(s.id), padding: '0 4px', marginRight: 6, fontWeight: 600 }}>{codes.get(s.id)}</span>
          {s.name}
        </div>
      ))}
    </div>
  );

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Segmented
          aria-label="Что показать"
          value={day === null ? 'week' : String(day)}
          onChange={(v) => onDay(v === 'week' ? null : Number(v))}
          options={[{ value: 'week', label: 'Вся неделя' }, ...view.days.map((d) => ({ value: String(d.index), label: d.name }))]}
        />
        <Space>
          <Typography.Text type="secondary">
            Классов: {classes.length}. {day === null ? 'Наведите на урок или щёлкните его, чтобы увидеть учителя и кабинет.' : ''}
          </Typography.Text>
          {day === null && (
            <Popover content={legend} title="Обозначения предметов" trigger="click" placement="bottomRight">
              <Button size="small">Обозначения</Button>
            </Popover>
          )}
        </Space>
      </Space>
      {selected && <LessonDetails index={index} occ={selected} meta={meta} onOpen={onOpen} onClose={() => onSelect(null)} />}
      {day === null ? (
        <MasterWeek index={index} classes={classes} perDay={perDay} codes={codes} colors={colors} selectedKey={selectedKey} onSelect={onSelect} />
      ) : (
        <MasterDay index={index} classes={classes} day={day} perDay={perDay} colors={colors} selectedKey={selectedKey} onSelect={onSelect} />
      )}
    </Space>
  );
}
