import { describe, expect, it } from 'vitest';
import { nameMatchesWords, parseSearchQuery, personTokens, prefixUpperBound } from '../../../src-shared/domain/personSearch';

describe('search tokens and queries', () => {
  it('folds case and ё on both sides: «ёлкин» matches «Елкина» and «ЁЛКИН»', () => {
    const words = parseSearchQuery('ёлкин');
    expect(words).toEqual(['елкин']);
    expect(personTokens({ lastName: 'Елкина', firstName: 'Анна' })).toContain('елкина');
    expect(personTokens({ lastName: 'ЁЛКИН', firstName: 'ПЁТР' })).toEqual(['елкин', 'петр']);
    expect(nameMatchesWords('елкина анна', words)).toBe(true);
  });
  it('indexes both halves of a double surname and the digits of СНИЛС and documents', () => {
    const t = personTokens({ lastName: 'Салтыков-Щедрин', firstName: 'Михаил', snils: '112-233-445 95', documents: [{ series: 'IV-МЮ', number: '123456' }] });
    expect(t).toEqual(expect.arrayContaining(['салтыков-щедрин', 'салтыков', 'щедрин', 'михаил', '11223344595', '123456', 'ivмю123456']));
  });
  it('reads a query of digits as one number and a name query as words in any order', () => {
    expect(parseSearchQuery('112-233-445 95')).toEqual(['11223344595']);
    expect(parseSearchQuery('  Иванова   Ан ')).toEqual(['иванова', 'ан']);
    expect(parseSearchQuery('%_\'')).toEqual([]);
  });
  it('gives a prefix range that holds every word with the prefix', () => {
    const upper = prefixUpperBound('елк');
    for (const w of ['елк', 'елкин', 'елкина', 'елкя']) expect(w >= 'елк' && w < upper, w).toBe(true);
    for (const w of ['ель', 'ел', 'елл']) expect(w >= 'елк' && w < upper, w).toBe(false);
    expect(prefixUpperBound('я')).toBe('ѐ');
  });
});
