/**
 * Is an XML text well-formed and complete? The parser we read ExportCM with forgives: a file cut at
 * a line end came in with 22 of 30 classes, a missing `</class>` with one class. Before anything is
 * read, one pass over the tags checks that every element is closed by its own closing tag, that
 * the root is closed and nothing follows it, and that no tag, attribute, comment or declaration is
 * cut off; the first problem comes back with its line and the element, in Russian.
 */
export interface XmlProblem {
  line: number;
  message: string;
}

interface Open {
  name: string;
  /** `<class name="7Б">`: the element as a person finds it in the file. */
  shown: string;
  line: number;
}

const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]/;
/** Attributes that say which element it is, in order of preference. */
const TELLING = ['name', 'id', 'sid', 'tid', 'timeId', 'wd'];

export function checkXml(text: string): XmlProblem | null {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Line numbers move forward with the scan (positions only grow).
  let lineAtPos = 0;
  let line = 1;
  const lineOf = (pos: number): number => {
    for (; lineAtPos < pos && lineAtPos < n; lineAtPos++) if (text.charCodeAt(lineAtPos) === 10) line++;
    return line;
  };
  const stack: Open[] = [];
  let rootClosed = false;
  let rootSeen = false;
  const problem = (pos: number, message: string): XmlProblem => ({ line: lineOf(pos), message });

  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (stack.length === 0 && textEnd > i && text.slice(i, textEnd).trim() !== '') {
      const at = i + text.slice(i, textEnd).search(/\S/);
      return problem(at, rootClosed ? `после закрытия корневого элемента есть ещё текст «${text.slice(at, at + 30).trim()}»` : `текст «${text.slice(at, at + 30).trim()}» вне элементов`);
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      const e = text.indexOf('?>', lt + 2);
      if (e < 0) return problem(lt, 'файл обрывается внутри объявления «<?…»');
      i = e + 2;
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      const e = text.indexOf('-->', lt + 4);
      if (e < 0) return problem(lt, 'комментарий «<!--» не закрыт до конца файла');
      i = e + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const e = text.indexOf(']]>', lt + 9);
      if (e < 0) return problem(lt, 'раздел CDATA не закрыт до конца файла');
      if (stack.length === 0) return problem(lt, 'раздел CDATA вне элементов');
      i = e + 3;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      const e = text.indexOf('>', lt + 2);
      if (e < 0) return problem(lt, 'файл обрывается внутри объявления «<!…»');
      i = e + 1;
      continue;
    }
    const closing = text.charCodeAt(lt + 1) === 47;
    let p = closing ? lt + 2 : lt + 1;
    if (p >= n) return problem(lt, 'файл обрывается на знаке «<»');
    if (!NAME_START.test(text[p])) return problem(lt, `после «<» нет имени элемента: «${text.slice(lt, lt + 20).replace(/\s+/g, ' ')}»`);
    const nameStart = p;
    while (p < n && NAME_CHAR.test(text[p])) p++;
    const name = text.slice(nameStart, p);
    if (closing) {
      while (p < n && /\s/.test(text[p])) p++;
      if (p >= n) return problem(lt, `файл обрывается внутри закрывающего тега «</${name}»`);
      if (text[p] !== '>') return problem(p, `в закрывающем теге «</${name}» лишние символы «${text.slice(p, p + 15)}»`);
      const top = stack[stack.length - 1];
      if (!top) return problem(lt, `закрывающий тег </${name}> без открывающего`);
      if (top.name !== name) {
        const deeper = stack.some((o) => o.name === name);
        return problem(
          lt,
          deeper
            ? `элемент ${top.shown} (строка ${top.line}) не закрыт: вместо </${top.name}> встретился </${name}>`
            : `закрывающий тег </${name}> не соответствует открытому элементу ${top.shown} (строка ${top.line})`,
        );
      }
      stack.pop();
      if (stack.length === 0) rootClosed = true;
      i = p + 1;
      continue;
    }
    if (rootClosed) return problem(lt, `после закрытия корневого элемента начинается ещё один элемент <${name}>`);
    // Attributes up to `>` or `/>`; a value may hold `>` but never `<`.
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (p < n && /\s/.test(text[p])) p++;
      if (p >= n) return problem(lt, `файл обрывается внутри тега <${name}${describe(attrs)}…>`);
      const c = text[p];
      if (c === '>') break;
      if (c === '/') {
        if (text[p + 1] === '>') {
          selfClosing = true;
          p++;
          break;
        }
        if (p + 1 >= n) return problem(lt, `файл обрывается внутри тега <${name}${describe(attrs)}…>`);
        return problem(p, `в теге <${name}> лишний знак «/»`);
      }
      if (!NAME_START.test(c)) return problem(p, `в теге <${name}${describe(attrs)}> неожиданный знак «${c}»`);
      const a = p;
      while (p < n && NAME_CHAR.test(text[p])) p++;
      const attr = text.slice(a, p);
      while (p < n && /\s/.test(text[p])) p++;
      if (p >= n) return problem(lt, `файл обрывается внутри тега <${name}${describe(attrs)}…>`);
      if (text[p] !== '=') return problem(p, `у атрибута ${attr} в теге <${name}> нет значения`);
      p++;
      while (p < n && /\s/.test(text[p])) p++;
      const q = text[p];
      if (q !== '"' && q !== "'") {
        if (p >= n) return problem(lt, `файл обрывается внутри тега <${name}${describe(attrs)}…>`);
        return problem(p, `значение атрибута ${attr} в теге <${name}> не в кавычках`);
      }
      const e = text.indexOf(q, p + 1);
      if (e < 0) return problem(p, `файл обрывается внутри значения атрибута ${attr} тега <${name}${describe(attrs)}…>`);
      const value = text.slice(p + 1, e);
      if (value.includes('<')) return problem(p, `значение атрибута ${attr} в теге <${name}> не закрыто кавычкой (в нём встретился «<»)`);
      if (Object.prototype.hasOwnProperty.call(attrs, attr)) return problem(p, `атрибут ${attr} повторяется в теге <${name}>`);
      attrs[attr] = value;
      p = e + 1;
    }
    rootSeen = true;
    if (!selfClosing) stack.push({ name, shown: `<${name}${describe(attrs)}>`, line: lineOf(lt) });
    else if (stack.length === 0) rootClosed = true;
    i = p + 1;
  }
  if (!rootSeen) return { line: 1, message: 'в файле нет ни одного элемента XML' };
  if (stack.length > 0) {
    const open = [...stack].reverse().slice(0, 4).map((o) => `${o.shown} (строка ${o.line})`).join(', ');
    return problem(n, `файл обрывается: не закрыт${stack.length > 1 ? 'ы' : ''} ${open}${stack.length > 4 ? ' и другие' : ''} — файл обрезан или испорчен`);
  }
  return null;
}

function describe(attrs: Record<string, string>): string {
  const key = TELLING.find((k) => attrs[k] !== undefined);
  return key ? ` ${key}="${attrs[key].slice(0, 60)}"` : '';
}

/** The encoding an XML declaration or an HTML meta tag names, lower case, or null. */
export function declaredEncoding(head: string): string | null {
  const xml = /^\uFEFF?\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}
