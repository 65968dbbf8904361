import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import type { UpdateCheck } from '../../../src-shared/contract/settings';
import { formatDateRu, formatDateTimeRu } from '../../components/format';
import { errorText } from '../../components/serverErrors';
import { useCheckUpdatesMutation, useSettingsQuery } from './settingsApi';

const ALERT: Record<UpdateCheck['state'], 'success' | 'info' | 'warning' | 'error'> = {
  'up-to-date': 'success',
  available: 'info',
  'not-configured': 'warning',
  failed: 'error',
};

/**
 * The installed version and what the update server offers, on demand. In the desktop program the
 * shell also checks by itself (at start and daily, when set so), downloads with progress and asks
 * before installing; in a browser the administrator updates the computer that runs the server.
 */
export function UpdatesCard() {
  const { data } = useSettingsQuery();
  const [check, { isLoading }] = useCheckUpdatesMutation();
  const [result, setResult] = useState<UpdateCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const desktop = typeof window !== 'undefined' && 'api' in window;
  return (
    <Card size="small" title="Версия программы">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="Установлена">{data?.appVersion ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="На сервере обновлений">{result?.available ? result.available.version : result ? '—' : 'не проверялось'}</Descriptions.Item>
        </Descriptions>
        <Button
          icon={<CloudSyncOutlined />}
          loading={isLoading}
          onClick={async () => {
            setError(null);
            const r = await check({});
            if ('data' in r && r.data) setResult(r.data);
            else setError(errorText(r));
          }}
        >
          Проверить сейчас
        </Button>
        {error && <Alert type="error" showIcon title={error} />}
        {result && (
          <Alert
            type={ALERT[result.state]}
            showIcon
            data-testid="update-result"
            title={result.message}
            description={
              <>
                {result.state === 'available' && result.available && (
                  <>
                    {result.available.releaseDate && <div>Дата выпуска: {formatDateRu(result.available.releaseDate.slice(0, 10))}</div>}
                    {result.available.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{result.available.notes}</Typography.Paragraph>}
                    <div>
                      {desktop
                        ? 'Программа скачает обновление при следующей проверке и спросит, установить ли его; установка — при выходе из программы.'
                        : 'Обновите программу на компьютере, где запущен сервер программы.'}
                    </div>
                  </>
                )}
                <Typography.Text type="secondary">Проверено {formatDateTimeRu(result.checkedAt)}</Typography.Text>
              </>
            }
          />
        )}
      </Space>
    </Card>
  );
}
