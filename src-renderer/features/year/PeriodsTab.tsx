import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AcademicYear, PeriodScheme } from '../../../src-shared/contract/years';
import { formatGradeList } from '../../../src-shared/domain/schoolSetup/gradeScope';
import { PERIOD_KINDS } from '../../../src-shared/domain/schoolSetup/studyPeriods';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { SchemeFormModal } from './SchemeFormModal';
import { useDeletePeriodsMutation, usePeriodsQuery } from './yearApi';
import { EditDeleteButtons } from '../../components/EditDeleteButtons';

/** Study period schemes of a year (четверти для 1–9, полугодия для 10–11 …). */
export function PeriodsTab({ year }: { year: AcademicYear }) {
  const canEdit = useHasRight('years.edit') && !year.isClosed;
  const { data, isLoading } = usePeriodsQuery({ yearId: year.id });
  const [remove] = useDeletePeriodsMutation();
  const [editing, setEditing] = useState<PeriodScheme | null | 'new'>(null);
  const schemes = data?.schemes ?? [];
  const taken = (except: PeriodScheme | null) => schemes.filter((s) => s.id !== except?.id).flatMap((s) => s.grades);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={taken(null).length === 11}>
          Добавить схему периодов
        </Button>
      )}
      {!isLoading && schemes.length === 0 && <Empty description="Учебные периоды ещё не заданы" />}
      <Row gutter={[16, 16]}>
        {schemes.map((s) => (
          <Col key={s.id} xs={24} xl={12}>
            <Card
              title={
                <Space>
                  {s.name}
                  <Tag>{formatGradeList(s.grades)} кл.</Tag>
                  <Tag color="purple">{PERIOD_KINDS[s.kind].label}</Tag>
                </Space>
              }
              extra={
                canEdit && (
                  <EditDeleteButtons label={s.name} confirm={`Удалить схему «${s.name}»?`} onEdit={() => setEditing(s)} onDelete={() => remove({ id: s.id, version: s.version })} />
                )
              }
            >
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={s.periods}
                columns={[
                  { title: 'Период', dataIndex: 'name' },
                  { title: 'Начало', dataIndex: 'startDate', render: formatDateRu },
                  { title: 'Окончание', dataIndex: 'endDate', render: formatDateRu },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {editing !== null && (
        <SchemeFormModal open year={year} scheme={editing === 'new' ? null : editing} takenGrades={taken(editing === 'new' ? null : editing)} onClose={() => setEditing(null)} />
      )}
    </Space>
  );
}
