import { PageTitle } from '../../components/PageTitle';
import { useMemo, useState } from 'react';
import { App, Button, Input, Space, Switch, Tag, Typography } from 'antd';
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
import { SortableTable } from '../../components/SortableTable';

/** «Предметы»: the school's subjects with ФГОС areas, subgroups, rooms and SanPiN points per grade. */
/** The grade columns' cells: 4 px side padding leaves room for two digits in 34 px. */
const GRADE_CELL = { paddingLeft: 4, paddingRight: 4 } as const;

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
      <PageTitle title="Предметы">
        <ExcelExportButton run={() => exportSubjects({})} />
      </PageTitle>
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
      <SortableTable<Subject>
        listKey="subjects"
        rowKey="id"
        loading={isLoading}
        dataSource={rows}
        // Fixed layout, no sideways scroll at 1366 px (issue 24): the name takes what the fixed
        // columns leave and wraps; the eleven grade columns stay narrow.
        tableLayout="fixed"
        aria-label="Предметы"
        columns={[
          {
            title: 'Предмет / предметная область',
            dataIndex: 'name',
            render: (v: string, s) => (
              <Space orientation="vertical" size={0}>
                {s.isArchived ? <Typography.Text type="secondary">{v} (архив)</Typography.Text> : v}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.areaName ?? '—'}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Сокр.', dataIndex: 'shortName', width: 96 },
          { title: 'Подгруппы', dataIndex: 'isSplit', width: 120, render: (v: boolean) => (v ? <Tag color="green">делится</Tag> : '') },
          { title: 'Кабинет', key: 'rooms', width: 116, render: (_: unknown, s) => s.roomTypeIds.map((id) => <Tag key={id}>{typeName.get(id) ?? id}</Tag>) },
          {
            title: 'Баллы СанПиН по классам',
            children: GRADES.map((g) => ({
              title: String(g),
              width: 34,
              align: 'center' as const,
              // «10», «11» and two-digit points stay on one line in a narrow column.
              onHeaderCell: () => ({ style: GRADE_CELL }),
              onCell: () => ({ style: GRADE_CELL }),
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
