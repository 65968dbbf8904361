import { useState } from 'react';
import { Button, Empty, Select, Space, Typography } from 'antd';
import type { ClassRoster } from '../../../src-shared/contract/movement';
import { DateField } from '../../components/DateField';
import { formatDateRu, todayIso } from '../../components/format';
import { PupilTimelineDrawer } from './PupilTimelineDrawer';
import { useClassesOnQuery, useRosterQuery } from './movementApi';
import { SortableTable } from '../../components/SortableTable';

type RosterPupil = ClassRoster['pupils'][number];

/** «Где был этот ученик 1 октября?»: the roster of any class on any date. */
export function RosterTab() {
  const [date, setDate] = useState(todayIso());
  const [classId, setClassId] = useState<string | null>(null);
  const [pupilId, setPupilId] = useState<string | null>(null);
  const { data: classes } = useClassesOnQuery({ date });
  const current = classes?.find((c) => c.id === classId) ? classId : null;
  const { data: roster, isFetching } = useRosterQuery({ classId: current ?? '', date }, { skip: !current });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>На дату:</span>
        <div style={{ width: 160 }}>
          <DateField id="rosterDate" value={date} onChange={(v) => v && setDate(v)} />
        </div>
        <Select
          aria-label="Класс"
          style={{ minWidth: 200 }}
          placeholder={classes?.length ? 'выберите класс' : 'на эту дату нет учебного года'}
          value={current ?? undefined}
          onChange={setClassId}
          options={(classes ?? []).map((c) => ({ value: c.id, label: `${c.name} — ${c.pupilCount} уч.` }))}
        />
        {roster && (
          <Typography.Text type="secondary">
            {roster.className} ({roster.yearName}) на {formatDateRu(date)}: {roster.pupils.length} уч.{roster.classTeacherName ? `, классный руководитель ${roster.classTeacherName}` : ''}
          </Typography.Text>
        )}
      </Space>
      {!current ? (
        <Empty description="Выберите дату и класс" />
      ) : (
        <SortableTable<RosterPupil>
        listKey="movement.roster"
          rowKey="id"
          loading={isFetching}
          dataSource={roster?.pupils ?? []}
          aria-label="Состав класса"
          columns={[
            { title: '№', width: 50, render: (_: unknown, _r, i) => i + 1 },
            { title: 'ФИО', dataIndex: 'fullName', render: (v: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setPupilId(r.id)}>{v}</Button> },
            { title: 'Дата рождения', dataIndex: 'birthDate', width: 130, render: (v: string | null) => formatDateRu(v) },
            { title: 'Пол', dataIndex: 'sex', width: 60 },
            { title: 'В классе с', dataIndex: 'since', width: 120, render: (v: string) => formatDateRu(v) },
            { title: 'Выбывает с', dataIndex: 'until', width: 120, render: (v: string | null) => formatDateRu(v) },
            { title: 'Приказ', dataIndex: 'startOrderNumber', width: 100 },
            { title: '№ алф. книги', dataIndex: 'alphabetNumber', width: 110 },
          ]}
        />
      )}
      {pupilId && <PupilTimelineDrawer pupilId={pupilId} onClose={() => setPupilId(null)} />}
    </Space>
  );
}
