import { useState } from 'react';
import { Alert, App, Button, Empty, Skeleton, Space, Statistic, Tabs, Typography } from 'antd';
import { FileExcelOutlined, SettingOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { groupLabel } from '../../../src-shared/domain/curriculum/loadRows';
import { useHasRight } from '../../components/useSession';
import { useSelectedYear } from '../../components/useSelectedYear';
import { useAssignTeachersMutation, useExportTarificationMutation, useExportVacanciesMutation, useLoadGridQuery } from './loadApi';
import { LoadGridView } from './LoadGridView';
import { LoadSettingsModal } from './LoadSettingsModal';
import { TeacherLoadCard } from './TeacherLoadCard';
import { TeachersTable } from './TeachersTable';
import { errorText } from '../../components/serverErrors';
import { useDownload } from '../../components/downloadFile';
import { YearSelect } from '../../components/YearSelect';

/** «Нагрузка»: who teaches what (the grid of classes × subjects), teachers against the rate, tarification. */
export function LoadPage() {
  const { message } = App.useApp();
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'grid';
  const { data: grid, isFetching } = useLoadGridQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const canEdit = useHasRight('curriculum.edit') && Boolean(year && !year.isClosed);
  // A link (the timetable's pre-check) may name a teacher to open or a class and subject to point at.
  const [teacher, setTeacher] = useState<string | null>(() => params.get('staffId'));
  const focus = params.get('classId') ? { classId: params.get('classId')!, subjectId: params.get('subjectId') } : null;
  const [settings, setSettings] = useState(false);
  const [exportTarif, { isLoading: t1 }] = useExportTarificationMutation();
  const [exportVac, { isLoading: t2 }] = useExportVacanciesMutation();
  const [assign] = useAssignTeachersMutation();
  const download = useDownload();
  if (isLoading) return <Skeleton active />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Нагрузка учителей
        </Typography.Title>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
      </Space>
      {!year && <Empty description="Сначала создайте учебный год" />}
      {year && grid && (
        <>
          <Space size="large" wrap data-testid="load-totals">
            <Statistic title="Часов по плану, в неделю" value={formatHours(grid.totals.hours)} />
            <Statistic title="Назначено" value={formatHours(grid.totals.assignedHours)} />
            <Statistic title="Вакансии, ч" value={formatHours(grid.totals.vacantHours)} styles={{ content: { color: grid.totals.vacantHours > 0 ? '#cf1322' : undefined } }} />
            <Statistic title="Ставок у учителей" value={formatHours(grid.totals.rates)} />
            <Space wrap>
              <Button icon={<FileExcelOutlined />} loading={t1} onClick={() => void download(() => exportTarif({ yearId: year.id }))}>
                Тарификация (Excel)
              </Button>
              <Button icon={<FileExcelOutlined />} loading={t2} onClick={() => void download(() => exportVac({ yearId: year.id }))}>
                Вакансии (Excel)
              </Button>
              {canEdit && (
                <Button icon={<SettingOutlined />} onClick={() => setSettings(true)}>
                  Ставка: {formatHours(grid.settings.hoursPerRate)} ч
                </Button>
              )}
            </Space>
          </Space>
          {grid.orphans.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`Назначения, которых больше нет в учебном плане (${grid.orphans.length}): ${grid.orphans.map((o) => `${o.className} «${o.subjectName}»${o.groupNo ? ` (${groupLabel(o.groupNo)})` : ''} — ${o.staffName}`).join('; ')}`}
              action={
                canEdit && (
                  <Button
                    size="small"
                    onClick={async () => {
                      const r = await assign({ yearId: year.id, changes: grid.orphans.map((o) => ({ classId: o.classId, subjectId: o.subjectId, groupNo: o.groupNo, staffId: null, version: o.version })) });
                      if ('error' in r && r.error) message.error(errorText(r));
                    }}
                  >
                    Убрать все
                  </Button>
                )
              }
            />
          )}
          {grid.classes.length === 0 || grid.subjects.length === 0 ? (
            <Empty description="Нагрузка строится из учебного плана: сначала создайте классы и учебный план параллелей" />
          ) : (
            <Tabs
              activeKey={tab}
              onChange={(key) => setParams((p) => { p.set('tab', key); return p; }, { replace: true })}
              items={[
                { key: 'grid', label: 'Классы и предметы', children: <div style={{ opacity: isFetching ? 0.7 : 1 }}><LoadGridView yearId={year.id} grid={grid} canEdit={canEdit} focus={focus} /></div> },
                { key: 'teachers', label: `Учителя (${grid.teachers.length})`, children: <TeachersTable grid={grid} onOpen={setTeacher} /> },
              ]}
            />
          )}
        </>
      )}
      {year && teacher && <TeacherLoadCard yearId={year.id} staffId={teacher} grid={grid} canEdit={canEdit} onClose={() => setTeacher(null)} />}
      {grid && settings && <LoadSettingsModal settings={grid.settings} onClose={() => setSettings(false)} />}
    </Space>
  );
}
