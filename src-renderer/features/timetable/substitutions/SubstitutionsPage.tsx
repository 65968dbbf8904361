import { useSearchParams } from 'react-router';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ABSENCE_REASON_LABEL, CLOSURE_REASON_LABEL, SUB_KIND_LABEL, type AffectedLesson } from '../../../../src-shared/contract/timetableSubs';
import { DateField } from '../../../components/DateField';
import { useDownload } from '../../../components/downloadFile';
import { formatDateRu as dmy, todayIso } from '../../../components/format';
import { errorText } from '../../../components/serverErrors';
import { useHasRight } from '../../../components/useSession';
import { AbsenceForm } from './AbsenceForm';
import { ClosureForm } from './ClosureForm';
import { LessonActions, type Decide } from './LessonActions';
import { MonthLedger } from './MonthLedger';
import { useAssignSubstitutionMutation, useDeleteAbsenceMutation, useDeleteClosureMutation, useExportSubsMutation, useRemoveSubstitutionMutation, useSubsDayQuery } from './subsApi';

/**
 * «Замены»: the завуч picks a date, marks absent teachers, and for every lesson their absence
 * leaves uncovered picks a substitute from the ranked candidates (the first is the best), merges,
 * moves or cancels it; marks rooms closed (ремонт, проверка) and sends their lessons to free rooms;
 * then prints the day's sheet and downloads the month's ledger.
 */

const DONE = { substitute: 'Замена назначена', merge: 'Группы объединены', move: 'Урок перенесён', cancel: 'Урок снят', room: 'Урок перенесён в другой кабинет' } as const;

function decision(l: AffectedLesson): string {
  const s = l.substitution;
  if (!s) return '';
  const inRoom = s.toRoomNumber ? `, кабинет ${s.toRoomNumber}` : '';
  if (s.kind === 'room') return `${SUB_KIND_LABEL.room} ${s.toRoomNumber ?? ''}`;
  if (s.kind === 'substitute') return `${s.substituteName ?? ''}${inRoom}`;
  // A closed room's lesson moves with its own teacher, already named in «По расписанию».
  const by = s.substituteName && l.cause === 'teacher' ? `, ${s.substituteName}` : '';
  if (s.kind === 'move') return `перенос на ${l.moveTo.find((o) => o.period === s.toPeriod)?.label ?? (s.toPeriod ?? 0) + 1} урок${by}${inRoom}`;
  return `${SUB_KIND_LABEL[s.kind]}${s.substituteName ? `: ${s.substituteName}` : ''}`;
}

