import iconv from 'iconv-lite';

/**
 * Bytes of a portal file → text. The portal writes Windows-1251; people re-save files in Excel or
 * editors as UTF-8 with or without a BOM. Valid UTF-8 with non-ASCII bytes is practically never
 * cp1251 Russian text, so a strict UTF-8 decode decides.
 */
export type TextEncoding = 'utf-8' | 'windows-1251';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The runtime's own cp1251 decoder (ICU; several times faster than iconv-lite), if it has one. */
const cp1251 = ((): { decode(bytes: Uint8Array): string } | null => {
  try {
    return new TextDecoder('windows-1251');
  } catch {
    return null;
  }
})();

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding; bom: boolean } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const text = cp1251 ? cp1251.decode(bytes) : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1251');
    return { text, encoding: 'windows-1251', bom: false };
  }
}

/** Characters Windows-1251 cannot hold (they would turn into `?` in the portal's file). */
export function notInCp1251(text: string): string[] {
  const back = iconv.decode(iconv.encode(text, 'win1251'), 'win1251');
  if (back === text) return [];
  const bad = new Set<string>();
  const a = [...text];
  const b = [...back];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) bad.add(a[i]);
  return [...bad];
}

export function encodeCp1251(text: string): Buffer {
  return iconv.encode(text, 'win1251');
}
