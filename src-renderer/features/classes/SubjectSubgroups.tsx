import { App, Button, Card, Popconfirm, Radio, Space, Table, Typography } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import type { Subgroup } from '../../../src-shared/contract/classes';
import { formatDateRu } from '../../components/format';
import { useDeleteSubgroupMutation, useSetSubgroupMembersMutation } from './classesApi';
import { useSubgroupChoice } from '../../components/useSubgroupChoice';

interface Props {
  classId: string;
  subjectId: string;
  subjectName: string;
  groups: Subgroup[];
  pupils: { id: string; fullName: string; sex: string }[];
  date: string;
  canEdit: boolean;
}

/** The subgroups of one subject: every pupil of the class in one of them (or in none), from a date. */
export function SubjectSubgroups({ classId, subjectId, subjectName, groups, pupils, date, canEdit }: Props) {
  const { message } = App.useApp();
  const [setMembers, { isLoading }] = useSetSubgroupMembersMutation();
  const [remove] = useDeleteSubgroupMutation();
  const { choice, setChoice, dirty, members } = useSubgroupChoice(groups, pupils);

  const save = async () => {
    const r = await setMembers({
      classId,
      subjectId,
      date,
      groups: members(),
    });
    if ('error' in r && r.error) message.error((r.error as { message: string }).message);
    else message.success(`Состав подгрупп «${subjectName}» сохранён с ${formatDateRu(date)}`);
  };

  const halves = (by: 'alpha' | 'sex') => {
    const next = new Map<string, string>();
    const list = by === 'sex' ? [...pupils].sort((a, b) => a.sex.localeCompare(b.sex)) : pupils;
    list.forEach((p, i) => next.set(p.id, groups[Math.min(groups.length - 1, Math.floor((i * groups.length) / list.length))].id));
    setChoice(next);
  };

  return (
    <Card
      size="small"
      title={subjectName}
      extra={
        canEdit && (
          <Space>
            <Button size="small" onClick={() => halves('alpha')}>
              Поровну по списку
            </Button>
            <Button size="small" onClick={() => halves('sex')}>
              Мальчики / девочки
            </Button>
            <Button size="small" type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={isLoading} onClick={() => void save()}>
              Сохранить состав
            </Button>
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {groups.map((g) => (
          <Space key={g.id} size={4}>
            <Typography.Text strong>{g.name}</Typography.Text>
            <Typography.Text type="secondary">({pupils.filter((p) => choice.get(p.id) === g.id).length} уч.)</Typography.Text>
            {canEdit && (
              <Popconfirm
                title={`Удалить подгруппу «${g.name}»?`}
                okText="Удалить"
                cancelText="Отмена"
                onConfirm={async () => {
                  const r = await remove({ id: g.id, version: g.version });
                  if ('error' in r && r.error) message.error((r.error as { message: string }).message);
                }}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Удалить ${g.name}`} />
              </Popconfirm>
            )}
          </Space>
        ))}
      </Space>
      {pupils.length === 0 ? (
        <Typography.Text type="secondary">В классе на эту дату нет обучающихся — состав подгрупп появится после зачисления.</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={pupils}
          columns={[
            { title: 'Обучающийся', dataIndex: 'fullName' },
            {
              title: 'Подгруппа',
              render: (_: unknown, p: { id: string }) => (
                <Radio.Group
                  disabled={!canEdit}
                  value={choice.get(p.id) ?? ''}
                  onChange={(e) => setChoice(new Map(choice).set(p.id, e.target.value as string))}
                  options={[...groups.map((g) => ({ value: g.id, label: g.name })), { value: '', label: 'нет' }]}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
