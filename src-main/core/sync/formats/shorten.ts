/**
 * A name made to fit a field, never cut mid-word: the longest words after the first are abbreviated
 * to six letters («Основы духовно-нравственной культуры народов России» → «Основы духовн. культуры
 * народов России»); if that is not enough, whole words are kept from the start while they fit. Used
 * where the portal's text is longer than our field allows; the preview shows the result and says so.
 */
const KEEP = 6;

export function shortenWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const words = clean.split(' ');
  const length = () => words.join(' ').length;
  // Longest first; the first word stays whole: it names the thing.
  const order = words.map((w, i) => [w.length, i] as const).filter(([, i]) => i > 0).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (length() <= max) break;
    const m = /^([\p{L}-]+)([,:;]?)$/u.exec(words[i]);
    if (!m || m[1].length <= KEEP + 2) continue;
    words[i] = `${m[1].slice(0, KEEP)}.${m[2]}`;
  }
  if (length() <= max) return words.join(' ');
  let out = '';
  for (const w of words) {
    if ((out ? out.length + 1 : 0) + w.length > max) break;
    out = out ? `${out} ${w}` : w;
  }
  return (out.replace(/[,:;]$/, '') || clean.slice(0, max)).trim();
}
