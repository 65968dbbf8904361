import { useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { useHasRight } from '../../components/useSession';
import { useAccountSettingsQuery, useSaveAccountSettingsMutation } from './accountsApi';

/** The portal's address printed in account letters; on «Учётные записи портала» and in «Настройки». */
export function PortalUrl() {
  const canEdit = useHasRight('accounts.edit');
  const { data } = useAccountSettingsQuery();
  const [save] = useSaveAccountSettingsMutation();
  const [value, setValue] = useState<string | null>(null);
  return (
    <Space>
      <Typography.Text type="secondary">Адрес портала в письмах:</Typography.Text>
      <Input style={{ width: 320 }} disabled={!canEdit} value={value ?? data?.portalUrl ?? ''} onChange={(e) => setValue(e.target.value)} aria-label="Адрес портала" />
      {canEdit && value !== null && value !== data?.portalUrl && <Button onClick={() => void save({ portalUrl: value }).then(() => setValue(null))}>Сохранить</Button>}
    </Space>
  );
}
