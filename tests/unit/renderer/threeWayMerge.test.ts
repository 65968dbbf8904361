import { describe, expect, it } from 'vitest';
import { applyMerge, describeValue, planMerge, sameValue } from '../../../src-renderer/components/card/threeWayMerge';
import { changedFields, pathOf, pickValues, serverProblems } from '../../../src-renderer/components/card/cardValues';

const KEYS = ['lastName', 'phoneMobile', 'email', 'note', 'documents', 'hasOvz'];
const LABELS = { lastName: 'Фамилия', phoneMobile: 'Мобильный телефон', email: 'Эл. почта', note: 'Примечание', documents: 'Документы', hasOvz: 'ОВЗ' };
const base = { lastName: 'Иванова', phoneMobile: '+7 (913) 000-00-00', email: null, note: '', documents: [{ type: 'birthCertificate', number: '123456' }], hasOvz: false };

describe('three-way merge of a stale save', () => {
  it('keeps their change where I did not edit and mine where they did not', () => {
    const theirs = { ...base, phoneMobile: '+7 (913) 111-11-11' };
    const mine = { ...base, email: 'ivanova@example.ru' };
    const plan = planMerge(base, mine, theirs, KEYS, LABELS);
    expect(plan.taken.map((f) => f.label)).toEqual(['Мобильный телефон']);
    expect(plan.kept.map((f) => f.label)).toEqual(['Эл. почта']);
    expect(plan.conflicts).toEqual([]);
    expect(applyMerge(plan, {})).toEqual({ ...base, phoneMobile: '+7 (913) 111-11-11', email: 'ivanova@example.ru' });
  });

  it('shows a field both changed to different values as a conflict and takes the pick, never a silent winner', () => {
    const theirs = { ...base, lastName: 'Петрова', note: 'их примечание' };
    const mine = { ...base, lastName: 'Сидорова', note: 'моё примечание', hasOvz: true };
    const plan = planMerge(base, mine, theirs, KEYS, LABELS);
    expect(plan.conflicts.map((f) => [f.label, f.mine, f.theirs])).toEqual([
      ['Фамилия', 'Сидорова', 'Петрова'],
      ['Примечание', 'моё примечание', 'их примечание'],
    ]);
    expect(plan.kept.map((f) => f.key)).toEqual(['hasOvz']);
    expect(() => applyMerge(plan, { lastName: 'mine' })).toThrow(/Примечание/);
    const merged = applyMerge(plan, { lastName: 'theirs', note: 'mine' });
    expect(merged).toMatchObject({ lastName: 'Петрова', note: 'моё примечание', hasOvz: true, phoneMobile: base.phoneMobile });
  });

  it('treats the same new value on both sides as agreement, and lists compare as whole values', () => {
    const doc = [{ type: 'birthCertificate', number: '654321' }];
    const theirs = { ...base, email: 'a@b.ru', documents: doc };
    const mine = { ...base, email: 'a@b.ru', documents: [{ number: '654321', type: 'birthCertificate' }] };
    const plan = planMerge(base, mine, theirs, KEYS, LABELS);
    expect(plan.conflicts).toEqual([]);
    expect(plan.fields.find((f) => f.key === 'documents')?.outcome).toBe('mine');
    expect(plan.fields.find((f) => f.key === 'email')?.outcome).toBe('mine');
  });

  it('does not count an emptied text against null, or undefined against an empty string, as a change', () => {
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(undefined, '')).toBe(true);
    expect(sameValue({ a: '', b: 1 }, { b: 1, a: null })).toBe(true);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue(false, null)).toBe(false);
    const plan = planMerge(base, { ...base, note: null, email: '' }, base, KEYS, LABELS);
    expect(plan.fields.every((f) => f.outcome === 'same')).toBe(true);
  });

  it('describes values the way the dialog shows them', () => {
    expect(describeValue(null)).toBe('(пусто)');
    expect(describeValue('')).toBe('(пусто)');
    expect(describeValue(true)).toBe('да');
    expect(describeValue('2014-09-01')).toBe('01.09.2014');
    expect(describeValue(2146)).toBe((2146).toLocaleString('ru-RU'));
    expect(describeValue(['ОГЭ', 'ЕГЭ'])).toBe('ОГЭ; ЕГЭ');
    expect(describeValue([{ id: 'x1', type: 'Паспорт', series: '01 02', number: '123456', issueDate: '2020-05-06', version: 3 }])).toBe('Паспорт 01 02 123456 06.05.2020');
    expect(describeValue('data:image/jpeg;base64,AAAA')).toBe('фотография');
  });
});

describe('card values', () => {
  it('sends only the fields that differ from what the form loaded, empty text as null', () => {
    const values = { ...base, note: 'новое', email: '' };
    expect(changedFields(values, base, KEYS)).toEqual(['note']);
    expect(pickValues({ note: 'новое', email: '' }, ['note', 'email', 'absent'])).toEqual({ note: 'новое', email: null });
  });

  it('puts the server issues on their fields', () => {
    expect(pathOf('documents.0.number')).toEqual(['documents', 0, 'number']);
    expect(serverProblems([{ path: 'snils', message: 'поле «СНИЛС»: неверная контрольная сумма' }])).toEqual([{ name: ['snils'], message: 'неверная контрольная сумма' }]);
  });
});
