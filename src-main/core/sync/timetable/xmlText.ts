import { AppError } from '../../../../src-shared/errors';
import { decodeText } from '../formats/decode';
import { wrongEncoding, wrongEncodingMessage } from '../formats/textCheck';
import { checkXml, declaredEncoding } from '../formats/xmlCheck';

/**
 * A timetable file from another program (ExportCM, aSc Timetables, FET) as checked text: decoded
 * (UTF-8 with or without a BOM, UTF-16 with a BOM, else Windows-1251), its declared encoding the one
 * it is written in, its letters plausible Russian, and the XML well-formed and complete (the
 * exchange's own checks, `formats/xmlCheck.ts` and `formats/textCheck.ts`). Anything else refuses
 * the whole file with the line and the element, in Russian; nothing has been read into the program.
 */

export function fileRefused(fileName: string, line: number | null, message: string): AppError {
  const where = line ? `строка ${line}: ` : '';
  return new AppError('VALIDATION', `Файл «${fileName}» не загружен: ${where}${message}. Ничего не изменено.`, { fileName, line });
}

const UTF8_NAMES = new Set(['utf-8', 'utf8']);
const CP1251_NAMES = new Set(['windows-1251', 'cp1251', 'win1251', 'win-1251', 'x-cp1251']);

function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16' };
  }
  const d = decodeText(bytes);
  return { text: d.text, encoding: d.encoding };
}

/** Checked text of an XML file, or a refusal naming the file, the line and what is wrong. */
export function readXmlFile(fileName: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw fileRefused(fileName, null, 'файл пустой');
  const { text, encoding } = decode(bytes);
  if (encoding !== 'utf-16' && bytes.subarray(0, 4000).includes(0)) throw fileRefused(fileName, null, 'это не XML-файл (в нём двоичные данные)');
  if (!/^\uFEFF?\s*</.test(text)) throw fileRefused(fileName, 1, 'это не XML-файл: он должен начинаться со знака «<»');
  const declared = declaredEncoding(text.slice(0, 2000));
  if (declared && encoding === 'utf-8' && CP1251_NAMES.has(declared) && /[\u0080-\uffff]/.test(text)) {
    throw fileRefused(fileName, 1, `в первой строке указана кодировка ${declared}, а записан файл в UTF-8 — его пересохранили в другой программе. Выгрузите файл заново или исправьте encoding на UTF-8`);
  }
  if (declared && encoding === 'windows-1251' && UTF8_NAMES.has(declared)) {
    throw fileRefused(fileName, 1, 'в первой строке указана кодировка UTF-8, а записан файл в другой (однобайтовой) кодировке. Сохраните его в UTF-8 и загрузите снова');
  }
  const guess = wrongEncoding(text);
  if (guess) throw fileRefused(fileName, null, wrongEncodingMessage(guess));
  const problem = checkXml(text);
  if (problem) throw fileRefused(fileName, problem.line, problem.message);
  return text.replace(/^\uFEFF/, '');
}

/** The root element's name, for telling formats apart and for «this is not a … file». */
export function rootName(text: string): string | null {
  const m = /<([A-Za-z_][\w.:-]*)[\s/>]/.exec(text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>]*>/gi, ''));
  return m ? m[1] : null;
}

/** Line of the n-th (0-based) opening tag `<name` in the text, for messages about a record. */
export function lineOfElement(text: string, name: string, n: number): number | null {
  const re = new RegExp(`<${name}[\\s/>]`, 'g');
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    if (i === n) {
      let line = 1;
      for (let k = text.indexOf('\n'); k >= 0 && k < m.index; k = text.indexOf('\n', k + 1)) line++;
      return line;
    }
    i++;
  }
  return null;
}
