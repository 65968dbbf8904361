import { useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import { NewVersionFields, newVersionDefaults, type NewVersionValues } from './NewVersionFields';
import { useCreateTimetableVersionMutation, type VersionsList } from './timetableApi';
import { errorOf, showServerError } from '../../components/serverErrors';
import { todayIso } from '../../components/format';

/** «Новый черновик»: an empty draft holding the plan and load of a study period, nothing placed yet. */
export function NewVersionModal({ yearId, list, onCreated, onClose }: { yearId: string; list: VersionsList; onCreated: (v: VersionMeta) => void; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewVersionValues>();
  const [create, { isLoading }] = useCreateTimetableVersionMutation();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    const r = await create({ yearId, studyPeriodId: v.studyPeriodId || null, name: v.name.trim(), options: v.options });
    if ('data' in r && r.data) {
      message.success(`Черновик «${r.data.name}» создан`);
      onCreated(r.data);
      return;
    }
    setError(showServerError(form, errorOf(r)));
  };

  return (
    <Modal open title="Новый черновик расписания" okText="Создать" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose} width={620} destroyOnHidden>
      <Form<NewVersionValues> form={form} layout="vertical" initialValues={newVersionDefaults(list, todayIso())}>
        <NewVersionFields list={list} />
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
