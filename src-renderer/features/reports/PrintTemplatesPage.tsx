import { ReportPageHead } from './ReportPageHead';
import { Base64Upload } from '../../components/FileUpload';
import { Alert, App, Button, Card, Collapse, Popconfirm, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
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
          <Base64Upload
            accept=".docx"
            onFile={async (file) => {
              const r = await upload({ key: t.key, ...file, version: t.custom?.version ?? 0 });
              if ('data' in r) message.success(`Шаблон «${file.fileName}» принят`);
              else message.error((r.error as { message?: string } | undefined)?.message ?? 'Шаблон не принят');
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={isLoading}>
              Загрузить свой (.docx)
            </Button>
          </Base64Upload>
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
      <ReportPageHead section="Печатные формы" title="Шаблоны печатных форм">
        <Typography.Paragraph type="secondary">Свой шаблон хранится в базе данных — все рабочие места печатают одинаково. PDF печатается в стандартной раскладке программы.</Typography.Paragraph>
      </ReportPageHead>
      {(data ?? []).map((t) => (
        <TemplateCard key={t.key} t={t} />
      ))}
    </Space>
  );
}
