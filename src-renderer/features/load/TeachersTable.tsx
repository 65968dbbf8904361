import { useState } from 'react';
import { Input, Segmented, Space, Table, Typography } from 'antd';
import type { LoadGrid, TeacherSummary } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { ratesGenitive } from '../../../src-shared/domain/curriculum/rates';
import { searchKey } from '../../../src-shared/domain/names';
import { StatusTag } from './loadUi';

/** Teachers with their weekly hours and rates; a row opens the teacher's load card. */
export function TeachersTable({ grid, onOpen }: { grid: LoadGrid; onOpen: (staffId: string) => void }) {
  const [filter, setFilter] = useState<'all' | 'over' | 'under' | 'none'>('all');
  const [search, setSearch] = useState('');
  const key = searchKey(search);
  const list = grid.teachers.filter((t) => (filter === 'all' || t.status === filter) && (!key || searchKey(t.fullName).includes(key)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search allowClear placeholder="Поиск по ФИО" style={{ width: 260 }} value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Поиск учителя" />
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          options={[
            { value: 'all', label: 'Все' },
            { value: 'over', label: `Перегрузка (${grid.teachers.filter((t) => t.status === 'over').length})` },
            { value: 'under', label: `Недогрузка (${grid.teachers.filter((t) => t.status === 'under').length})` },
            { value: 'none', label: 'Без часов' },
          ]}
        />
        <Typography.Text type="secondary">1 ставка = {formatHours(grid.settings.hoursPerRate)} ч в неделю; перегрузка — больше {ratesGenitive(grid.settings.maxRates)}</Typography.Text>
      </Space>
      <Table<TeacherSummary>
        size="small"
        rowKey="id"
        dataSource={list}
        pagination={false}
        aria-label="Учителя и их нагрузка"
        onRow={(t) => ({ onClick: () => onOpen(t.id), onKeyDown: (e) => e.key === 'Enter' && onOpen(t.id), tabIndex: 0, style: { cursor: 'pointer' } })}
        columns={[
          { title: 'ФИО', dataIndex: 'fullName' },
          { title: 'Должность', dataIndex: 'position', render: (v: string | null) => v ?? '' },
          { title: 'Урочная, ч', dataIndex: 'classroomHours', width: 100, align: 'right', render: formatHours },
          { title: 'Внеурочная, ч', dataIndex: 'extracurricularHours', width: 110, align: 'right', render: formatHours },
          { title: 'Всего, ч/нед', dataIndex: 'hours', width: 110, align: 'right', render: (v: number) => <Typography.Text strong>{formatHours(v)}</Typography.Text> },
          { title: 'Ставок', dataIndex: 'rates', width: 90, align: 'right', render: formatHours },
          { title: '', dataIndex: 'status', width: 120, render: (s: TeacherSummary['status']) => <StatusTag status={s} /> },
        ]}
      />
    </Space>
  );
}
