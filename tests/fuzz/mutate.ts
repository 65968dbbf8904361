import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Rng } from '../../src-main/core/demo/rng';
import type { Seed } from './seeds';

/**
 * Mutations of a seed file, the damage real files arrive with: flipped bits, cut-off downloads,
 * the wrong encoding, a cell of megabytes, rows with too many or too few columns, shuffled or
 * doubled lines, broken markup, a damaged zip, plain garbage. Deterministic for a given RNG.
 */
export interface Mutant {
  bytes: Buffer;
  /** What was done, to reproduce a failure by hand. */
  steps: string[];
}

type Mutator = (rng: Rng, bytes: Buffer, seed: Seed) => Promise<{ bytes: Buffer; step: string }> | { bytes: Buffer; step: string };

function textOf(bytes: Buffer, seed: Seed): string {
  return seed.encoding === 'windows-1251' ? iconv.decode(bytes, 'win1251') : bytes.toString('utf8');
}

function bytesOf(text: string, seed: Seed): Buffer {
  return seed.encoding === 'windows-1251' ? iconv.encode(text, 'win1251') : Buffer.from(text, 'utf8');
}

const flipBits: Mutator = (rng, bytes) => {
  const out = Buffer.from(bytes);
  const n = rng.int(1, 24);
  for (let i = 0; i < n && out.length > 0; i++) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
  return { bytes: out, step: `flip ${n} bits` };
};

const truncate: Mutator = (rng, bytes) => {
  const at = rng.int(0, Math.max(0, bytes.length - 1));
  return { bytes: bytes.subarray(0, at), step: `truncate at ${at}` };
};

const insertBytes: Mutator = (rng, bytes) => {
  const at = rng.int(0, bytes.length);
  const junk = Buffer.from(Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255)));
  return { bytes: Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]), step: `insert ${junk.length} random bytes at ${at}` };
};

const deleteRange: Mutator = (rng, bytes) => {
  const from = rng.int(0, Math.max(0, bytes.length - 1));
  const len = rng.int(1, 400);
  return { bytes: Buffer.concat([bytes.subarray(0, from), bytes.subarray(from + len)]), step: `delete ${len} bytes at ${from}` };
};

const ENCODINGS = ['koi8-r', 'cp866', 'utf-16le', 'utf-16be', 'utf8', 'win1251', 'iso-8859-5', 'latin1', 'maccyrillic'];

const reencode: Mutator = (rng, bytes, seed) => {
  if (seed.encoding === 'binary') return flipBits(rng, bytes, seed);
  const to = rng.pick(ENCODINGS);
  const bom = to.startsWith('utf-16') && rng.chance(0.5);
  const body = iconv.encode(textOf(bytes, seed), to);
  const out = bom ? Buffer.concat([to === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]), body]) : body;
  return { bytes: out, step: `re-encode as ${to}${bom ? ' with BOM' : ''}` };
};

const hugeField: Mutator = (rng, bytes, seed) => {
  if (seed.encoding === 'binary') return insertBytes(rng, bytes, seed);
  const text = textOf(bytes, seed);
  const size = rng.chance(0.1) ? rng.int(1_000_000, 3_000_000) : rng.int(5_000, 200_000);
  const filler = rng.pick(['Я', 'a', ';', '"', '<td>', '&amp;', '1', ' ', '\u0000', 'ё\r\n']);
  const at = rng.int(0, text.length);
  const huge = filler.repeat(Math.ceil(size / filler.length)).slice(0, size);
  return { bytes: bytesOf(text.slice(0, at) + huge + text.slice(at), seed), step: `insert a ${size}-character field of «${JSON.stringify(filler)}» at ${at}` };
};

const columnCounts: Mutator = (rng, bytes, seed) => {
  if (seed.encoding === 'binary') return deleteRange(rng, bytes, seed);
  const lines = textOf(bytes, seed).split(/(\r?\n)/);
  const touched = rng.int(1, 6);
  for (let k = 0; k < touched; k++) {
    const i = rng.int(0, lines.length - 1) & ~1;
    if (!lines[i]) continue;
    const html = lines[i].includes('<t');
    if (rng.chance(0.5)) lines[i] += html ? '<td>лишняя</td>'.repeat(rng.int(1, 40)) : ';'.repeat(rng.int(1, 40));
    else lines[i] = html ? lines[i].replace(/<td[^>]*>[^<]*<\/td>/gi, (m) => (rng.chance(0.3) ? '' : m)) : lines[i].split(';').slice(0, rng.int(0, 20)).join(';');
  }
  return { bytes: bytesOf(lines.join(''), seed), step: `change the column count of ${touched} lines` };
};

