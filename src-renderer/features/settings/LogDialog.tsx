import { useCallback, useState } from 'react';
import { Alert, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { LOG_LEVELS, LOG_LEVEL_TITLES, type LogTail } from '../../../src-shared/contract/settings';
import { useDownload } from '../../components/downloadFile';
import { formatDateTimeRu } from '../../components/format';
import { errorText } from '../../components/serverErrors';
import { useDownloadLogMutation, useReadLogMutation } from './settingsApi';

type Level = (typeof LOG_LEVELS)[number];
const COLORS: Record<Level, string> = { debug: 'default', info: 'blue', warn: 'orange', error: 'red' };
const LIMIT = 500;

/**
 * «Открыть журнал программы» (issue 23, part 5): the newest lines of the data folder's log, newest
 * first, filtered by level, and the file itself for whoever maintains the program.
 */
export function LogButton() {
  const [open, setOpen] = useState(false);
  const [minLevel, setMinLevel] = useState<Level>('info');
  const [read, { isLoading }] = useReadLogMutation();
  const [downloadLog, { isLoading: downloading }] = useDownloadLogMutation();
  const download = useDownload();
  const [tail, setTail] = useState<LogTail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (level: Level) => {
      setError(null);
      const r = await read({ limit: LIMIT, minLevel: level });
      if ('data' in r && r.data) setTail(r.data);
      else setError(errorText(r));
    },
    [read],
  );

  return (
    <>
      <Button
        icon={<FileTextOutlined />}
        onClick={() => {
          setOpen(true);
          void load(minLevel);
        }}
      >
        Открыть журнал программы
      </Button>
      <Modal
        open={open}
        title="Журнал программы"
        width={1100}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>Закрыть</Button>}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>Не ниже уровня</span>
            <Select<Level>
              aria-label="Уровень записей"
              style={{ width: 200 }}
              value={minLevel}
              options={LOG_LEVELS.map((l) => ({ value: l, label: LOG_LEVEL_TITLES[l] }))}
              onChange={(l) => {
                setMinLevel(l);
                void load(l);
              }}
            />
            <Button icon={<ReloadOutlined />} loading={isLoading} onClick={() => void load(minLevel)}>
              Обновить
            </Button>
            <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download(() => downloadLog({}), 'Файл журнала сохранён')}>
              Скачать файл журнала
            </Button>
          </Space>
          {error && <Alert type="error" showIcon title={error} />}
          {tail && (
            <Typography.Text type="secondary">
              Записей: {tail.lines.length.toLocaleString('ru-RU')} (не больше {LIMIT.toLocaleString('ru-RU')}), сначала новые. Папка: {tail.logsDir}
            </Typography.Text>
          )}
          <Table
            size="small"
            rowKey={(_row, i) => String(i)}
            loading={isLoading}
            dataSource={tail?.lines ?? []}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ y: 420 }}
            locale={{ emptyText: 'Записей нет' }}
            columns={[
              { title: 'Время', dataIndex: 'at', width: 170, render: (at: string) => (at ? formatDateTimeRu(at) : '—') },
              { title: 'Уровень', dataIndex: 'level', width: 140, render: (l: Level) => <Tag color={COLORS[l]}>{LOG_LEVEL_TITLES[l]}</Tag> },
              { title: 'Запись', dataIndex: 'message' },
              { title: 'Подробности', dataIndex: 'details', ellipsis: true },
            ]}
          />
        </Space>
      </Modal>
    </>
  );
}
