import { useState } from 'react';
import { Card, Input, Select, Space, Table, Typography } from 'antd';
import { isGraduationGrade } from '../../../../src-shared/domain/movement/orderTypes';
import { StepButtons } from './StepButtons';
import { ROLLOVER_ACTIONS, type RolloverAction, type RolloverPlanInput, type RolloverPreview } from '../../../../src-shared/contract/movementRollover';

type Pupil = RolloverPreview['pupils'][number];

function actionsFor(grade: number): RolloverAction[] {
  if (grade === 9) return ['graduate', 'continue', 'repeat'];
  if (grade >= 11) return ['graduate', 'repeat'];
  return ['promote', 'conditional', 'repeat'];
}

/** Step 3: per-pupil exceptions — repeat the year, conditional promotion, 9th graders going on to 10th. */
export function ExceptionsStep({ plan, preview, busy, onChange, onBack, onNext }: { plan: RolloverPlanInput; preview: RolloverPreview; busy: boolean; onChange: (p: RolloverPlanInput) => void; onBack: () => void; onNext: () => void }) {
  const [classFilter, setClassFilter] = useState<string | null>(null);
  const exceptions = plan.exceptions ?? [];
  const exOf = (id: string) => exceptions.find((e) => e.pupilId === id);
  const set = (p: Pupil, patch: { action?: RolloverAction; toClassName?: string | null; reason?: string | null }) => {
    const cur = exOf(p.pupilId) ?? { pupilId: p.pupilId, action: p.action, toClassName: null, reason: null };
    const next = { ...cur, ...patch };
    const isDefault = next.action === (isGraduationGrade(p.grade) ? 'graduate' : 'promote') && !next.reason;
    onChange({ ...plan, exceptions: [...exceptions.filter((e) => e.pupilId !== p.pupilId), ...(isDefault ? [] : [next])] });
  };
  const classes = [...new Set(preview.pupils.map((p) => p.fromClassName))];
  const rows = preview.pupils.filter((p) => !classFilter || p.fromClassName === classFilter);
  return (
    <Card title="Исключения из общего перевода">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          По умолчанию 1–8 и 10 классы переводятся в следующий класс, 9 и 11 — выпускаются. Отметьте оставленных на повторное обучение, переведённых условно и выпускников 9 класса, продолжающих обучение в 10 классе. Исключений: {exceptions.length}.
        </Typography.Text>
        <Select aria-label="Фильтр по классу" allowClear showSearch placeholder="Все классы" style={{ width: 200 }} value={classFilter ?? undefined} onChange={(v?: string) => setClassFilter(v ?? null)} options={classes.map((c) => ({ value: c, label: c }))} />
        <Table<Pupil>
          rowKey="pupilId"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          aria-label="Обучающиеся при переходе"
          columns={[
            { title: 'Класс', dataIndex: 'fromClassName', width: 80 },
            { title: 'ФИО', dataIndex: 'fullName' },
            {
              title: 'Действие',
              width: 300,
              render: (_: unknown, p) => (
                <Select aria-label={`Действие: ${p.fullName}`} style={{ width: '100%' }} value={exOf(p.pupilId)?.action ?? p.action} onChange={(action: RolloverAction) => set(p, { action, toClassName: null })} options={actionsFor(p.grade).map((a) => ({ value: a, label: ROLLOVER_ACTIONS[a] }))} />
              ),
            },
            {
              title: 'В класс',
              width: 110,
              render: (_: unknown, p) => {
                const action = exOf(p.pupilId)?.action ?? p.action;
                if (action !== 'repeat' && action !== 'continue') return p.toClassName ?? '—';
                return <Input aria-label={`В класс: ${p.fullName}`} placeholder={p.toClassName ?? ''} value={exOf(p.pupilId)?.toClassName ?? ''} onChange={(e) => set(p, { toClassName: e.target.value || null })} />;
              },
            },
            {
              title: 'Задолженность / причина',
              width: 220,
              render: (_: unknown, p) => ((exOf(p.pupilId)?.action ?? p.action) === 'conditional' ? <Input aria-label={`Задолженность: ${p.fullName}`} value={exOf(p.pupilId)?.reason ?? ''} onChange={(e) => set(p, { reason: e.target.value || null })} /> : null),
            },
          ]}
        />
        <StepButtons busy={busy} onBack={onBack} onNext={onNext} />
      </Space>
    </Card>
  );
}
