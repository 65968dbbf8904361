import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ORDER_TYPE_INFO, formatOrderNumber, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { formatDateTimeRu } from '../../components/format';
import { useDownloadTemplateMutation, useNumberingQuery, useResetTemplateMutation, useSaveNumberingMutation, useTemplateInfoQuery, useUploadTemplateMutation } from './movementApi';
import { errorText } from '../../components/serverErrors';
import { useDownload } from '../../components/downloadFile';
import { Base64Upload } from '../../components/FileUpload';

/** Number suffixes per order type, the next alphabet-book number, and the school's order template. */
export function SettingsTab() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <NumberingCard />
      <TemplateCard />
    </Space>
  );
}

function NumberingCard() {
  const { message } = App.useApp();
  const { data } = useNumberingQuery();
  const [save, { isLoading }] = useSaveNumberingMutation();
  const [suffixes, setSuffixes] = useState<Record<string, string>>({});
  const [alphabetNext, setAlphabetNext] = useState<number>(1);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!data) return;
    setSuffixes(Object.fromEntries(data.series.map((s) => [s.type, s.suffix])));
    setAlphabetNext(data.alphabetNext);
  }, [data]);
  if (!data) return null;
  return (
    <Card title={`Нумерация приказов${data.yearName ? ` (${data.yearName} учебный год)` : ''}`}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        Номер приказа — порядковый номер в учебном году и суффикс: «12-з». У видов с одинаковым суффиксом общая нумерация. Номер присваивается при подписании.
      </Typography.Paragraph>
      <Table
        rowKey="type"
        size="small"
        pagination={false}
        dataSource={data.series}
        columns={[
          { title: 'Вид приказа', dataIndex: 'type', render: (v: OrderType) => ORDER_TYPE_INFO[v].label },
          {
            title: 'Суффикс',
            width: 140,
            render: (_: unknown, s) => <Input aria-label={`Суффикс: ${ORDER_TYPE_INFO[s.type].label}`} value={suffixes[s.type] ?? ''} maxLength={6} onChange={(e) => setSuffixes({ ...suffixes, [s.type]: e.target.value.trim() })} />,
          },
          { title: 'Следующий номер', width: 160, render: (_: unknown, s) => (suffixes[s.type] === s.suffix ? s.nextNumberText : formatOrderNumber(1, suffixes[s.type] ?? '')) },
        ]}
      />
      <Space style={{ marginTop: 16 }} wrap>
        <span>Следующий номер алфавитной книги:</span>
        <InputNumber aria-label="Следующий номер алфавитной книги" min={1} value={alphabetNext} onChange={(v) => setAlphabetNext(Number(v ?? 1))} />
        <Typography.Text type="secondary">(при переходе с бумажной книги укажите номер после последнего записанного)</Typography.Text>
      </Space>
      <div style={{ marginTop: 16 }}>
        <Button
          type="primary"
          loading={isLoading}
          onClick={async () => {
            setError(null);
            const r = await save({ series: data.series.map((s) => ({ type: s.type, suffix: suffixes[s.type] ?? s.suffix, version: s.version })), alphabetNext });
            if (r.data) message.success('Нумерация сохранена');
            else setError(errorText(r));
          }}
        >
          Сохранить нумерацию
        </Button>
      </div>
    </Card>
  );
}

function TemplateCard() {
  const { message } = App.useApp();
  const { data } = useTemplateInfoQuery();
  const [download] = useDownloadTemplateMutation();
  const [upload, { isLoading }] = useUploadTemplateMutation();
  const [reset] = useResetTemplateMutation();
  const save = useDownload();
  const [error, setError] = useState<string | null>(null);
  if (!data) return null;
  return (
    <Card title="Шаблон приказа (Word)">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="template-error" />}
      <Typography.Paragraph>
        {data.custom ? `Используется шаблон школы «${data.custom.fileName}», загружен ${formatDateTimeRu(data.custom.updatedAt)}${data.custom.updatedBy ? ` (${data.custom.updatedBy})` : ''}.` : 'Используется шаблон по умолчанию.'} Скачайте шаблон, измените его в Word или LibreOffice и загрузите — метки в фигурных скобках заменятся данными приказа.
      </Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => void save(() => download({ which: 'current' }))}>
          Скачать текущий
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void save(() => download({ which: 'default' }))}>
          Скачать шаблон по умолчанию
        </Button>
        <Base64Upload
          accept=".docx"
          onFile={async (file) => {
            setError(null);
            const r = await upload({ ...file, version: data.custom?.version ?? 0 });
            if (r.data) message.success(`Шаблон «${file.fileName}» загружен`);
            else setError(errorText(r));
          }}
        >
          <Button icon={<UploadOutlined />} loading={isLoading}>
            Загрузить свой шаблон
          </Button>
        </Base64Upload>
        {data.custom && (
          <Popconfirm title="Вернуть шаблон по умолчанию?" okText="Вернуть" cancelText="Отмена" onConfirm={async () => {
            const r = await reset({ version: data.custom?.version ?? 0 });
            if (r.data) message.success('Возвращён шаблон по умолчанию');
            else setError(errorText(r));
          }}>
            <Button danger>Вернуть шаблон по умолчанию</Button>
          </Popconfirm>
        )}
      </Space>
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'tags',
            label: 'Метки шаблона',
            children: (
              <Table rowKey="tag" size="small" pagination={false} dataSource={data.placeholders} columns={[{ title: 'Метка', dataIndex: 'tag', render: (v: string) => <Typography.Text code>{v}</Typography.Text> }, { title: 'Что подставляется', dataIndex: 'meaning' }]} />
            ),
          },
        ]}
      />
    </Card>
  );
}
