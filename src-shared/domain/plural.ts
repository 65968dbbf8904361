const INTEGER = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });

/**
 * A number as Russian text writes it: groups of thousands split by a (non-breaking) space and a
 * decimal comma — «2 146», «14,5». One helper for the screens, the files and the CLI.
 */
export function formatNumberRu(n: number, fractionDigits?: number): string {
  if (fractionDigits !== undefined) return new Intl.NumberFormat('ru-RU', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
  return (Number.isInteger(n) ? INTEGER : DECIMAL).format(n);
}

/**
 * The form of a word that agrees with a number: pluralForm(33, ['неделя', 'недели', 'недель']) →
 * «недели»; a fraction takes the second form («2,5 часа»).
 */
export function pluralForm(n: number, forms: readonly [string, string, string]): string {
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n) % 100;
  const last = abs % 10;
  return abs > 10 && abs < 20 ? forms[2] : last > 1 && last < 5 ? forms[1] : last === 1 ? forms[0] : forms[2];
}

/** Russian plural forms with the number: plural(3, ['класс', 'класса', 'классов']) → «3 класса», «2 146 классов». */
export function plural(n: number, forms: readonly [string, string, string]): string {
  return `${formatNumberRu(n)} ${pluralForm(n, forms)}`;
}

const SIZE_UNITS = ['Б', 'КБ', 'МБ', 'ГБ'] as const;

/** A file size for people: «512 Б», «888,0 КБ», «14,9 МБ» (binary units, one decimal, decimal comma). */
export function formatSizeRu(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${formatNumberRu(value)} ${SIZE_UNITS[0]}` : `${formatNumberRu(value, 1)} ${SIZE_UNITS[unit]}`;
}
