import { useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Input, Select, Space, Typography } from 'antd';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { MARK_LABEL, marksFromSlots, NEXT_MARK, slotsFromMarks, WEEKDAY_NAMES, type Mark, type WeekMarks } from './availabilityModel';
import { useSaveTeacherAvailabilityMutation, type TeacherAvailability } from './timetableApi';
import { errorOf } from '../../components/serverErrors';

interface Props {
  yearId: string;
  teacher: TeacherAvailability;
  shifts: { shift: number; lessons: number }[];
  weekdays: number[];
  canEdit: boolean;
  onClose: () => void;
}

const COLOR: Record<Mark, string> = { free: '#fff', unavailable: '#ffccc7', undesired: '#ffe7ba' };
const ROMAN: Record<number, string> = { 1: 'I', 2: 'II' };

/**
 * One teacher's time off for the year: a whole weekday (методический день) or single lessons of a
 * shift, each «недоступен» (never) or «нежелательно» (rather not). A lesson cell changes with a
 * click or Space: свободен → недоступен → нежелательно → свободен.
 */
export function AvailabilityEditor({ yearId, teacher, shifts, weekdays, canEdit, onClose }: Props) {
  const { message } = App.useApp();
  const initial = useMemo(() => marksFromSlots(teacher.slots, weekdays, shifts), [teacher, weekdays, shifts]);
  const [week, setWeek] = useState<WeekMarks>(initial);
  const [note, setNote] = useState(teacher.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [save, { isLoading }] = useSaveTeacherAvailabilityMutation();
  const dirty = JSON.stringify(slotsFromMarks(week)) !== JSON.stringify(slotsFromMarks(initial)) || note !== (teacher.note ?? '');
  useUnsavedGuard(dirty);

  const setWhole = (wd: number, mark: Mark) => setWeek((w) => ({ ...w, [wd]: { ...w[wd], whole: mark } }));
  const cycle = (wd: number, shift: number, i: number) =>
    setWeek((w) => {
      const lessons = [...w[wd].lessons[shift]];
      lessons[i] = NEXT_MARK[lessons[i]];
      return { ...w, [wd]: { ...w[wd], lessons: { ...w[wd].lessons, [shift]: lessons } } };
    });

  const submit = async () => {
    setError(null);
    const r = await save({ yearId, staffId: teacher.staffId, version: teacher.version, slots: slotsFromMarks(week), note: note.trim() || null });
    if ('data' in r && r.data) {
      message.success(`Недоступность: ${teacher.fullName} — сохранено`);
      onClose();
      return;
    }
    const e = errorOf(r);
    setError(e?.code === 'CONFLICT' ? `${e.message} Закройте окно и откройте снова — будут показаны сохранённые другим пользователем данные.` : (e?.message ?? 'Не удалось сохранить'));
  };

  return (
    <Drawer
      open
      size={Math.min(900, window.innerWidth - 80)}
      title={`Недоступность: ${teacher.fullName}`}
      onClose={onClose}
      extra={
        canEdit && (
          <Button type="primary" loading={isLoading} disabled={!dirty} onClick={() => void submit()}>
            Сохранить
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          Щёлкните урок (или Пробел), чтобы отметить: недоступен → нежелательно → свободен. «Весь день» — методический день или выходной по договору.
        </Typography.Text>
        <table style={{ borderCollapse: 'collapse' }} aria-label="Недоступность по дням и урокам">
          <thead>
            <tr>
              <th style={{ textAlign: 'left', padding: 4 }}>День</th>
              <th style={{ textAlign: 'left', padding: 4 }}>Весь день</th>
              {shifts.map((s) => (
                <th key={s.shift} style={{ textAlign: 'left', padding: 4 }}>
                  Уроки {shifts.length > 1 ? `${ROMAN[s.shift] ?? s.shift} смены` : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekdays.map((wd) => {
              const day = week[wd];
              return (
                <tr key={wd}>
                  <th scope="row" style={{ textAlign: 'left', padding: 4, fontWeight: 500 }}>
                    {WEEKDAY_NAMES[wd]}
                  </th>
                  <td style={{ padding: 4 }}>
                    <Select<Mark>
                      aria-label={`${WEEKDAY_NAMES[wd]}: весь день`}
                      disabled={!canEdit}
                      style={{ width: 150 }}
                      value={day.whole}
                      onChange={(m) => setWhole(wd, m)}
                      options={[
                        { value: 'free', label: '—' },
                        { value: 'unavailable', label: 'недоступен' },
                        { value: 'undesired', label: 'нежелательно' },
                      ]}
                    />
                  </td>
                  {shifts.map((s) => (
                    <td key={s.shift} style={{ padding: 4 }}>
                      <Space size={2}>
                        {(day.lessons[s.shift] ?? []).map((m, i) => {
                          const shown: Mark = day.whole !== 'free' ? day.whole : m;
                          return (
                            <button
                              key={i}
                              type="button"
                              disabled={!canEdit || day.whole !== 'free'}
                              aria-label={`${WEEKDAY_NAMES[wd]}, ${i + 1}-й урок${shifts.length > 1 ? ` ${ROMAN[s.shift]} смены` : ''}: ${MARK_LABEL[shown]}`}
                              onClick={() => cycle(wd, s.shift, i)}
                              style={{ width: 30, height: 28, border: '1px solid #d9d9d9', borderRadius: 4, background: COLOR[shown], cursor: canEdit ? 'pointer' : 'default', fontSize: 12 }}
                            >
                              {i + 1}
                            </button>
                          );
                        })}
                      </Space>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <Space size="middle">
          <span><span style={{ display: 'inline-block', width: 14, height: 14, background: COLOR.unavailable, border: '1px solid #d9d9d9', verticalAlign: 'middle' }} /> недоступен (обязательно)</span>
          <span><span style={{ display: 'inline-block', width: 14, height: 14, background: COLOR.undesired, border: '1px solid #d9d9d9', verticalAlign: 'middle' }} /> нежелательно (по возможности)</span>
        </Space>
        <div>
          <div>Примечание</div>
          <Input.TextArea aria-label="Примечание" disabled={!canEdit} maxLength={500} rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="например: методический день по приказу № 45" />
        </div>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Drawer>
  );
}
