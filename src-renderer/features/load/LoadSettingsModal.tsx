import { useState } from 'react';
import { App, InputNumber, Modal, Space, Typography } from 'antd';
import type { LoadSettingsOut } from '../../../src-shared/contract/curriculumLoad';
import { useSaveLoadSettingsMutation } from './loadApi';
import { errorText } from '../../components/serverErrors';

/** Hours of one rate and the overload bound: the school's own settings. */
export function LoadSettingsModal({ settings, onClose }: { settings: LoadSettingsOut; onClose: () => void }) {
  const { message } = App.useApp();
  const [value, setValue] = useState(settings);
  const [save, { isLoading }] = useSaveLoadSettingsMutation();
  return (
    <Modal
      open
      title="Ставка и перегрузка"
      okText="Сохранить"
      cancelText="Отмена"
      confirmLoading={isLoading}
      onCancel={onClose}
      onOk={async () => {
        const r = await save(value);
        if ('error' in r && r.error) return void message.error(errorText(r));
        onClose();
      }}
    >
      <Space orientation="vertical">
        <Space>
          <span style={{ width: 220, display: 'inline-block' }}>Часов в неделю на 1 ставку</span>
          <InputNumber aria-label="Часов в ставке" min={1} max={40} step={1} value={value.hoursPerRate} onChange={(v) => setValue({ ...value, hoursPerRate: Number(v) || 18 })} />
        </Space>
        <Space>
          <span style={{ width: 220, display: 'inline-block' }}>Перегрузка — больше, ставок</span>
          <InputNumber aria-label="Граница перегрузки" min={0.5} max={3} step={0.25} value={value.maxRates} onChange={(v) => setValue({ ...value, maxRates: Number(v) || 1.5 })} />
        </Space>
        <Typography.Text type="secondary">Учителю норма — 18 часов в неделю за ставку (приказ Минобрнауки России № 1601). Недогрузка считается от ставки учителя по его должностям в карточке сотрудника.</Typography.Text>
      </Space>
    </Modal>
  );
}
