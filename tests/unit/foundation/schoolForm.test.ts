import { describe, expect, it } from 'vitest';
import { serverIssuesToFields, validateCard } from '../../../src-renderer/features/school/schoolForm';
import type { SchoolCardInput } from '../../../src-shared/contract/school';

const base: SchoolCardInput = { fullName: 'Школа № 6', shortName: 'СОШ 6', kind: 'Лицей', phone: '111-11-11', email: 'a@b.ru' };

describe('school card form logic', () => {
  it('validates with the server schema and names the failing field', () => {
    const r = validateCard({ ...base, inn: '2224011532' });
    expect(r.card).toBeNull();
    expect(r.errors.inn).toBe('неверная контрольная сумма — проверьте цифры');
    expect(validateCard(base).card?.inn).toBeNull();
  });

  it('maps server issues to form fields', () => {
    expect(serverIssuesToFields([{ path: 'card.kpp', message: 'поле «КПП»: нужно 9 символов' }])).toEqual({ kpp: 'нужно 9 символов' });
  });
});
