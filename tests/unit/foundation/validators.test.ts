import { describe, expect, it } from 'vitest';
import { checkEmail, checkInn, checkKpp, checkOgrn, checkPhone, checkSnils, formatSnils, normalisePhone, snilsChecksum } from '../../../src-shared/domain/validators';
import { PERSON_SHAPE } from '../../../src-shared/contract/peopleFields';

describe('ИНН', () => {
  it('accepts valid 10- and 12-digit numbers', () => {
    expect(checkInn('7707083893')).toBeNull(); // Сбербанк
    expect(checkInn('500100732259')).toBeNull();
    expect(checkInn('500100732259', 'person')).toBeNull();
  });
  it('rejects a changed check digit, wrong length and letters', () => {
    expect(checkInn('7707083894')).toMatch(/контрольная сумма/);
    expect(checkInn('500100732258')).toMatch(/контрольная сумма/);
    expect(checkInn('123')).toMatch(/10 цифр/);
    expect(checkInn('77070838a3')).toMatch(/только цифры/);
    expect(checkInn('500100732259', 'legal')).toMatch(/10 цифр/);
  });
});

describe('СНИЛС', () => {
  it('checks the control number', () => {
    expect(checkSnils('112-233-445 95')).toBeNull();
    expect(checkSnils('112-233-445 94')).toMatch(/контрольная сумма/);
    expect(checkSnils('087-654-303 00')).toBeNull();
  });
  it('accepts numbers up to 001-001-998 without a check', () => {
    expect(checkSnils('001-001-998 77')).toBeNull();
    expect(checkSnils('001-001-999 00')).not.toBeNull();
  });
  it('refuses the all-zero number however it is spelled (the placeholder a form once accepted)', () => {
    for (const v of ['000-000-000 00', '00000000000', '000 000 000 00', '000-000-000 01']) {
      expect(checkSnils(v), v).toMatch(/не бывает/);
    }
  });
  it('formats and computes checksums consistently', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    for (const body of ['112233445', '087654303', '123456789', '999999999']) {
      expect(checkSnils(body + snilsChecksum(body))).toBeNull();
    }
  });
});

describe('ОГРН, КПП, contacts', () => {
  it('checks ОГРН and ОГРНИП check digits', () => {
    expect(checkOgrn('1027700132195')).toBeNull(); // Сбербанк
    expect(checkOgrn('1027700132194')).toMatch(/контрольная цифра/);
    expect(checkOgrn('304500116000157')).toBeNull();
    expect(checkOgrn('12345')).toMatch(/13 цифр/);
  });
  it('checks КПП shape', () => {
    expect(checkKpp('773601001')).toBeNull();
    expect(checkKpp('7736AB001')).toBeNull();
    expect(checkKpp('77360100')).not.toBeNull();
  });
  it('checks e-mail and phone', () => {
    expect(checkEmail('school6@mail.ru')).toBeNull();
    expect(checkEmail('школа@')).not.toBeNull();
    expect(checkPhone('+7 (3852) 12-34-56')).toBeNull();
    expect(checkPhone('12')).not.toBeNull();
  });
});

describe('phones are stored in one spelling (issue 24 item 7)', () => {
  it('normalises every usual spelling of a mobile and keeps a typed area code', () => {
    for (const typed of ['9131234567', '89131234567', '+79131234567', '+7 913 123-45-67', '8-913-123-45-67', '+7 (913) 123 45 67']) expect(normalisePhone(typed)).toBe('+7 (913) 123-45-67');
    expect(normalisePhone('8 (3852) 12-34-56')).toBe('+7 (3852) 12-34-56');
    expect(normalisePhone('(38532) 2-34-56')).toBe('+7 (38532) 2-34-56');
    expect(normalisePhone('3852123456')).toBe('+7 (385) 212-34-56');
    expect(normalisePhone('123456')).toBe('12-34-56');
    expect(normalisePhone('1234567')).toBe('123-45-67');
  });
  it('the card schema stores the normalised phone and refuses an unreadable one, naming the problem', () => {
    const phoneOf = (v: string) => PERSON_SHAPE.phoneMobile.safeParse(v);
    expect(phoneOf('9131234567')).toMatchObject({ success: true, data: '+7 (913) 123-45-67' });
    const bad = phoneOf('913 123 45');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe('номер указан неверно (пример: +7 (3852) 12-34-56)');
    expect(phoneOf('+7 913 123 45 67 89').success).toBe(false);
  });
});
