import { useMemo } from 'react';
import { Button, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import { DateField } from '../../components/DateField';
import { useHasRight } from '../../components/useSession';
import { useSubsWeekQuery } from './substitutions/subsApi';
import type { EntityKind, TimetableIndex } from './timetableModel';

const dm = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

/** The week's substitutions (?date=) of an approved version, for the class, teacher and room grids and printouts. */
export function useWeekSubs(meta: VersionMeta) {
  const [params] = useSearchParams();
  const canAll = useHasRight('timetable.all');
  const asked = params.get('date');
  const date = canAll && meta.status !== 'draft' && asked && /^\d{4}-\d\d-\d\d$/.test(asked) ? asked : null;
  const { data } = useSubsWeekQuery({ versionId: meta.id, date: date ?? '' }, { skip: !date });
  const marks = useMemo(() => {
    if (!date || !data) return undefined;
    const byKey = new Map<string, { text: string; kind: string }>();
    const dates = new Map<number, string>();
    for (const m of data.marks) byKey.set(`${m.lessonId}:${m.index}`, { text: `${dm(m.date)}: ${m.text}`, kind: m.kind });
    // Day index → date of that week (the grid's days are Monday-based, like the week from `from`).
    for (let i = 0; i < 7; i++) {
      const d = new Date(`${data.from}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + i);
      dates.set(i, dm(d.toISOString().slice(0, 10)));
    }
    return { byKey, dates, list: data.marks, from: data.from, to: data.to };
  }, [date, data]);
  return { date, marks, available: canAll && meta.status !== 'draft' };
}

/**
 * «Замены на неделю»: a date puts that week's substitutions on the grid (a closed room's lessons say
 * where they went); a teacher's extra lessons are listed, and so are the lessons a room takes in
 * from closed rooms.
 */
export function WeekSubsBar({ kind, id, index, subs }: { kind: EntityKind; id: string | null; index: TimetableIndex; subs: ReturnType<typeof useWeekSubs> }) {
  const [, setParams] = useSearchParams();
  if (!subs.available) return null;
  const setDate = (d: string | null) =>
    setParams(
      (p) => {
        if (d) p.set('date', d);
        else p.delete('date');
        return p;
      },
      { replace: true },
    );
  const taking =
    id && subs.marks ? subs.marks.list.filter((m) => (kind === 'teacher' && m.substituteId === id && m.absentId !== id) || (kind === 'room' && m.toRoomId === id)) : [];
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap>
        <span>Замены на неделю с датой</span>
        <DateField value={subs.date} onChange={(d) => setDate(d)} id="week-subs-date" />
        {subs.date && (
          <Button size="small" onClick={() => setDate(null)}>
            Без замен
          </Button>
        )}
        {subs.marks && (
          <Typography.Text type="secondary" data-testid="week-subs-summary">
            {subs.marks.list.length ? `Замен и отсутствий на неделе ${dm(subs.marks.from)}–${dm(subs.marks.to)}: ${subs.marks.list.length}` : `На неделе ${dm(subs.marks.from)}–${dm(subs.marks.to)} замен нет`}
          </Typography.Text>
        )}
      </Space>
      {taking.length > 0 && (
        <Typography.Text data-testid="week-subs-taking">
          {kind === 'room' ? 'Принимает уроки:' : 'Замещает:'}{' '}
          {taking
            .map((m) => {
              const occ = index.byKey.get(`${m.lessonId}:${m.index}`);
              const what = occ ? `${occ.lesson.audiences.map((a) => a.label).join(', ')} ${index.view.subjects.find((s) => s.id === occ.lesson.subjectId)?.name ?? ''}` : '';
              return `${dm(m.date)} ${what} (${m.text})`;
            })
            .join('; ')}
        </Typography.Text>
      )}
    </Space>
  );
}
