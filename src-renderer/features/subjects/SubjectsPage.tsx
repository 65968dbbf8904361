import { useMemo, useState } from 'react';
import { App, Button, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Subject } from '../../../src-shared/contract/subjects';
import { GRADES } from '../../../src-shared/domain/schoolSetup/sanpinDifficulty';
import { useHasRight } from '../../components/useSession';
import { useRoomTypesQuery } from '../rooms/roomsApi';
import { useLinkedRecord } from '../../components/useLinkedRecord';
import { SubjectFormModal } from './SubjectFormModal';
import { useDeleteSubjectMutation, useExportSubjectsMutation, useLoadStarterSubjectsMutation, useSubjectsQuery } from './subjectsApi';
import { ExcelExportButton } from '../../components/ExcelExportButton';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';

/** «Предметы»: the school's subjects with ФГОС areas, subgroups, rooms and SanPiN points per grade. */
export function SubjectsPage() {
  const { modal } = App.useApp();
  const canEdit = useHasRight('setup.edit');
  const { data, isLoading } = useSubjectsQuery();
  const [exportSubjects] = useExportSubjectsMutation();
  const { data: types } = useRoomTypesQuery();
  const [loadStarter, { isLoading: loading }] = useLoadStarterSubjectsMutation();
  const [remove] = useDeleteSubjectMutation();
  const [editing, setEditing] = useState<Subject | null | 'new'>(null);
  const [archived, setArchived] = useState(false);
  const [search, setSearch] = useState('');
  useLinkedRecord('subjectId', data?.subjects, setEditing, canEdit);
  const typeName = useMemo(() => new Map((types?.types ?? []).map((t) => [t.id, t.name])), [types]);
  const rows = (data?.subjects ?? []).filter((s) => (archived || !s.isArchived) && (!search || s.name.toLowerCase().replace(/ё/g, 'е').includes(search.toLowerCase().replace(/ё/g, 'е'))));

  const starter = async () => {
    const r = await loadStarter();
    if ('data' in r && r.data) {
      modal.info({
        title: 'Стандартный список предметов',
        content: r.data.added.length ? `Добавлено предметов: ${r.data.added.length}. Уже были в списке: ${r.data.kept}.` : 'Все предметы стандартного списка уже есть.',
      });
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Предметы
        </Typography.Title>
        <ExcelExportButton run={() => exportSubjects({})} />
      </Space>
      <Space wrap>
        {canEdit && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              Добавить предмет
            </Button>
            <Button icon={<CloudDownloadOutlined />} loading={loading} onClick={() => void starter()}>
              Загрузить стандартный список (ФОП)
            </Button>
          </>
        )}
        <Input.Search allowClear placeholder="Поиск предмета" style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Space>
          <Switch size="small" checked={archived} onChange={setArchived} aria-label="Показывать архивные" />
          показывать архивные
        </Space>
      </Space>
      <Table<Subject>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label="Предметы"
        columns={[
          {
            title: 'Предмет / предметная область',
            dataIndex: 'name',
            width: 270,
            render: (v: string, s) => (
              <Space orientation="vertical" size={0}>
                {s.isArchived ? <Typography.Text type="secondary">{v} (архив)</Typography.Text> : v}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.areaName ?? '—'}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Сокр.', dataIndex: 'shortName', width: 100 },
          { title: 'Подгруппы', dataIndex: 'isSplit', width: 90, render: (v: boolean) => (v ? <Tag color="green">делится</Tag> : '') },
          { title: 'Кабинет', width: 130, render: (_: unknown, s) => s.roomTypeIds.map((id) => <Tag key={id}>{typeName.get(id) ?? id}</Tag>) },
          {
            title: 'Баллы СанПиН по классам',
            children: GRADES.map((g) => ({
              title: String(g),
              width: 34,
              align: 'center' as const,
              render: (_: unknown, s: Subject) => s.points.find((p) => p.grade === g)?.points ?? '',
            })),
          },
          {
            title: '',
            width: 80,
            render: (_: unknown, s) =>
              canEdit && (
                <EditDeleteButtons label={s.name} confirm={`Удалить предмет «${s.name}»?`} onEdit={() => setEditing(s)} onDelete={() => remove({ id: s.id, version: s.version })} />
              ),
          },
        ]}
      />
      {editing !== null && (
        <SubjectFormModal subject={editing === 'new' ? null : editing} areas={data?.areas ?? []} roomTypes={types?.types ?? []} onClose={() => setEditing(null)} />
      )}
    </Space>
  );
}
