import { PageTitle } from '../../components/PageTitle';
import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { RuleRow } from '../../../src-shared/contract/deadlines';
import { CONFIRMS, type ConfirmMode } from '../../../src-shared/domain/deadlines/ruleModel';
import type { ErrorBody } from '../../../src-shared/errors';
import { formatDateTimeRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useDeadlineRulesQuery, useResetDeadlineRuleMutation } from './deadlinesApi';
import { RuleFormModal } from './RuleFormModal';
import { roleLabel } from './taskText';

const ORIGIN = { shipped: ['Поставляемое', 'default'], edited: ['Изменено школой', 'gold'], own: ['Своё правило', 'blue'] } as const;

/** «Правила сроков»: the work order's deadlines as the monitor uses them; the administrator edits them. */
export function DeadlineRulesPage() {
  const { message } = App.useApp();
  const canEdit = useHasRight('deadlines.rules');
  const { data, isFetching } = useDeadlineRulesQuery({});
  const [reset] = useResetDeadlineRuleMutation();
  const [editing, setEditing] = useState<RuleRow | null | 'new'>(null);
  const doReset = async (r: RuleRow) => {
    const res = await reset({ key: r.key, version: r.version });
    if ('error' in res) message.error((res.error as ErrorBody).message);
    else message.success(r.origin === 'own' ? `Правило «${r.title}» удалено` : `Правило «${r.title}» возвращено к поставляемому`);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle title="Правила сроков">
        {canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Своё правило
          </Button>
        )}
      </PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Сроки «Порядка работы в системе АИС «Сетевой регион. Образование»» и федеральные сроки, которые программа превращает в задачи на
        главной странице. Рабочие дни считаются по производственному календарю с учётом переносов учебных дней школы.
      </Typography.Paragraph>
      <Table<RuleRow>
        rowKey="key"
        size="small"
        loading={isFetching}
        dataSource={data?.rules ?? []}
        pagination={false}
        rowClassName={(r) => (r.isActive ? '' : 'ant-table-row-disabled')}
        columns={[
          { title: 'Пункт', dataIndex: 'section', width: 110 },
          {
            title: 'Что сделать',
            key: 'title',
            render: (_, r) => (
              <>
                <div>{r.title}</div>
                {r.description && <Typography.Text type="secondary">{r.description}</Typography.Text>}
              </>
            ),
          },
          { title: 'Ответственный', dataIndex: 'role', width: 150, render: (v: string) => roleLabel(v) },
          {
            title: 'Срок',
            key: 'term',
            width: 260,
            render: (_, r) => (
              <>
                <div>{r.term}</div>
                {r.shippedTerm && r.shippedTerm !== r.term && <Typography.Text type="secondary">по регламенту: {r.shippedTerm}</Typography.Text>}
              </>
            ),
          },
          { title: 'Выполнение', dataIndex: 'confirm', width: 190, render: (v: string, r) => (r.standing ? 'Постоянное напоминание' : CONFIRMS[v as ConfirmMode]) },
          {
            title: 'Состояние',
            key: 'origin',
            width: 160,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                <Tag color={ORIGIN[r.origin][1]}>{ORIGIN[r.origin][0]}</Tag>
                {!r.isActive && <Tag color="red">Отключено</Tag>}
                {r.updatedAt && <Typography.Text type="secondary">{formatDateTimeRu(r.updatedAt)}</Typography.Text>}
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, r: RuleRow) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing(r)}>
                        Изменить
                      </Button>
                      {r.origin !== 'shipped' && (
                        <Popconfirm title={r.origin === 'own' ? 'Удалить своё правило? Выполненные задачи останутся в журнале.' : 'Вернуть поставляемое правило?'} okText="Да" cancelText="Нет" onConfirm={() => void doReset(r)}>
                          <Button size="small">{r.origin === 'own' ? 'Удалить' : 'Вернуть'}</Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <RuleFormModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}
