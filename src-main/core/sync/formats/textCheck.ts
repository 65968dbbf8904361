import iconv from 'iconv-lite';

/**
 * Is decoded text plausible Russian? A file in another single-byte encoding decodes without an
 * error as Windows-1251 — KOI8-R bytes become «бУФТПОПНЙС» — and would be written into the cards
 * as such. Each such misreading is a fixed letter permutation, so the text is compared with the
 * same text re-read in the other encodings people meet (KOI8-R, DOS 866, UTF-8 saved as 1251): when
 * one of them looks much more like Russian (letter frequencies, word case), the file is refused.
 */

/** Letter frequencies of Russian text, per cent (national corpus). */
const FREQ: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49, м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01,
  ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.04,
};
const LOG = new Map(Object.entries(FREQ).map(([l, p]) => [l, Math.log(p / 100)]));

/** How Russian a text looks: mean log-probability of its letters less a penalty for odd word case. */
export interface Plausibility {
  letters: number;
  /** Mean natural log of the letters' frequencies (Russian prose ≈ −3.1; a misreading ≈ −3.8 or worse). */
  mean: number;
  /** Share of words like «иВАНОВ» (lower case then capitals), which real text practically never has. */
  oddCase: number;
  /** Share of non-ASCII characters that are not Russian letters (misread DOS text is mostly symbols). */
  symbols: number;
}

const SAMPLE = 200_000;

export function plausibility(text: string): Plausibility {
  const s = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let letters = 0;
  let sum = 0;
  let words = 0;
  let odd = 0;
  let nonAscii = 0;
  let other = 0;
  // The current word: its length and whether a capital followed a small letter inside it.
  let len = 0;
  let sawLower = false;
  let lowerThenUpper = false;
  let upperThenLower = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const cyr = (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451;
    if (cyr) {
      const lower = c >= 0x430 || c === 0x451;
      const ch = String.fromCharCode(lower ? c : c === 0x401 ? 0x451 : c + 32);
      sum += LOG.get(ch) ?? Math.log(0.0004);
      letters++;
      if (lower) sawLower = true;
      else if (sawLower) lowerThenUpper = true;
      if (lower && len > 1 && !sawLower) upperThenLower = true;
      len++;
      continue;
    }
    if (c > 127) {
      nonAscii++;
      other++;
    }
    if (len >= 3) {
      words++;
      // «иВАНОВ» and «ИВАНов» are what case inversion makes of «Иванов»; «ИВАНОВ» and «Иванов» are fine.
      if (lowerThenUpper || upperThenLower) odd++;
    }
    len = 0;
    sawLower = false;
    lowerThenUpper = false;
    upperThenLower = false;
  }
  const all = nonAscii + letters;
  return { letters, mean: letters ? sum / letters : 0, oddCase: words ? odd / words : 0, symbols: all ? other / all : 0 };
}

function score(p: Plausibility): number {
  return p.mean - 2 * p.oddCase - 3 * p.symbols;
}

/** The same bytes re-read: text decoded as Windows-1251 that was really written in another encoding. */
const REREADINGS: { name: string; from(text: string): string }[] = [
  { name: 'KOI8-R', from: (t) => iconv.decode(iconv.encode(t, 'win1251'), 'koi8-r') },
  { name: 'DOS, CP866', from: (t) => iconv.decode(iconv.encode(t, 'win1251'), 'cp866') },
  { name: 'UTF-8, прочитанной как Windows-1251', from: (t) => iconv.decode(iconv.encode(t, 'win1251'), 'utf-8') },
];

/** Fewer letters than this say nothing about the encoding (a list of dates and numbers). */
const MIN_LETTERS = 40;

export interface EncodingGuess {
  /** The encoding the file seems to be in. */
  encoding: string;
  /** A word as it was read, and as it reads in that encoding. */
  seen: string;
  meant: string;
}

/** The first word of misread letters (or symbols), for the message. */
function firstWord(text: string): [number, number] | null {
  const m = /[^\s\d;,.:"'<>=/()|-]{4,}/.exec(text.replace(/[ -~]/g, (c) => (/[a-z]/i.test(c) ? ' ' : c)));
  return m ? [m.index, m.index + Math.min(m[0].length, 24)] : null;
}

/**
 * Null when the text reads as Russian (or holds too little text to tell); otherwise the encoding
 * the file seems to be in, with a word as read and as meant.
 */
export function wrongEncoding(text: string): EncodingGuess | null {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const own = plausibility(sample);
  if (own.letters < MIN_LETTERS && own.symbols < 0.5) return null;
  const mine = score(own);
  // Real Russian (even a list of surnames) scores above −3.6; do not second-guess it.
  if (mine > -3.6 && own.oddCase < 0.2 && own.symbols < 0.2) return null;
  let best: { name: string; score: number; text: string } | null = null;
  for (const r of REREADINGS) {
    const reread = r.from(sample);
    const other = plausibility(reread);
    if (other.letters < MIN_LETTERS) continue;
    const s = score(other);
    if (s > mine + 0.4 && (!best || s > best.score)) best = { name: r.name, score: s, text: reread };
  }
  if (!best) return null;
  const at = firstWord(sample);
  const seen = at ? sample.slice(at[0], at[1]) : '';
  // Single-byte re-readings keep positions; the UTF-8 one is re-read word by word.
  const meant = !seen ? '' : best.text.length === sample.length ? best.text.slice(at![0], at![1]) : REREADINGS.find((r) => r.name === best.name)!.from(seen);
  return { encoding: best.name, seen, meant };
}

/** The Russian sentence for a file in the wrong encoding. */
export function wrongEncodingMessage(g: EncodingGuess): string {
  const example = g.seen ? `: «${g.seen}» там, где, видимо, «${g.meant}»` : '';
  return `файл, похоже, в другой кодировке (${g.encoding}?)${example}. Откройте его в Excel или блокноте, сохраните в кодировке Windows-1251 или UTF-8 и загрузите снова`;
}
