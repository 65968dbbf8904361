import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import type { LoadGrid } from '../../../src-shared/contract/curriculumLoad';
import { formatHours } from '../../../src-shared/domain/curriculum/hours';
import { useSaveJointMutation, type JointOut } from './timetableApi';
import { errorOf, showServerError } from '../../components/serverErrors';

interface Values {
  subjectId: string;
  name: string;
  members: string[];
}

const memberKey = (classId: string, groupNo: number) => `${classId}|${groupNo}`;

/**
 * A joint lesson: the load rows of one subject (whole classes or their groups) taught together as
 * one lesson — «Индивидуальный проект 10АБ». The choice lists the subject's load rows with hours
 * and teacher, since the members must agree on both.
 */
export function JointModal({ yearId, grid, joint, onClose }: { yearId: string; grid: LoadGrid; joint: JointOut | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveJointMutation();
  const [error, setError] = useState<string | null>(null);
  const subjectId = Form.useWatch('subjectId', form) ?? joint?.subjectId;
  const classes = useMemo(() => new Map(grid.classes.map((c) => [c.id, c])), [grid]);
  const subjects = useMemo(() => {
    const used = new Set(grid.cells.map((c) => c.subjectId));
    return grid.subjects.filter((s) => used.has(s.id)).map((s) => ({ value: s.id, label: s.name }));
  }, [grid]);
  const memberOptions = useMemo(
    () =>
      grid.cells
        .filter((c) => c.subjectId === subjectId)
        .sort((a, b) => (classes.get(a.classId)?.grade ?? 0) - (classes.get(b.classId)?.grade ?? 0) || (classes.get(a.classId)?.name ?? '').localeCompare(classes.get(b.classId)?.name ?? '', 'ru'))
        .flatMap((c) => {
          const name = classes.get(c.classId)?.name ?? '?';
          const rows = c.groups.length > 1 ? c.groups : [{ groupNo: 0, staffName: c.groups[0]?.staffName ?? null }];
          return rows.map((g) => ({
            value: memberKey(c.classId, g.groupNo),
            label: `${name}${g.groupNo ? ` гр. ${g.groupNo}` : ''} — ${formatHours(c.hours)} ч, ${g.staffName ?? 'учитель не назначен'}`,
          }));
        }),
    [grid, subjectId, classes],
  );

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const members = v.members.map((k) => {
      const [classId, groupNo] = k.split('|');
      return { classId, groupNo: Number(groupNo) };
    });
    const r = await save({ yearId, id: joint?.id ?? null, version: joint?.version ?? 0, subjectId: v.subjectId, name: v.name.trim(), members });
    if ('data' in r && r.data) {
      if (r.data.problems.length) message.warning(`Сохранено, но: ${r.data.problems.join('; ')}`);
      else message.success(`«${r.data.name}» сохранено`);
      onClose();
      return;
    }
    setError(showServerError(form, errorOf(r)));
  };

  return (
    <Modal open title={joint ? `Объединённое занятие «${joint.name}»` : 'Новое объединённое занятие'} okText="Сохранить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose} width={640} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ subjectId: joint?.subjectId, name: joint?.name ?? '', members: joint?.members.map((m) => memberKey(m.classId, m.groupNo)) ?? [] }}
      >
        <Form.Item name="subjectId" label="Предмет" rules={[{ required: true, message: 'Выберите предмет' }]}>
          <Select aria-label="Предмет" showSearch optionFilterProp="label" options={subjects} onChange={() => form.setFieldValue('members', [])} />
        </Form.Item>
        <Form.Item name="members" label="Классы и группы (учатся вместе)" rules={[{ required: true, type: 'array', min: 2, message: 'Выберите хотя бы два класса или группы' }]}>
          <Select aria-label="Классы и группы" mode="multiple" optionFilterProp="label" options={memberOptions} disabled={!subjectId} placeholder={subjectId ? 'выберите' : 'сначала выберите предмет'} />
        </Form.Item>
        <Form.Item name="name" label="Название" rules={[{ required: true, whitespace: true, message: 'Укажите название, например «Индивидуальный проект 10АБ»' }]}>
          <Input maxLength={200} placeholder="Индивидуальный проект 10АБ" />
        </Form.Item>
      </Form>
      {joint && joint.problems.length > 0 && <Alert type="warning" showIcon title={joint.problems.join('; ')} style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
