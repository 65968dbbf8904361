import { useState } from 'react';
import { Badge, Button, Card, Col, Dropdown, Empty, Menu, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { CopyOutlined, FileExcelOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useHasRight } from '../../components/useSession';
import { useSelectedYear } from '../../components/useSelectedYear';
import { ChecksTab } from './ChecksTab';
import { useCurriculumOverviewQuery, useExportCurriculumMutation, useSubgroupStatusQuery } from './curriculumApi';
import { PlanEditor } from './PlanEditor';
import { CopyModal, StarterModal } from './StarterCopyModals';
import { SubgroupsTab } from './SubgroupsTab';
import { YearSelect } from '../../components/YearSelect';
import { todayIso } from '../../components/format';
import { useDownload } from '../../components/downloadFile';

/** «Учебный план»: grade plans and class plans of a year, the subgroups they ask for, and all checks. */
export function CurriculumPage() {
  const { years, year, setYearId, isLoading } = useSelectedYear();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'plan';
  const { data: overview } = useCurriculumOverviewQuery({ yearId: year?.id ?? '' }, { skip: !year });
  const canEdit = useHasRight('curriculum.edit') && Boolean(year && !year.isClosed);
  const canSeePupils = useHasRight('pupils.read');
  // Today's subgroup flags (a roster change in the movement book raises them) for the tab badge and «Проверка».
  const { data: subgroups } = useSubgroupStatusQuery({ yearId: year?.id ?? '', date: todayIso() }, { skip: !year || !canSeePupils });
  const flagged = (subgroups?.items ?? []).filter((s) => s.needsAttention);
  const [modal, setModal] = useState<'starter' | 'copy' | null>(null);
  const [exportPlan, { isLoading: exporting }] = useExportCurriculumMutation();
  const download = useDownload();
  if (isLoading) return <Skeleton active />;

  const grades = overview?.grades ?? [];
  const sel = params.get('plan') ?? (grades.find((g) => g.planId)?.grade ?? grades[0]?.grade ?? 5).toString();
  const [selGrade, selClass] = sel.split(':');
  const grade = Number(selGrade);
  const select = (key: string) => setParams((p) => { p.set('plan', key); return p; }, { replace: true });

  const menuItems = grades.flatMap((g) => [
    {
      key: String(g.grade),
      label: (
        <Space size={6}>
          <span>{g.grade} классы</span>
          <Typography.Text type={g.maxWeekly !== null && g.classroomHours > g.maxWeekly ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {g.planId ? `${g.classroomHours} / ${g.maxWeekly ?? '—'} ч` : 'нет плана'}
          </Typography.Text>
          {g.errors > 0 && <Badge count={g.errors} size="small" title={`Ошибок: ${g.errors}`} />}
        </Space>
      ),
    },
    // Only the selected grade shows its classes: eleven grades of three classes would not fit.
    ...(g.grade === grade ? g.classes : []).map((c) => ({
      key: `${g.grade}:${c.id}`,
      label: (
        <Space size={6} style={{ paddingLeft: 16 }}>
          <span>{c.name}</span>
          {/^АООП/i.test(c.programme) && <Tag color="purple" style={{ marginInlineEnd: 0 }}>{c.programme}</Tag>}
          {c.hasOwnPlan && <Typography.Text type="warning" style={{ fontSize: 12 }}>свой план</Typography.Text>}
          {c.errors > 0 && <Badge count={c.errors} size="small" />}
        </Space>
      ),
    })),
  ]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Учебный план
        </Typography.Title>
        <YearSelect years={years} value={year?.id ?? null} onChange={setYearId} />
      </Space>
      {!year && <Empty description="Сначала создайте учебный год в разделе «Учебный год и календарь»" />}
      {year && (
        <Space wrap>
          {canEdit && (
            <>
              <Button icon={<ThunderboltOutlined />} onClick={() => setModal('starter')}>
                Стартовые планы по ФОП
              </Button>
              <Button icon={<CopyOutlined />} disabled={years.length < 2} onClick={() => setModal('copy')}>
                Скопировать из прошлого года
              </Button>
            </>
          )}
          <Dropdown
            menu={{
              items: [
                { key: 'grade', label: 'По параллелям (уровни образования)' },
                { key: 'class', label: 'По классам' },
              ],
              onClick: ({ key }) => void download(() => exportPlan({ yearId: year.id, by: key as 'grade' | 'class' })),
            }}
          >
            <Button icon={<FileExcelOutlined />} loading={exporting}>
              Учебный план в Excel
            </Button>
          </Dropdown>
        </Space>
      )}
      {year && (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((p) => { p.set('tab', key); return p; }, { replace: true })}
          items={[
            {
              key: 'plan',
              label: 'План',
              children: (
                <Row gutter={16} wrap={false}>
                  <Col flex="180px">
                    <Card size="small" styles={{ body: { padding: 0 } }}>
                      <Menu aria-label="Параллели и классы" mode="inline" selectedKeys={[sel]} items={menuItems} onClick={({ key }) => select(key)} style={{ borderInlineEnd: 'none', maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' }} />
                    </Card>
                  </Col>
                  <Col flex="auto" style={{ minWidth: 0 }}>
                    {grades.length === 0 ? (
                      <Empty description="В этом году нет ни планов, ни классов. Загрузите стартовые планы по ФОП или скопируйте план прошлого года." />
                    ) : (
                      <PlanEditor key={sel} yearId={year.id} grade={grade} classId={selClass ?? null} canEdit={canEdit} />
                    )}
                  </Col>
                </Row>
              ),
            },
            ...(canSeePupils ? [{ key: 'subgroups', label: <Badge count={flagged.length} size="small" offset={[8, -2]} title={`Требуют внимания: ${flagged.length}`}>Подгруппы</Badge>, children: <SubgroupsTab yearId={year.id} canEdit={canEdit && Boolean(year && !year.isClosed)} /> }] : []),
            { key: 'checks', label: 'Проверка', children: <ChecksTab yearId={year.id} subgroupFlags={flagged} onOpenSubgroups={() => setParams((p) => { p.set('tab', 'subgroups'); return p; }, { replace: true })} onOpen={(key) => { select(key); setParams((p) => { p.set('tab', 'plan'); p.set('plan', key); return p; }, { replace: true }); }} /> },
          ]}
        />
      )}
      {year && modal === 'starter' && <StarterModal yearId={year.id} withPlan={grades.filter((g) => g.planId).map((g) => g.grade)} onClose={() => setModal(null)} />}
      {year && modal === 'copy' && <CopyModal years={years} toYear={year} onClose={() => setModal(null)} />}
    </Space>
  );
}
