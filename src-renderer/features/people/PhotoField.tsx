import { Button, Space, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';

/**
 * An optional photo: any image the user picks is scaled down to 300×400 and stored as a JPEG data
 * URL (tens of kilobytes), so a card stays light to load and to back up.
 */
function shrink(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(1, 300 / img.width, 400 / img.height);
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.width * scale);
      canvas.height = Math.round(img.height * scale);
      canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(img.src);
      resolve(canvas.toDataURL('image/jpeg', 0.85));
    };
    img.onerror = () => reject(new Error('не удалось прочитать изображение'));
    img.src = URL.createObjectURL(file);
  });
}

export function PhotoField({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  return (
    <Space orientation="vertical" align="center">
      <div style={{ width: 120, height: 160, border: '1px dashed #d9d9d9', borderRadius: 8, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden', background: '#fafafa' }}>
        {value ? <img src={value} alt="Фотография" style={{ maxWidth: '100%', maxHeight: '100%' }} /> : <span style={{ color: '#999' }}>Нет фото</span>}
      </div>
      <Space>
        <Upload
          accept="image/*"
          showUploadList={false}
          beforeUpload={(file) => {
            void shrink(file).then((url) => onChange?.(url));
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />}>
            Фото
          </Button>
        </Upload>
        {value && <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onChange?.(null)} aria-label="Удалить фото" />}
      </Space>
    </Space>
  );
}
