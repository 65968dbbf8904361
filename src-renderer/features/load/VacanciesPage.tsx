import { Button, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { LoadRowOut } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { groupLabel } from '../../../src-shared/domain/curriculum/loadRows';
import { ratesOf } from '../../../src-shared/domain/curriculum/rates';
import { useSelectedYear } from '../../components/useSelectedYear';
import { useExportVacanciesMutation, useLoadGridQuery } from './loadApi';
import { useDownload } from '../../components/downloadFile';
import { YearSelect } from '../../components/YearSelect';

/** «Вакансии»: every row of the plan with hours and no teacher, by subject — what the school must staff. */
export function VacanciesPage() {
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const { data: grid, isFetching } = useLoadGridQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const [exportVac, { isLoading: exporting }] = useExportVacanciesMutation();
  const download = useDownload();
  if (isLoading) return <Skeleton active />;
  const v = grid?.vacancies;
  const perRate = grid?.settings.hoursPerRate ?? 18;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Вакансии
        </Typography.Title>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
      </Space>
      {year && v && (
        <Space wrap>
          <Typography.Text data-testid="vacancy-total">
            Без учителя: <strong>{formatHours(v.totalHours)} ч в неделю</strong> ({formatHours(ratesOf(v.totalHours, perRate))} ставки), строк плана: {v.rows.length}
          </Typography.Text>
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void download(() => exportVac({ yearId: year.id }))}>
            Вакансии (Excel)
          </Button>
        </Space>
      )}
      {year && v && v.rows.length === 0 && <Empty description="Вакансий нет: у каждой строки учебного плана есть учитель" />}
      {year && v && v.rows.length > 0 && (
        <>
          <Table
            size="small"
            loading={isFetching}
            rowKey="subjectId"
            pagination={false}
            aria-label="Вакансии по предметам"
            dataSource={v.bySubject}
            columns={[
              { title: 'Предмет', dataIndex: 'subjectName' },
              { title: 'ч/нед', dataIndex: 'hours', width: 80, align: 'right', render: formatHours },
              { title: 'Ставок', width: 80, align: 'right', render: (_: unknown, s) => formatHours(ratesOf(s.hours, perRate)) },
              { title: 'Классы', dataIndex: 'classes', render: (c: string[]) => c.join(', ') },
            ]}
          />
          <Typography.Title level={4}>Все строки без учителя</Typography.Title>
          <Table<LoadRowOut>
            size="small"
            rowKey={(r) => `${r.classId}|${r.subjectId}|${r.groupNo}`}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            aria-label="Вакансии по классам"
            dataSource={v.rows}
            columns={[
              { title: 'Класс', dataIndex: 'className', width: 80 },
              { title: 'Предмет', dataIndex: 'subjectName' },
              { title: 'Группа', dataIndex: 'groupNo', width: 120, render: (g: number) => groupLabel(g) },
              { title: 'ч/нед', dataIndex: 'hours', width: 80, align: 'right', render: formatHours },
              { title: 'в год', dataIndex: 'annualHours', width: 80, align: 'right', render: formatHours },
            ]}
          />
        </>
      )}
    </Space>
  );
}
