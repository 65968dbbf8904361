import { App, Button, Card, Space, Typography } from 'antd';
import { downloadFile } from '../../components/downloadFile';
import { useExportKeysMutation, useImportKeysMutation } from './systemApi';
import { Base64Upload } from '../../components/FileUpload';

/**
 * «Ключи шифрования» (issue 19, item 6): the portal-passwords key and the database key belong to the
 * data folder; saved to a file kept apart, they let a moved folder or another office computer print
 * the account letters (and open an encrypted database whose key the OS key store cannot give back).
 */
export function KeysCard() {
  const { message, modal } = App.useApp();
  const [exportKeys, { isLoading: exporting }] = useExportKeysMutation();
  const [importKeys, { isLoading: importing }] = useImportKeysMutation();
  return (
    <Card size="small" title="Ключи шифрования" style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        Начальные пароли учётных записей портала (и база данных, если она зашифрована) защищены ключами, которые хранятся в папке
        данных этого компьютера. Сохраните ключи в файл и держите его отдельно от копий базы, как ключ от сейфа: с ним письма с
        паролями печатаются на другом компьютере или после переноса папки данных.
      </Typography.Paragraph>
      <Space wrap>
        <Button
          loading={exporting}
          onClick={async () => {
            const r = await exportKeys({});
            if ('data' in r && r.data) {
              downloadFile(r.data);
              message.success(`Ключи сохранены в файл ${r.data.fileName}. Не храните его рядом с копиями базы.`);
            }
          }}
        >
          Сохранить ключи в файл
        </Button>
        <Base64Upload
          accept=".json"
          onFile={async ({ contentBase64 }) => {
            const r = await importKeys({ contentBase64 });
            if ('data' in r && r.data) modal.success({ title: 'Ключи загружены', content: r.data.message });
          }}
        >
          <Button loading={importing}>Загрузить ключи из файла…</Button>
        </Base64Upload>
      </Space>
    </Card>
  );
}
