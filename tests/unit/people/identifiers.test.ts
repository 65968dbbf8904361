import { describe, expect, it } from 'vitest';
import { checkInn, checkSnils } from '../../../src-shared/domain/validators';
import {
  checkBirthCertificateNumber,
  checkBirthCertificateSeries,
  checkDivisionCode,
  checkDocument,
  checkMedicalPolicyNumber,
  checkPassportSeries,
  documentTitle,
  normaliseBirthCertificateSeries,
  normaliseDocument,
} from '../../../src-shared/domain/documents';
import { PUPIL_SCHEMAS } from '../../../src-shared/contract/peoplePupilCard';

describe('СНИЛС (issue 5, «Done when»)', () => {
  it('accepts 112-233-445 95 and rejects 112-233-445 94', () => {
    expect(checkSnils('112-233-445 95')).toBeNull();
    expect(checkSnils('112-233-445 94')).toMatch(/контрольная сумма/);
  });
  it('accepts 087-654-303 00 (a checksum of 100 and 101 gives 00)', () => {
    expect(checkSnils('087-654-303 00')).toBeNull();
    expect(checkSnils('08765430300')).toBeNull();
  });
  it('accepts numbers up to 001-001-998 without a check, and checks the next one', () => {
    expect(checkSnils('001-001-998 00')).toBeNull();
    expect(checkSnils('000-000-001 99')).toBeNull();
    expect(checkSnils('001-001-999 00')).toMatch(/контрольная сумма/);
  });
  it('rejects a wrong length with a Russian message', () => {
    expect(checkSnils('112-233-445')).toMatch(/11 цифр/);
  });
});

describe('ИНН of a person (12 digits)', () => {
  it('accepts 500100732259 and rejects it with the last digit changed', () => {
    expect(checkInn('500100732259', 'person')).toBeNull();
    expect(checkInn('500100732258', 'person')).toMatch(/контрольная сумма/);
    expect(checkInn('500100732250', 'person')).toMatch(/контрольная сумма/);
  });
  it('refuses an organisation ИНН on a person card', () => {
    expect(checkInn('7707083893', 'person')).toMatch(/12 цифр/);
  });
});

describe('birth certificate series', () => {
  it('normalises «iv-мю» typed in lower case to IV-МЮ', () => {
    expect(normaliseBirthCertificateSeries('iv-мю')).toBe('IV-МЮ');
  });
  it('normalises Cyrillic look-alikes in the numeral and Latin look-alikes in the letters', () => {
    // Cyrillic І (U+0406) and Latin M (U+004D): both look right on screen and both are wrong.
    expect(normaliseBirthCertificateSeries('\u0406V-MЮ')).toBe('IV-МЮ');
    expect(normaliseBirthCertificateSeries('ХII-ВА')).toBe('XII-ВА'); // Cyrillic Х in the numeral
    expect(normaliseBirthCertificateSeries('XII-BA')).toBe('XII-ВА'); // Latin B, A in the letters
    expect(normaliseBirthCertificateSeries('IV МЮ')).toBe('IV-МЮ');
    expect(normaliseBirthCertificateSeries('  iv мю ')).toBe('IV-МЮ');
    expect(normaliseBirthCertificateSeries('IVМЮ')).toBe('IV-МЮ');
    expect(normaliseBirthCertificateSeries('Ⅳ-мю')).toBe('IV-МЮ');
  });
  it('keeps the normalised value valid and rejects what is not a series', () => {
    expect(checkBirthCertificateSeries('iv-мю')).toBeNull();
    expect(checkBirthCertificateSeries('XLII-АБ')).toBeNull();
    expect(checkBirthCertificateSeries('IIII-МЮ')).toMatch(/римское число/);
    expect(checkBirthCertificateSeries('IV-М')).toMatch(/римское число/);
    expect(checkBirthCertificateSeries('12-МЮ')).toMatch(/римское число/);
  });
  it('wants 6 digits in the number', () => {
    expect(checkBirthCertificateNumber('123456')).toBeNull();
    expect(checkBirthCertificateNumber('12345')).toMatch(/6 цифр/);
    expect(checkBirthCertificateNumber('12345a')).toMatch(/6 цифр/);
  });
});

describe('passport and other documents', () => {
  it('checks series, number and division code formats', () => {
    expect(checkPassportSeries('01 23')).toBeNull();
    expect(checkPassportSeries('0123')).toBeNull();
    expect(checkPassportSeries('012')).toMatch(/4 цифры/);
    expect(checkDivisionCode('220001')).toBeNull();
    expect(checkDivisionCode('220-001')).toBeNull();
    expect(checkDivisionCode('22-0001')).toBeNull();
    expect(checkDivisionCode('2200')).toMatch(/6 цифр/);
    expect(checkMedicalPolicyNumber('1234 5678 9012 3456', false)).toBeNull();
    expect(checkMedicalPolicyNumber('123', false)).toMatch(/16 цифр/);
  });
  it('stores documents in their canonical spelling', () => {
    const doc = normaliseDocument({ type: 'passport', series: '01 23', number: '456 789', issueDate: null, issuer: null, issuerCode: '220001' });
    expect(doc).toMatchObject({ series: '0123', number: '456789', issuerCode: '220-001' });
    expect(documentTitle(doc)).toBe('Паспорт гражданина РФ 01 23 456789');
  });
  it('refuses a passport issued before 14 and a document issued before birth or in the future', () => {
    const passport = { type: 'passport' as const, series: '0123', number: '456789', issueDate: '2024-01-10', issuer: null, issuerCode: null };
    expect(checkDocument(passport, '2012-05-01', '2026-11-29').map((i) => i.message)).toEqual(['паспорт гражданина РФ выдаётся с 14 лет']);
    expect(checkDocument({ ...passport, issueDate: '2026-05-01' }, '2012-05-01', '2026-11-29')).toEqual([]);
    const cert = { type: 'birthCertificate' as const, series: 'IV-МЮ', number: '123456', issueDate: '2011-01-01', issuer: null, issuerCode: null };
    expect(checkDocument(cert, '2012-05-01', '2026-11-29')[0].message).toMatch(/раньше даты рождения/);
    expect(checkDocument({ ...cert, issueDate: '2027-01-01' }, '2012-05-01', '2026-11-29')[0].message).toMatch(/в будущем/);
  });
  it('normalises a birth certificate through the card schema, so the server stores IV-МЮ', () => {
    const parsed = PUPIL_SCHEMAS.patch.parse({ documents: [{ type: 'birthCertificate', series: 'iv-мю', number: '654321', issueDate: null, issuer: null, issuerCode: null }] });
    expect(parsed.documents?.[0]).toMatchObject({ series: 'IV-МЮ', number: '654321' });
    const bad = PUPIL_SCHEMAS.patch.safeParse({ documents: [{ type: 'birthCertificate', series: 'ЖЖ-МЮ', number: '1', issueDate: null, issuer: null, issuerCode: null }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['documents.0.series', 'documents.0.number']);
  });
});