export function SubstitutionsPage() {
  const { message } = App.useApp();
  // The date lives in the address (?date=), so a link from the week view or a reload opens the same day.
  const [params, setParams] = useSearchParams();
  const asked = params.get('date');
  const date = asked && /^\d{4}-\d\d-\d\d$/.test(asked) ? asked : todayIso();
  const setDate = (d: string) => setParams((p) => (p.set('date', d), p), { replace: true });
  const canEdit = useHasRight('timetable.subs');
  const { data, isFetching } = useSubsDayQuery({ date });
  const [assign] = useAssignSubstitutionMutation();
  const [remove] = useRemoveSubstitutionMutation();
  const [deleteAbsence] = useDeleteAbsenceMutation();
  const [deleteClosure] = useDeleteClosureMutation();
  const [exportSubs] = useExportSubsMutation();
  const download = useDownload();

  const run = async (p: Promise<{ error?: unknown }>, ok: string) => {
    const r = await p;
    if (r.error) message.error(errorText(r) ?? 'Не удалось сохранить');
    else message.success(ok);
  };
  const decide: Decide = (l, d) =>
    void run(
      assign({ date, lessonId: l.lessonId, index: l.index, kind: d.kind, substituteId: d.substituteId ?? null, toPeriod: d.toPeriod ?? null, toRoomId: d.toRoomId ?? null, version: l.substitution?.version ?? 0 }),
      DONE[d.kind],
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Замены
      </Typography.Title>
      <Space wrap>
        <span>Дата</span>
        <DateField value={date} onChange={(d) => d && setDate(d)} id="subs-date" />
        {data?.dayName && <Typography.Text>{data.dayName}</Typography.Text>}
        {data && (data.versionName ? <Typography.Text type="secondary">расписание «{data.versionName}»</Typography.Text> : <Tag color="orange">на эту дату нет утверждённого расписания</Tag>)}
        <Button onClick={() => download(() => exportSubs({ kind: 'day', date }), 'Лист замен сформирован')}>Лист замен (Excel)</Button>
        <Button onClick={() => window.print()}>Печать</Button>
        <Button onClick={() => download(() => exportSubs({ kind: 'ledger', month: date.slice(0, 7) }), 'Учёт замен за месяц сформирован')}>Учёт замен за месяц (Excel)</Button>
      </Space>
      {canEdit && data && <AbsenceForm key={date} date={date} teachers={data.teachers} />}
      {canEdit && data && <ClosureForm key={`room-${date}`} date={date} rooms={data.rooms} />}
      {data && data.absences.length > 0 && (
        <Space wrap aria-label="Отсутствующие">
          {data.absences.map((a) => (
            <Tag key={a.id} color="red">
              {a.name}: {dmy(a.dateFrom)} – {dmy(a.dateTo)}, {ABSENCE_REASON_LABEL[a.reason]}
              {canEdit && (
                <Popconfirm title="Удалить отсутствие и его замены?" okText="Удалить" cancelText="Нет" onConfirm={() => run(deleteAbsence({ id: a.id, version: a.version }), 'Отсутствие удалено')}>
                  <Button type="link" size="small">
                    удалить
                  </Button>
                </Popconfirm>
              )}
            </Tag>
          ))}
        </Space>
      )}
      {data && data.closures.length > 0 && (
        <Space wrap aria-label="Закрытые кабинеты">
          {data.closures.map((c) => (
            <Tag key={c.id} color="volcano">
              Кабинет {c.roomNumber} закрыт: {dmy(c.dateFrom)} – {dmy(c.dateTo)}, {CLOSURE_REASON_LABEL[c.reason]}
              {c.note ? ` (${c.note})` : ''}
              {canEdit && (
                <Popconfirm title="Открыть кабинет и отменить переносы его уроков?" okText="Открыть" cancelText="Нет" onConfirm={() => run(deleteClosure({ id: c.id, version: c.version }), 'Кабинет открыт')}>
                  <Button type="link" size="small">
                    открыть
                  </Button>
                </Popconfirm>
              )}
            </Tag>
          ))}
        </Space>
      )}
      <Table<AffectedLesson>
        size="small"
        rowKey={(l) => `${l.lessonId}:${l.index}`}
        loading={isFetching}
        pagination={false}
        dataSource={data?.lessons ?? []}
        aria-label="Уроки, требующие замены"
        locale={{ emptyText: 'На эту дату замен не требуется' }}
        columns={[
          { title: '№', dataIndex: 'periodLabel', width: 50 },
          { title: 'Время', dataIndex: 'time', width: 110 },
          { title: 'Класс', dataIndex: 'classLabel', width: 110 },
          { title: 'По расписанию', key: 'plan', render: (_, l) => `${l.subjectName}, ${l.absentName}` },
          {
            title: 'Каб.',
            key: 'room',
            width: 90,
            render: (_, l) => (l.roomClosed ? <Tag color="volcano">{l.roomNumber} закрыт</Tag> : l.roomNumber),
          },
          {
            title: 'Замена',
            key: 'sub',
            width: 420,
            render: (_, l) =>
              l.substitution ? (
                <Space>
                  <Typography.Text strong>{decision(l)}</Typography.Text>
                  {canEdit && (
                    <Button size="small" onClick={() => run(remove({ id: l.substitution!.id, version: l.substitution!.version }), 'Назначение отменено')}>
                      Отменить назначение
                    </Button>
                  )}
                </Space>
              ) : canEdit ? (
                <LessonActions lesson={l} decide={decide} />
              ) : (
                <Typography.Text type="secondary">не назначена</Typography.Text>
              ),
          },
        ]}
      />
      <MonthLedger month={date.slice(0, 7)} />
    </Space>
  );
}
