import { afterEach, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import type { SchoolCardInput } from '../../../src-shared/contract/school';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

const CARD: SchoolCardInput = {
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»',
  shortName: 'МБОУ «СОШ № 6»',
  kind: 'Средняя общеобразовательная школа',
  inn: '2224011531',
  kpp: '222401001',
  ogrn: '1022201534574',
  email: 'school6@mail.ru',
  licenseDate: '2015-03-12',
  directorName: 'Шарапова Елена Викторовна',
};

async function auditRows(t: TestCore) {
  return t.core.db.selectFrom('auditLog').selectAll().orderBy('seq').execute();
}

describeEachDb('school card', (kind) => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore(kind);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('is empty at first, saves, and survives a restart', async () => {
    const empty = await t.client.call('school.card.get');
    expect(empty).toEqual({ card: null, version: 0, updatedAt: null });

    const saved = await t.client.call('school.card.save', { card: CARD, version: 0 });
    expect(saved.version).toBe(1);
    expect(saved.card?.shortName).toBe('МБОУ «СОШ № 6»');
    expect(saved.card?.phone).toBeNull();

    const again = await t.reopen();
    try {
      const loaded = await again.client.call('school.card.get');
      expect(loaded.card).toMatchObject({ inn: '2224011531', licenseDate: '2015-03-12', directorName: 'Шарапова Елена Викторовна' });
      expect(loaded.version).toBe(1);
    } finally {
      await again.core.appDb.close();
    }
  });

  it('refuses an invalid ИНН with a Russian message naming the field, and saves nothing', async () => {
    await t.client.call('school.card.save', { card: CARD, version: 0 });
    const before = await auditRows(t);
    const env = await t.client.raw('school.card.save', { card: { ...CARD, inn: '2224011532', shortName: 'Другое' }, version: 1 });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('VALIDATION');
    expect(env.error.message).toBe('Карточка ОО, поле «ИНН»: неверная контрольная сумма — проверьте цифры. Ничего не сохранено.');
    expect(env.error.details?.issues?.[0]?.path).toBe('card.inn');
    const after = await t.client.call('school.card.get');
    expect(after.card?.inn).toBe('2224011531');
    expect(after.card?.shortName).toBe('МБОУ «СОШ № 6»');
    expect(after.version).toBe(1);
    expect(await auditRows(t)).toHaveLength(before.length);
  });

  it('reports every bad field, including dates and cross-field rules', async () => {
    const env = await t.client.raw('school.card.save', {
      card: { ...CARD, fullName: '', licenseDate: '2015-02-30', accreditationDate: '2020-01-01', accreditationValidUntil: '2019-01-01' },
      version: 0,
    });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    const paths = env.error.details?.issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['card.fullName', 'card.licenseDate', 'card.accreditationValidUntil']));
    expect(env.error.details?.issues?.find((i) => i.path === 'card.fullName')?.message).toBe('поле «Полное наименование»: обязательное поле');
    expect((await t.client.call('school.card.get')).card).toBeNull();
  });

  it('gives CONFLICT to a stale save from a second PC and loses nothing', async () => {
    await t.client.call('school.card.save', { card: CARD, version: 0 });
    const secretary = await t.reopen();
    try {
      const mine = await t.client.call('school.card.get');
      const theirs = await secretary.client.call('school.card.get');
      await secretary.client.call('school.card.save', { card: { ...CARD, phone: '+7 (3852) 22-33-44' }, version: theirs.version });

      const err = await t.client
        .call('school.card.save', { card: { ...CARD, email: 'new@mail.ru' }, version: mine.version })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('CONFLICT');
      expect((err as AppError).message).toMatch(/другой пользователь/);
      const current = (err as AppError).details?.current as { card: { phone: string }; version: number };
      expect(current.card.phone).toBe('+7 (3852) 22-33-44');
      expect(current.version).toBe(2);

      const now = await t.client.call('school.card.get');
      expect(now.card?.phone).toBe('+7 (3852) 22-33-44');
      expect(now.card?.email).toBe('school6@mail.ru');
      // The user resolves it by saving again against the version they were shown.
      const merged = await t.client.call('school.card.save', { card: { ...CARD, phone: '+7 (3852) 22-33-44', email: 'new@mail.ru' }, version: current.version });
      expect(merged.version).toBe(3);
      expect(merged.card).toMatchObject({ phone: '+7 (3852) 22-33-44', email: 'new@mail.ru' });
    } finally {
      await secretary.core.appDb.close();
    }
  });

  it('audits create and update with field-level old → new values', async () => {
    await t.client.call('school.card.save', { card: CARD, version: 0 });
    await t.client.call('school.card.save', { card: { ...CARD, shortName: 'СОШ № 6' }, version: 1 });
    await t.client.call('school.card.save', { card: { ...CARD, shortName: 'СОШ № 6' }, version: 2 }); // no change
    const rows = await auditRows(t);
    const card = rows.filter((r) => r.entity === 'school');
    expect(card.map((r) => r.action)).toEqual(['create', 'update', 'call']);
    expect(JSON.parse(card[1].changes ?? '{}')).toEqual({ shortName: ['МБОУ «СОШ № 6»', 'СОШ № 6'] });
    expect(card[1]).toMatchObject({ method: 'school.card.save', recordId: 'main', transport: 'in-process' });
  });
});
