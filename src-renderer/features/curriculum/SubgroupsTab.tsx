import { useState } from 'react';
import { App, Button, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { SplitCellsOutlined, TeamOutlined } from '@ant-design/icons';
import type { SubgroupStatus } from '../../../src-shared/contract/curriculumLoad';
import { DateField } from '../../components/DateField';
import { useCreateSubgroupsMutation, useSubgroupStatusQuery } from './curriculumApi';
import { SubgroupColumns } from './SubgroupColumns';
import { errorText } from '../../components/serverErrors';
import { todayIso } from '../../components/format';

/**
 * The subgroups the plan asks for, class by class, with the flags a roster change raises (a new pupil
 * in no subgroup, a pupil who left still listed); creates the missing ones and shares pupils out.
 */
export function SubgroupsTab({ yearId, canEdit }: { yearId: string; canEdit: boolean }) {
  const { message } = App.useApp();
  const [date, setDate] = useState(todayIso());
  const [onlyFlags, setOnlyFlags] = useState(false);
  const [distribute, setDistribute] = useState<'none' | 'list' | 'sexForTechnology'>('sexForTechnology');
  const { data, isFetching } = useSubgroupStatusQuery({ yearId, date });
  const [create, { isLoading }] = useCreateSubgroupsMutation();
  const [open, setOpen] = useState<SubgroupStatus | null>(null);
  const items = (data?.items ?? []).filter((s) => !onlyFlags || s.needsAttention);
  const flagged = (data?.items ?? []).filter((s) => s.needsAttention).length;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>На дату</span>
        <div style={{ width: 150 }}>
          <DateField id="subgroupsDate" value={date} onChange={(d) => d && setDate(d)} />
        </div>
        <Space size={4}>
          <Switch size="small" checked={onlyFlags} onChange={setOnlyFlags} aria-label="Только требующие внимания" />
          <span>только требующие внимания</span>
        </Space>
        {flagged > 0 ? <Tag color="red">требуют внимания: {flagged}</Tag> : <Tag color="green">всё распределено</Tag>}
      </Space>
      {canEdit && (
        <Space wrap>
          <Select
            aria-label="Распределение учеников"
            style={{ width: 340 }}
            value={distribute}
            onChange={setDistribute}
            options={[
              { value: 'none', label: 'Только создать подгруппы' },
              { value: 'list', label: 'Создать и распределить по списку' },
              { value: 'sexForTechnology', label: 'Создать и распределить: по списку, технология — по полу' },
            ]}
          />
          <Button
            icon={<SplitCellsOutlined />}
            loading={isLoading}
            onClick={async () => {
              const r = await create({ yearId, date, distribute });
              if ('error' in r && r.error) return void message.error(errorText(r));
              message.success(`Создано подгрупп: ${r.data?.created ?? 0}; распределено: ${r.data?.distributed.length ?? 0}`);
            }}
          >
            Создать подгруппы по учебному плану
          </Button>
          <Typography.Text type="secondary">Уже составленные подгруппы не меняются: распределяются только предметы, где ещё никого нет.</Typography.Text>
        </Space>
      )}
      <Table<SubgroupStatus>
        size="small"
        loading={isFetching}
        rowKey={(s) => `${s.classId}|${s.subjectId}`}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        aria-label="Подгруппы по учебному плану"
        columns={[
          { title: 'Класс', dataIndex: 'className', width: 70 },
          { title: 'Предмет', dataIndex: 'subjectName' },
          { title: 'По плану', dataIndex: 'required', width: 90, render: (n: number) => (n > 1 ? n : 'не делится') },
          { title: 'Подгруппы', render: (_: unknown, s) => (s.groups.length ? s.groups.map((g) => `${g.name}: ${g.memberCount}`).join('; ') : <Typography.Text type="warning">не созданы</Typography.Text>) },
          { title: 'Учеников', dataIndex: 'pupilCount', width: 90 },
          {
            title: 'Внимание',
            render: (_: unknown, s) => (s.needsAttention ? s.messages.map((m) => <div key={m}><Typography.Text type="danger">{m.replace(`${s.className}, «${s.subjectName}»: `, '')}</Typography.Text></div>) : <Tag color="green">в порядке</Tag>),
          },
          { title: '', width: 110, render: (_: unknown, s) => s.groups.length > 0 && <Button size="small" icon={<TeamOutlined />} onClick={() => setOpen(s)}>Состав</Button> },
        ]}
      />
      {open && <SubgroupColumns classId={open.classId} className={open.className} subjectId={open.subjectId} subjectName={open.subjectName} date={date} canEdit={canEdit} onClose={() => setOpen(null)} />}
    </Space>
  );
}
