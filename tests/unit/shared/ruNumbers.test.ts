import { describe, expect, it } from 'vitest';
import { formatNumberRu, formatSizeRu, plural, pluralForm } from '../../../src-shared/domain/plural';

// Intl writes the group separator as a no-break space; people read it as «2 146».
const nb = (s: string) => s.replace(/ /g, '\u00a0');

describe('Russian numbers (issue 24 item 5)', () => {
  it('groups thousands with a space and writes a decimal comma', () => {
    expect(formatNumberRu(2146)).toBe(nb('2 146'));
    expect(formatNumberRu(1234567)).toBe(nb('1 234 567'));
    expect(formatNumberRu(999)).toBe('999');
    expect(formatNumberRu(14.5)).toBe('14,5');
    expect(formatNumberRu(0.333333)).toBe('0,33');
    expect(formatNumberRu(3, 1)).toBe('3,0');
  });

  it('agrees a word with its number, fractions included', () => {
    const weeks = ['учебная неделя', 'учебные недели', 'учебных недель'] as const;
    expect(plural(33, weeks)).toBe('33 учебные недели');
    expect(plural(34, weeks)).toBe('34 учебные недели');
    expect(plural(35, weeks)).toBe('35 учебных недель');
    expect(plural(21, weeks)).toBe('21 учебная неделя');
    expect(plural(11, weeks)).toBe('11 учебных недель');
    expect(plural(112, weeks)).toBe('112 учебных недель');
    expect(plural(2146, ['урок', 'урока', 'уроков'])).toBe(`${nb('2 146')} уроков`);
    expect(pluralForm(2.5, ['час', 'часа', 'часов'])).toBe('часа');
    expect(plural(0, ['урок', 'урока', 'уроков'])).toBe('0 уроков');
  });

  it('writes file sizes the Russian way', () => {
    expect(formatSizeRu(512)).toBe('512 Б');
    expect(formatSizeRu(909_312)).toBe('888,0 КБ');
    expect(formatSizeRu(15_623_782)).toBe('14,9 МБ');
    expect(formatSizeRu(3 * 1024 ** 3)).toBe('3,0 ГБ');
  });
});
