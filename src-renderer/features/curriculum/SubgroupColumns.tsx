import { useMemo, useState, type CSSProperties } from 'react';
import { App, Button, Card, Modal, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { distributePupils } from '../../../src-shared/domain/curriculum/subgroups';
import { formatDateRu } from '../../components/format';
import { useClassPupilsQuery, useSetSubgroupMembersMutation, useSubgroupsQuery } from '../classes/classesApi';
import { useSubgroupChoice } from '../../components/useSubgroupChoice';
import { errorText } from '../../components/serverErrors';

const NONE = '';
const columnStyle: CSSProperties = { minHeight: 320, flex: 1, minWidth: 220 };

/**
 * Who is in which subgroup of one class × subject, as columns: drag a pupil to another column (or use
 * the arrows — the keyboard way), or fill them by the list or by sex; saved from the chosen date on.
 */
export function SubgroupColumns({ classId, className, subjectId, subjectName, date, canEdit, onClose }: { classId: string; className: string; subjectId: string; subjectName: string; date: string; canEdit: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const { data: groupsData } = useSubgroupsQuery({ classId, date });
  const { data: pupilsData } = useClassPupilsQuery({ classId, date });
  const [save, { isLoading }] = useSetSubgroupMembersMutation();
  const groups = useMemo(() => (groupsData?.subgroups ?? []).filter((g) => g.subjectId === subjectId).sort((a, b) => a.ordinal - b.ordinal), [groupsData, subjectId]);
  const pupils = useMemo(() => pupilsData?.pupils ?? [], [pupilsData]);
  const { choice, setChoice, dirty, members } = useSubgroupChoice(groups, pupils);
  const [dragOver, setDragOver] = useState<string | null>(null);
  const columns = [...groups.map((g) => ({ id: g.id, title: g.name })), { id: NONE, title: 'Не распределены' }];
  const move = (pupilId: string, to: string) => setChoice((m) => new Map(m).set(pupilId, to));
  const fill = (by: 'list' | 'sex') => {
    const lists = distributePupils(pupils, groups.length, by);
    const next = new Map<string, string>();
    lists.forEach((ids, i) => ids.forEach((id) => next.set(id, groups[i].id)));
    setChoice(next);
  };

  return (
    <Modal
      open
      width={Math.min(1200, 300 * columns.length + 80)}
      title={`${className}, «${subjectName}»: состав подгрупп с ${formatDateRu(date)}`}
      okText="Сохранить состав"
      cancelText="Закрыть"
      okButtonProps={{ disabled: !canEdit || !dirty, loading: isLoading }}
      onCancel={onClose}
      onOk={async () => {
        const r = await save({ classId, subjectId, date, groups: members() });
        if ('error' in r && r.error) return void message.error(errorText(r));
        message.success('Состав подгрупп сохранён');
        onClose();
      }}
    >
      {canEdit && (
        <Space style={{ marginBottom: 8 }}>
          <Button onClick={() => fill('list')}>Поровну по списку</Button>
          <Button onClick={() => fill('sex')}>Мальчики / девочки</Button>
          <Typography.Text type="secondary">Перетащите ученика в другой столбец или нажмите стрелку рядом с фамилией.</Typography.Text>
        </Space>
      )}
      <div style={{ display: 'flex', gap: 12 }}>
        {columns.map((col, ci) => {
          const list = pupils.filter((p) => (choice.get(p.id) ?? NONE) === col.id);
          return (
            <Card
              key={col.id || 'none'}
              size="small"
              title={`${col.title} (${list.length})`}
              style={{ ...columnStyle, outline: dragOver === col.id ? '2px dashed #1677ff' : undefined }}
              data-testid={`column-${col.title}`}
              onDragOver={(e) => {
                if (!canEdit) return;
                e.preventDefault();
                setDragOver(col.id);
              }}
              onDragLeave={() => setDragOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setDragOver(null);
                const id = e.dataTransfer.getData('text/plain');
                if (id) move(id, col.id);
              }}
            >
              {list.map((p) => (
                <div
                  key={p.id}
                  draggable={canEdit}
                  onDragStart={(e) => e.dataTransfer.setData('text/plain', p.id)}
                  style={{ display: 'flex', alignItems: 'center', gap: 4, padding: '2px 4px', borderBottom: '1px solid #f0f0f0', cursor: canEdit ? 'grab' : undefined }}
                >
                  {canEdit && ci > 0 && <Button size="small" type="text" icon={<LeftOutlined />} aria-label={`${p.fullName}: в «${columns[ci - 1].title}»`} onClick={() => move(p.id, columns[ci - 1].id)} />}
                  <span style={{ flex: 1 }}>
                    {p.fullName} <Typography.Text type="secondary">{p.sex}</Typography.Text>
                  </span>
                  {canEdit && ci < columns.length - 1 && <Button size="small" type="text" icon={<RightOutlined />} aria-label={`${p.fullName}: в «${columns[ci + 1].title}»`} onClick={() => move(p.id, columns[ci + 1].id)} />}
                </div>
              ))}
            </Card>
          );
        })}
      </div>
    </Modal>
  );
}
