import { useState } from 'react';
import { Alert, Form, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import type { ExplanationItem, VersionMeta } from '../../../src-shared/contract/timetableFields';
import { ExplanationList } from './ExplanationList';
import { NewVersionFields, newVersionDefaults, type NewVersionValues } from './NewVersionFields';
import { useStartGenerationMutation, type VersionsList } from './timetableApi';
import { todayIso } from '../../components/format';
import { errorOf } from '../../components/serverErrors';

interface Props {
  yearId: string;
  list: VersionsList;
  /** The draft on screen, when the user may fill it. */
  draft: VersionMeta | null;
  onStarted: (job: { jobId: string; versionId: string | null; budgetSeconds: number; startedAt: number }) => void;
  onClose: () => void;
}

type Values = NewVersionValues & { target: 'fill' | 'new'; seconds: number };

/**
 * «Составить»: fill the draft on screen (its locked lessons stay) or make a new draft, with the
 * solver's time budget. A refusal of the pre-check comes back with its items and is listed here.
 */
export function GenerateModal({ yearId, list, draft, onStarted, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [start, { isLoading }] = useStartGenerationMutation();
  const [problem, setProblem] = useState<{ message: string; items: ExplanationItem[] } | null>(null);
  const target = Form.useWatch('target', form) ?? (draft ? 'fill' : 'new');

  const submit = async () => {
    const v = await form.validateFields();
    setProblem(null);
    const budget = { seconds: v.seconds };
    const startedAt = Date.now();
    const r =
      v.target === 'fill' && draft
        ? await start({ target: 'fill', versionId: draft.id, version: draft.version, budget })
        : await start({ target: 'new', yearId, studyPeriodId: v.studyPeriodId || null, name: v.name.trim(), options: v.options, budget });
    if ('data' in r && r.data) {
      onStarted({ ...r.data, startedAt });
      return;
    }
    const e = errorOf(r);
    const items = Array.isArray(e?.details?.items) ? (e.details.items as ExplanationItem[]) : [];
    setProblem({ message: e?.message ?? 'Составление не запущено', items });
  };

  return (
    <Modal
      open
      title="Составить расписание"
      okText="Составить"
      cancelText="Отмена"
      confirmLoading={isLoading}
      onOk={() => void submit()}
      onCancel={onClose}
      width={problem?.items.length ? 860 : 620}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ ...newVersionDefaults(list, todayIso()), target: draft ? 'fill' : 'new', seconds: 60 }}
        onFinish={() => void submit()}
      >
        <Form.Item name="target" label="Результат">
          <Radio.Group>
            <Space orientation="vertical">
              {draft && (
                <Radio value="fill">
                  Заполнить черновик «{draft.name}»{' '}
                  <Typography.Text type="secondary">— закреплённые уроки останутся на местах, остальные будут расставлены заново</Typography.Text>
                </Radio>
              )}
              <Radio value="new">Новый черновик</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {target === 'new' && <NewVersionFields list={list} />}
        <Form.Item
          name="seconds"
          label="Время на составление, секунд"
          extra="Первое допустимое расписание обычно находится за секунды; оставшееся время уходит на улучшение (окна учителей, СанПиН)."
          rules={[{ required: true, type: 'number', min: 5, max: 600, message: 'от 5 до 600 секунд' }]}
        >
          <InputNumber min={5} max={600} step={5} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      {problem && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="generate-refused">
          <Alert type="error" showIcon title={problem.message} />
          {problem.items.length > 0 && <ExplanationList items={problem.items} emptyText="" />}
        </Space>
      )}
    </Modal>
  );
}
