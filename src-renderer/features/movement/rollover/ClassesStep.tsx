import { Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { StepButtons } from './StepButtons';
import type { RolloverPlanInput, RolloverPreview } from '../../../../src-shared/contract/movementRollover';
import { useStaffOptionsQuery } from '../../classes/classesApi';

type Source = RolloverPreview['sourceClasses'][number];
type NewClass = NonNullable<RolloverPlanInput['newClasses']>[number];

/** Step 2: where each class goes (5А → 6А, letter and class teacher may change) and the new classes. */
export function ClassesStep({ plan, preview, busy, onChange, onBack, onNext }: { plan: RolloverPlanInput; preview: RolloverPreview; busy: boolean; onChange: (p: RolloverPlanInput) => void; onBack: () => void; onNext: () => void }) {
  const { data: staff } = useStaffOptionsQuery();
  const teachers = (staff?.staff ?? []).map((s) => ({ value: s.id, label: s.fullName }));
  const settingOf = (id: string) => (plan.classes ?? []).find((c) => c.fromClassId === id);
  const setClass = (c: Source, patch: { letter?: string | null; classTeacherId?: string | null; keepTeacher?: boolean }) => {
    const rest = (plan.classes ?? []).filter((x) => x.fromClassId !== c.id);
    const cur = settingOf(c.id) ?? { fromClassId: c.id, letter: null, classTeacherId: c.classTeacherId, keepTeacher: true };
    onChange({ ...plan, classes: [...rest, { ...cur, ...patch }] });
  };
  const newClasses = plan.newClasses ?? [];
  const setNew = (i: number, patch: Partial<NewClass>) => onChange({ ...plan, newClasses: newClasses.map((n, k) => (k === i ? { ...n, ...patch } : n)) });
  const planned = (name: string | null) => preview.classes.find((c) => c.name === name);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`Классы ${preview.fromYearName} → ${preview.targetYear.name}`}>
        <Table<Source>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={preview.sourceClasses}
          aria-label="Классы и их продолжение"
          columns={[
            { title: 'Класс', dataIndex: 'name', width: 80 },
            { title: 'Учеников', dataIndex: 'pupils', width: 90 },
            {
              title: 'В новом году',
              width: 160,
              render: (_: unknown, c) =>
                c.successorName ? (
                  <Space>
                    {c.grade + 1}
                    <Input aria-label={`Литера после ${c.name}`} style={{ width: 60 }} value={settingOf(c.id)?.letter ?? c.name.replace(/^\d+/, '')} onChange={(e) => setClass(c, { letter: e.target.value || null })} />
                    {planned(c.successorName)?.exists && <Tag>уже есть</Tag>}
                  </Space>
                ) : (
                  <Tag color="gold">выпуск</Tag>
                ),
            },
            {
              title: 'Классный руководитель',
              render: (_: unknown, c) =>
                c.successorName ? (
                  <Select
                    aria-label={`Классный руководитель ${c.successorName}`}
                    style={{ width: '100%' }}
                    showSearch
                    optionFilterProp="label"
                    allowClear
                    value={settingOf(c.id) && !settingOf(c.id)?.keepTeacher ? (settingOf(c.id)?.classTeacherId ?? undefined) : (planned(c.successorName)?.classTeacherId ?? undefined)}
                    onChange={(v?: string) => setClass(c, { keepTeacher: false, classTeacherId: v ?? null })}
                    options={teachers}
                  />
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title="Новые классы (1-е, 10-е)">
        <Table<NewClass & { key: number }>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={newClasses.map((n, key) => ({ ...n, key }))}
          aria-label="Новые классы"
          columns={[
            { title: 'Параллель', width: 110, render: (_: unknown, n) => <InputNumber aria-label={`Параллель нового класса ${n.key + 1}`} min={1} max={11} value={n.grade} onChange={(v) => setNew(n.key, { grade: Number(v ?? 1) })} /> },
            { title: 'Литера', width: 90, render: (_: unknown, n) => <Input aria-label={`Литера нового класса ${n.key + 1}`} value={n.letter} onChange={(e) => setNew(n.key, { letter: e.target.value })} /> },
            {
              title: 'Классный руководитель',
              render: (_: unknown, n) => (
                <Select aria-label={`Классный руководитель нового класса ${n.key + 1}`} style={{ width: '100%' }} showSearch optionFilterProp="label" allowClear value={n.classTeacherId ?? undefined} onChange={(v?: string) => setNew(n.key, { classTeacherId: v ?? null })} options={teachers} />
              ),
            },
            { title: '', width: 50, render: (_: unknown, n) => <Button size="small" danger icon={<DeleteOutlined />} aria-label="Убрать класс" onClick={() => onChange({ ...plan, newClasses: newClasses.filter((_x, k) => k !== n.key) })} /> },
          ]}
        />
        <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => onChange({ ...plan, newClasses: [...newClasses, { grade: 1, letter: '' }] })}>
          Добавить класс
        </Button>
      </Card>
      {preview.problems.length > 0 && <Typography.Text type="danger">{preview.problems.join('; ')}</Typography.Text>}
      <StepButtons busy={busy} onBack={onBack} onNext={onNext} />
    </Space>
  );
}
