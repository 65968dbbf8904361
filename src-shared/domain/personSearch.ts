/**
 * Instant search over people. Every card stores tokens: each word of the normalised ФИО (lower case,
 * ё → е, so «ЁЛКИН» and «Елкина» share a prefix) and the digits of СНИЛС and document numbers.
 * A query word matches a card when it is a prefix of one of its tokens; every word must match.
 * The same functions build the tokens (server, demo, benchmark) and parse the query.
 */
import { searchKey } from './names';

export interface SearchablePerson {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  snils?: string | null;
  /** Document series and numbers as stored. */
  documents?: readonly { series?: string | null; number?: string | null }[];
  /** Extra identifiers (табельный №, № личного дела) matched like document numbers. */
  extra?: readonly (string | null | undefined)[];
}

const MAX_TOKEN = 60;

/** Words of a normalised key: «салтыков-щедрин» gives the whole word and both halves. */
function nameWords(key: string): string[] {
  const out: string[] = [];
  for (const word of key.split(' ')) {
    if (!word) continue;
    out.push(word);
    if (word.includes('-')) for (const part of word.split('-')) if (part) out.push(part);
  }
  return out;
}

function idToken(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const t = raw.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]/gu, '');
  return t.length >= 3 ? t.slice(0, MAX_TOKEN) : null;
}

/** The distinct tokens of a card. */
export function personTokens(p: SearchablePerson): string[] {
  const tokens = new Set(nameWords(searchKey(p.lastName, p.firstName, p.middleName)).map((w) => w.slice(0, MAX_TOKEN)));
  const add = (t: string | null) => {
    if (t) tokens.add(t);
  };
  add(idToken(p.snils));
  for (const d of p.documents ?? []) {
    add(idToken(d.number));
    if (d.series && d.number) add(idToken(`${d.series}${d.number}`));
  }
  for (const e of p.extra ?? []) add(idToken(e));
  return [...tokens];
}

/**
 * Query words: lower case, ё → е, punctuation dropped. A query without letters («112-233-445 95»)
 * is one number, so СНИЛС and document numbers can be typed with their usual spaces and hyphens.
 */
export function parseSearchQuery(text: string): string[] {
  const q = text.toLowerCase().replace(/ё/g, 'е').slice(0, 200);
  if (!/\p{L}/u.test(q)) {
    const d = q.replace(/\D/g, '');
    return d ? [d.slice(0, MAX_TOKEN)] : [];
  }
  const words = q
    .split(/[\s,;]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, '').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_TOKEN));
  return [...new Set(words)].slice(0, 6);
}

/**
 * The words of a search box; `null` when the text has nothing to search by (`%`, `_`, `---`): such a
 * search matches nobody — the person asked for something, and a full list would pretend it matched.
 */
export function searchWordsOf(text: string | null | undefined): string[] | null {
  const words = parseSearchQuery(text ?? '');
  return words.length === 0 && (text ?? '').trim() !== '' ? null : words;
}

/**
 * The exclusive upper bound of a prefix range: every string starting with `prefix` sorts in
 * [prefix, upperBound) in code-point order (SQLite BINARY, PostgreSQL COLLATE "C").
 */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop() as string;
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) as number) + 1);
}

/** Whether a query word may match the words of a name (used to check rows outside the index). */
export function nameMatchesWords(key: string, words: readonly string[]): boolean {
  const tokens = nameWords(key);
  return words.every((w) => tokens.some((t) => t.startsWith(w)));
}
