import { useMemo, useState } from 'react';
import { App, Button, Drawer, Empty, InputNumber, Select, Space, Typography } from 'antd';
import { SplitCellsOutlined } from '@ant-design/icons';
import type { SchoolClass } from '../../../src-shared/contract/classes';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { useSubjectsQuery } from '../subjects/subjectsApi';
import { SubjectSubgroups } from './SubjectSubgroups';
import { useClassPupilsQuery, useSplitClassMutation, useSubgroupsQuery } from './classesApi';

/** Subgroups of a class per subject (English 1 and 2, информатика, технология) and who is in them. */
export function SubgroupsDrawer({ cls, readOnly, onClose }: { cls: SchoolClass; readOnly: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const canEdit = useHasRight('setup.edit') && !readOnly;
  const [date, setDate] = useState(todayIso());
  const { data: subjects } = useSubjectsQuery();
  const { data: groups } = useSubgroupsQuery({ classId: cls.id, date });
  const { data: pupils } = useClassPupilsQuery({ classId: cls.id, date });
  const [split, { isLoading }] = useSplitClassMutation();
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [count, setCount] = useState(2);
  const bySubject = useMemo(() => {
    const m = new Map<string, { name: string; groups: NonNullable<typeof groups>['subgroups'] }>();
    for (const g of groups?.subgroups ?? []) {
      const entry = m.get(g.subjectId) ?? { name: g.subjectName, groups: [] };
      entry.groups.push(g);
      m.set(g.subjectId, entry);
    }
    return [...m.entries()];
  }, [groups]);
  const options = (subjects?.subjects ?? [])
    .filter((s) => !s.isArchived)
    .sort((a, b) => Number(b.isSplit) - Number(a.isSplit))
    .map((s) => ({ value: s.id, label: s.isSplit ? `${s.name} (обычно делится)` : s.name }));

  const doSplit = async () => {
    if (!subjectId) return;
    const r = await split({ classId: cls.id, subjectId, count });
    if ('error' in r && r.error) message.error((r.error as { message: string }).message);
    else message.success('Подгруппы созданы');
  };

  return (
    <Drawer open width={760} title={`Подгруппы класса ${cls.name}`} onClose={onClose}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <span>Состав на дату</span>
          <div style={{ width: 150 }}>
            <DateField value={date} onChange={(d) => d && setDate(d)} />
          </div>
          <Typography.Text type="secondary">изменения состава действуют с этой даты; прежний состав сохраняется в истории</Typography.Text>
        </Space>
        {canEdit && (
          <Space wrap>
            <Select aria-label="Предмет для деления" showSearch optionFilterProp="label" placeholder="Предмет" style={{ width: 320 }} value={subjectId ?? undefined} onChange={setSubjectId} options={options} />
            <InputNumber aria-label="Число подгрупп" min={2} max={4} value={count} onChange={(v) => setCount(Number(v) || 2)} />
            <Button icon={<SplitCellsOutlined />} disabled={!subjectId} loading={isLoading} onClick={() => void doSplit()}>
              Разделить на подгруппы
            </Button>
          </Space>
        )}
        {bySubject.length === 0 && <Empty description="Класс ещё не делится на подгруппы" />}
        {bySubject.map(([sid, s]) => (
          <SubjectSubgroups key={sid} classId={cls.id} subjectId={sid} subjectName={s.name} groups={s.groups} pupils={pupils?.pupils ?? []} date={date} canEdit={canEdit} />
        ))}
      </Space>
    </Drawer>
  );
}
