import type { ReactNode } from 'react';
import { Upload } from 'antd';

/** A picked file the way the contract carries files. */
export interface PickedFile {
  fileName: string;
  contentBase64: string;
}

/** The file's bytes as base64 (a data URL read by the browser, its header cut off). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error ?? new Error('Файл не прочитан'));
    reader.readAsDataURL(file);
  });
}

/**
 * The button (children) that picks one file and hands it over read as base64; antd's own uploader
 * sends nothing — the page calls the contract method itself.
 */
export function Base64Upload({ accept, onFile, children }: { accept: string; onFile: (file: PickedFile) => void | Promise<void>; children: ReactNode }) {
  return (
    <Upload
      accept={accept}
      showUploadList={false}
      beforeUpload={(file) => {
        void readBase64(file).then((contentBase64) => onFile({ fileName: file.name, contentBase64 }));
        return false;
      }}
    >
      {children}
    </Upload>
  );
}
