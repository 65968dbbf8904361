import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Select, Skeleton, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LoadGrid, LoadRowOut } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { groupLabel } from '../../../src-shared/domain/curriculum/loadRows';
import { useSubjectsQuery } from '../subjects/subjectsApi';
import { useAssignTeachersMutation, useSaveQualificationsMutation, useTeacherCardQuery } from './loadApi';
import { AddLoadSelect } from './AddLoadSelect';
import { StatusTag } from './loadUi';
import { errorText } from '../../components/serverErrors';

/**
 * One teacher's load, editable: classes and hours, rates, the subjects they teach, vacancies they could
 * take; any row of the load can be added here (a vacancy, or taken over from another teacher).
 */
export function TeacherLoadCard({ yearId, staffId, grid, canEdit, onClose }: { yearId: string; staffId: string; grid?: LoadGrid; canEdit: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const { data } = useTeacherCardQuery({ yearId, staffId });
  const { data: subjects } = useSubjectsQuery();
  const [assign] = useAssignTeachersMutation();
  const [saveQual, { isLoading: savingQual }] = useSaveQualificationsMutation();
  const [qual, setQual] = useState<string[]>([]);
  useEffect(() => setQual(data?.teacher.qualifiedSubjectIds ?? []), [data]);
  const change = async (rows: { classId: string; subjectId: string; groupNo: number; version: number }[], staff: string | null) => {
    const r = await assign({ yearId, changes: rows.map((x) => ({ classId: x.classId, subjectId: x.subjectId, groupNo: x.groupNo, staffId: staff, version: x.version })) });
    if ('error' in r && r.error) return void message.error(errorText(r));
    for (const w of r.data?.warnings ?? []) message.warning(w);
  };
  const columns = (action: (r: LoadRowOut & { version?: number }) => React.ReactNode) => [
    { title: 'Класс', dataIndex: 'className', width: 70 },
    { title: 'Предмет', dataIndex: 'subjectName' },
    { title: 'Группа', dataIndex: 'groupNo', width: 110, render: (g: number) => groupLabel(g) },
    { title: 'ч/нед', dataIndex: 'hours', width: 70, align: 'right' as const, render: formatHours },
    { title: 'в год', dataIndex: 'annualHours', width: 70, align: 'right' as const, render: formatHours },
    ...(canEdit ? [{ title: '', width: 50, render: (_: unknown, r: LoadRowOut & { version?: number }) => action(r) }] : []),
  ];
  const dirtyQual = JSON.stringify([...qual].sort()) !== JSON.stringify([...(data?.teacher.qualifiedSubjectIds ?? [])].sort());

  return (
    <Drawer open size="large" title={data ? `Нагрузка: ${data.teacher.fullName}` : 'Нагрузка учителя'} onClose={onClose}>
      {!data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>{data.teacher.position ?? 'должность не указана'}</Typography.Text>
            <StatusTag status={data.teacher.status} />
          </Space>
          <Typography.Text strong data-testid="teacher-load-description">
            {data.description}
          </Typography.Text>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text type="secondary">Предметы учителя (их вакансии предлагаются первыми):</Typography.Text>
            <Space.Compact style={{ width: '100%' }}>
              <Select
                mode="multiple"
                aria-label="Предметы учителя"
                disabled={!canEdit}
                style={{ width: '100%' }}
                value={qual}
                onChange={setQual}
                optionFilterProp="label"
                options={(subjects?.subjects ?? []).filter((s) => !s.isArchived).map((s) => ({ value: s.id, label: s.name }))}
              />
              {canEdit && (
                <Button
                  disabled={!dirtyQual}
                  loading={savingQual}
                  onClick={async () => {
                    const r = await saveQual({ staffId, subjectIds: qual });
                    if ('error' in r && r.error) message.error(errorText(r));
                  }}
                >
                  Сохранить
                </Button>
              )}
            </Space.Compact>
          </Space>
          {data.orphans.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`Назначения без строки в плане: ${data.orphans.map((o) => `${o.className} «${o.subjectName}»${o.groupNo ? ` (${groupLabel(o.groupNo)})` : ''}`).join(', ')}`}
              action={canEdit && <Button size="small" onClick={() => void change(data.orphans, null)}>Убрать</Button>}
            />
          )}
          {canEdit && grid && <AddLoadSelect grid={grid} staffId={staffId} qualified={data.teacher.qualifiedSubjectIds} onPick={(slot) => void change([slot], staffId)} />}
          <Table
            size="small"
            rowKey={(r) => `${r.classId}|${r.subjectId}|${r.groupNo}`}
            dataSource={data.rows}
            pagination={false}
            aria-label="Классы и часы учителя"
            columns={columns((r) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Снять ${r.className} ${r.subjectName}`} onClick={() => void change([{ ...r, version: r.version ?? 0 }], null)} />)}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  Итого
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>{formatHours(data.teacher.hours)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatHours(data.rows.reduce((s, r) => s + r.annualHours, 0))}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {data.suggestions.length > 0 && (
            <>
              <Typography.Text strong>Вакансии по предметам учителя</Typography.Text>
              <Table
                size="small"
                rowKey={(r) => `${r.classId}|${r.subjectId}|${r.groupNo}`}
                dataSource={data.suggestions}
                pagination={false}
                columns={columns((r) => <Button size="small" icon={<PlusOutlined />} aria-label={`Взять ${r.className} ${r.subjectName}`} onClick={() => void change([{ ...r, version: 0 }], staffId)} />)}
              />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
