import { Alert, App, Button, Card, Collapse, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { PrintTemplateInfo } from '../../../src-shared/contract/reports';
import { formatDateTimeRu } from '../../components/format';
import { useDownload } from '../../components/downloadFile';
import { useDownloadPrintTemplateMutation, usePrintTemplatesQuery, useResetPrintTemplateMutation, useUploadPrintTemplateMutation } from './reportsApi';

/**
 * The print forms' templates, replaced like the order template: download the current one, edit it in
 * Word or LibreOffice Writer, upload it back; a file whose tags the filler cannot read is refused.
 */
function TemplateCard({ t }: { t: PrintTemplateInfo }) {
  const { message } = App.useApp();
  const [downloadTemplate] = useDownloadPrintTemplateMutation();
  const [upload, { isLoading }] = useUploadPrintTemplateMutation();
  const [reset] = useResetPrintTemplateMutation();
  const download = useDownload();
  return (
    <Card size="small" title={t.title}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {t.custom ? (
          <Alert type="success" showIcon message={`Свой шаблон школы: «${t.custom.fileName}», загружен ${formatDateTimeRu(t.custom.updatedAt)}${t.custom.updatedBy ? ` (${t.custom.updatedBy})` : ''}`} />
        ) : (
          <Alert type="info" showIcon message="Используется шаблон по умолчанию" />
        )}
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download(() => downloadTemplate({ key: t.key, which: 'current' }))}>
            Скачать текущий
          </Button>
          <Button onClick={() => void download(() => downloadTemplate({ key: t.key, which: 'default' }))}>Скачать шаблон по умолчанию</Button>
          <Upload
            accept=".docx"
            showUploadList={false}
            beforeUpload={(file) => {
              const reader = new FileReader();
              reader.onload = async () => {
                const base64 = String(reader.result).split(',')[1] ?? '';
                const r = await upload({ key: t.key, fileName: file.name, contentBase64: base64, version: t.custom?.version ?? 0 });
                if ('data' in r) message.success(`Шаблон «${file.name}» принят`);
                else message.error((r.error as { message?: string } | undefined)?.message ?? 'Шаблон не принят');
              };
              reader.readAsDataURL(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={isLoading}>
              Загрузить свой (.docx)
            </Button>
          </Upload>
          {t.custom && (
            <Popconfirm title="Вернуть шаблон по умолчанию?" okText="Вернуть" cancelText="Отмена" onConfirm={() => void reset({ key: t.key, version: t.custom?.version ?? 0 })}>
              <Button danger>Вернуть шаблон по умолчанию</Button>
            </Popconfirm>
          )}
        </Space>
        <Collapse
          size="small"
          items={[
            {
              key: 'tags',
              label: 'Метки, которые можно использовать в шаблоне',
              children: <Table rowKey="tag" size="small" pagination={false} dataSource={t.placeholders} columns={[{ title: 'Метка', dataIndex: 'tag', width: 320, render: (v: string) => <code>{v}</code> }, { title: 'Что подставляется', dataIndex: 'meaning' }]} />,
            },
          ]}
        />
      </Space>
    </Card>
  );
}

export function PrintTemplatesPage() {
  const { data } = usePrintTemplatesQuery();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">
          <Link to="/reports">Отчёты</Link> / Печатные формы
        </Typography.Text>
        <Typography.Title level={2} style={{ margin: '4px 0' }}>
          Шаблоны печатных форм
        </Typography.Title>
        <Typography.Paragraph type="secondary">Свой шаблон хранится в базе данных — все рабочие места печатают одинаково. PDF печатается в стандартной раскладке программы.</Typography.Paragraph>
      </div>
      {(data ?? []).map((t) => (
        <TemplateCard key={t.key} t={t} />
      ))}
    </Space>
  );
}
