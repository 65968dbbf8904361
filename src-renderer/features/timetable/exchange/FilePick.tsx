import { useRef, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { fileToBase64 } from '../../exchange/exchangeApi';

/** A file of another program picked for an import, read as base64 for the contract. */
export type Upload = { fileName: string; contentBase64: string } | null;

export function FilePick({ label, accept, onPick }: { label: string; accept: string; onPick: (f: Upload) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <Space>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={label}
        accept={accept}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          setName(f?.name ?? null);
          onPick(f ? { fileName: f.name, contentBase64: await fileToBase64(f) } : null);
        }}
      />
      <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
        Выбрать файл
      </Button>
      <Typography.Text type={name ? undefined : 'secondary'}>{name ?? 'файл не выбран'}</Typography.Text>
    </Space>
  );
}