const lineOps: Mutator = (rng, bytes, seed) => {
  if (seed.encoding === 'binary') return truncate(rng, bytes, seed);
  const lines = textOf(bytes, seed).split(/\r?\n/);
  const op = rng.pick(['shuffle', 'duplicate', 'drop', 'eol', 'quote'] as const);
  if (op === 'shuffle') for (let i = lines.length - 1; i > 0; i--) { const j = rng.int(0, i); [lines[i], lines[j]] = [lines[j], lines[i]]; }
  if (op === 'duplicate') for (let k = 0; k < rng.int(1, 200); k++) lines.splice(rng.int(0, lines.length), 0, rng.pick(lines));
  if (op === 'drop') for (let k = 0; k < rng.int(1, 5); k++) lines.splice(rng.int(0, Math.max(0, lines.length - 1)), 1);
  if (op === 'quote') for (let k = 0; k < rng.int(1, 5); k++) { const i = rng.int(0, Math.max(0, lines.length - 1)); lines[i] = `"${lines[i]}`; }
  const eol = op === 'eol' ? rng.pick(['\n', '\r', '\r\n', '\u2028', '']) : '\r\n';
  return { bytes: bytesOf(lines.join(eol), seed), step: `lines: ${op}` };
};

const MARKUP = ['</table>', '<table>', '<tr>', '</td>', '<td colspan="99999">', '<th rowspan="-1">', '<!--', ']]>', '<![CDATA[', '&#0;', '&#xFFFFFFF;', '&nosuch;', '<?xml version="1.0"?>', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', '&b;', '<class name="', '"/>', '</TimeTableExchange>', '<TimeTableExchange>', '\u0000'];

const markup: Mutator = (rng, bytes, seed) => {
  if (seed.encoding === 'binary') return flipBits(rng, bytes, seed);
  let text = textOf(bytes, seed);
  const n = rng.int(1, 6);
  for (let k = 0; k < n; k++) {
    const at = rng.int(0, text.length);
    text = rng.chance(0.3) ? text.slice(0, at) + text.slice(at + rng.int(1, 30)) : text.slice(0, at) + rng.pick(MARKUP) + text.slice(at);
  }
  return { bytes: bytesOf(text, seed), step: `${n} markup edits` };
};

/** A damaged xlsx: a byte of the zip flipped, or a part of it rewritten with damage inside. */
const zipDamage: Mutator = async (rng, bytes, seed) => {
  if (seed.encoding !== 'binary') return markup(rng, bytes, seed);
  // JSZip throws some errors of a damaged zip from a timer, where no catch reaches them: only the
  // seed's own (sound) zip is opened here; an already damaged one is damaged further byte-wise.
  if (bytes !== seed.bytes || rng.chance(0.3)) return flipBits(rng, bytes, seed);
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
  if (names.length === 0) return flipBits(rng, bytes, seed);
  const name = rng.pick(names);
  let xml = await zip.file(name)!.async('string');
  const op = rng.pick(['cut', 'tag', 'huge', 'drop'] as const);
  if (op === 'cut') xml = xml.slice(0, rng.int(0, xml.length));
  if (op === 'tag') xml = xml.replace(/<\/?[a-zA-Z:]+/g, (m) => (rng.chance(0.05) ? m + 'x' : m));
  if (op === 'huge') xml = xml.replace(/<v>[^<]*<\/v>/, `<v>${'9'.repeat(rng.int(1000, 100_000))}</v>`).replace(/r="[A-Z]+\d+"/, 'r="XFD1048576"');
  if (op === 'drop') zip.remove(name);
  else zip.file(name, xml);
  return { bytes: Buffer.from(await zip.generateAsync({ type: 'nodebuffer' })), step: `xlsx part ${name}: ${op}` };
};

const garbage: Mutator = (rng) => {
  const n = rng.chance(0.2) ? 0 : rng.int(1, 4096);
  return { bytes: Buffer.from(Array.from({ length: n }, () => rng.int(0, 255))), step: `${n} random bytes` };
};

const MUTATORS: [Mutator, number][] = [
  [flipBits, 20],
  [truncate, 12],
  [insertBytes, 6],
  [deleteRange, 6],
  [reencode, 12],
  [hugeField, 4],
  [columnCounts, 14],
  [lineOps, 10],
  [markup, 10],
  [zipDamage, 8],
  [garbage, 2],
];
const TOTAL = MUTATORS.reduce((s, [, w]) => s + w, 0);

function pickMutator(rng: Rng): Mutator {
  let x = rng.next() * TOTAL;
  for (const [m, w] of MUTATORS) if ((x -= w) < 0) return m;
  return flipBits;
}

/** One to three mutations of the seed, in order. */
export async function mutate(rng: Rng, seed: Seed): Promise<Mutant> {
  let bytes = seed.bytes;
  const steps: string[] = [];
  for (let k = rng.int(1, 3); k > 0; k--) {
    const r = await pickMutator(rng)(rng, bytes, seed);
    bytes = r.bytes;
    steps.push(r.step);
  }
  return { bytes, steps };
}
