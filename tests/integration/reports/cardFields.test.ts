import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * The card fields the reports count (migration 0036 and the pupil card's closed lists) go through the
 * cards' one write path: validated with the field named, audited field by field, read back whole.
 */
describeEachDb('card fields for the reports', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
  });
  afterAll(async () => t?.cleanup());

  it('a staff card keeps courses and the pedagogical mark of an education, audited line by line', async () => {
    const created = await t.client.call('staff.create', {
      lastName: 'Курсова',
      firstName: 'Анна',
      sex: 'Ж',
      birthDate: '1985-01-01',
      educations: [{ level: 'высшее — специалитет', institution: 'АлтГПУ', diplomaDate: null, diplomaNumber: null, specialty: null, qualification: 'учитель истории', pedagogical: true }],
      trainings: [{ kind: 'qualification', startDate: '2025-03-01', endDate: '2025-03-20', institution: 'АИРО', programme: 'Функциональная грамотность', hours: 72, document: 'удостоверение 22-123' }],
    });
    expect(created.educations[0].pedagogical).toBe(true);
    expect(created.trainings).toEqual([{ id: expect.any(String), kind: 'qualification', startDate: '2025-03-01', endDate: '2025-03-20', institution: 'АИРО', programme: 'Функциональная грамотность', hours: 72, document: 'удостоверение 22-123' }]);
    const updated = await t.client.call('staff.update', {
      id: created.id,
      version: created.version,
      trainings: [...created.trainings, { kind: 'retraining', startDate: '2026-01-10', endDate: '2026-06-30', institution: 'АИРО', programme: 'Менеджмент в образовании', hours: 520, document: null }],
    });
    expect(updated.trainings.map((x) => x.kind)).toEqual(['qualification', 'retraining']);
    const history = await t.client.call('staff.history', { id: created.id });
    const change = history.find((h) => h.action === 'update');
    expect(JSON.stringify(change)).toContain('профессиональная переподготовка: «Менеджмент в образовании»');
    await expect(
      t.client.call('staff.update', { id: created.id, version: updated.version, trainings: [{ kind: 'qualification', startDate: '2025-05-01', endDate: '2025-04-01', institution: null, programme: 'Курс', hours: null, document: null }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Курсы, строка 1: окончание') });
    await expect(t.client.call('staff.update', { id: created.id, version: updated.version, trainings: [{ kind: 'qualification', startDate: null, endDate: null, institution: null, programme: '', hours: null, document: null }] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const after = await t.client.call('staff.get', { id: created.id });
    expect(after.version).toBe(updated.version);
    expect(after.trainings).toHaveLength(2);
  });

  it('a pupil card takes health and PE groups only from the closed lists of приказ № 514н', async () => {
    await expect(t.client.call('people.pupils.create', { lastName: 'Группова', firstName: 'Вера', sex: 'Ж', birthDate: '2015-01-01', healthGroup: 'VI' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('«Группа здоровья»: одна из групп: I, II, III, IV, V'),
    });
    await expect(t.client.call('people.pupils.create', { lastName: 'Группова', firstName: 'Вера', sex: 'Ж', birthDate: '2015-01-01', peGroup: 'лечебная' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('«Физкультурная группа»'),
    });
    const ok = await t.client.call('people.pupils.create', { lastName: 'Группова', firstName: 'Вера', sex: 'Ж', birthDate: '2015-01-01', healthGroup: 'III', peGroup: 'специальная «Б»', socialStatus: ['учёт в ПДН', 'группа риска'] });
    expect(ok).toMatchObject({ healthGroup: 'III', peGroup: 'специальная «Б»', socialStatus: ['учёт в ПДН', 'группа риска'] });
  });
});
