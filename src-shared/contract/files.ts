import { z } from './zodRu';

/**
 * A generated file travelling through any transport: JSON-safe, so base64. The renderer saves it with
 * `downloadFile` (src-renderer/components/downloadFile.ts).
 */
export const exportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
  /** Rows of data in the file (people, log entries…), recorded in the export's audit row. */
  rows: z.number().int(),
});
export type ExportedFile = z.output<typeof exportedFile>;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
