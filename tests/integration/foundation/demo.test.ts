import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSchool } from '../../../src-main/core/demo/generateSchool';
import { MALE_NAMES } from '../../../src-main/core/demo/names';
import { writeDemo } from '../../../src-main/core/demo/writeDemo';
import { checkSnils } from '../../../src-shared/domain/validators';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

describe('demo school generator', () => {
  const school = generateSchool();

  it('is deterministic for a seed and different for another', () => {
    expect(generateSchool()).toEqual(school);
    expect(generateSchool({ seed: 7 }).pupils[0]).not.toEqual(school.pupils[0]);
  });

  it('has the size of a real school: 1–11 grades, ~33 classes, ~800 pupils, ~70 staff', () => {
    expect(new Set(school.classes.map((c) => c.grade))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(school.classes).toHaveLength(33);
    expect(school.pupils.length).toBeGreaterThan(700);
    expect(school.pupils.length).toBeLessThan(900);
    expect(school.staff.length).toBeGreaterThanOrEqual(65);
    expect(school.staff.length).toBeLessThanOrEqual(80);
  });

  it('agrees sex with patronymic and surname, and every СНИЛС is valid and unique', () => {
    const people = [...school.pupils, ...school.parents, ...school.staff];
    for (const p of people) {
      if (p.sex === 'М') expect(p.middleName, `${p.lastName} ${p.firstName}`).toMatch(/(ич)$/);
      else expect(p.middleName, `${p.lastName} ${p.firstName}`).toMatch(/(на)$/);
      if (p.sex === 'Ж' && /(ов|ев|ин)$/.test(p.lastName)) throw new Error(`masculine surname for a woman: ${p.lastName}`);
      expect(checkSnils(p.snils), p.snils).toBeNull();
    }
    expect(new Set(people.map((p) => p.snils)).size).toBe(people.length);
  });

  it('links every pupil to a parent at least 18 years older, fathers give the patronymic, siblings share parents', () => {
    const byId = new Map(school.parents.map((p) => [p.id, p]));
    const pupils = new Map(school.pupils.map((p) => [p.id, p]));
    const linked = new Set(school.links.map((l) => l.pupilId));
    expect(linked.size).toBe(school.pupils.length);
    for (const l of school.links) {
      const parent = byId.get(l.parentId)!;
      const child = pupils.get(l.pupilId)!;
      expect(Number(child.birthDate.slice(0, 4)) - Number(parent.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(18);
      if (l.relation === 'отец') {
        expect(parent.sex).toBe('М');
        const forms = MALE_NAMES.find(([name]) => name === parent.firstName)!;
        expect(child.middleName).toBe(child.sex === 'М' ? forms[1] : forms[2]);
      }
      if (l.relation === 'мать') expect(parent.sex).toBe('Ж');
    }
    const childrenPerParent = new Map<string, number>();
    for (const l of school.links) childrenPerParent.set(l.parentId, (childrenPerParent.get(l.parentId) ?? 0) + 1);
    expect([...childrenPerParent.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
  });

  it('puts grade-1 pupils at the right age for September 2026', () => {
    const grade1 = new Set(school.classes.filter((c) => c.grade === 1).map((c) => c.id));
    for (const p of school.pupils.filter((x) => grade1.has(x.classId))) {
      expect(p.birthDate >= '2019-09-01' && p.birthDate <= '2020-08-31', p.birthDate).toBe(true);
    }
  });
});

describeEachDb('demo school in the database', (kind) => {
  let t: TestCore;
  afterEach(async () => t?.cleanup());

  it('writes everything in one transaction with the school card and rosters', async () => {
    t = await createTestCore(kind);
    const counts = await writeDemo(t.core.db, generateSchool());
    expect(counts.classes).toBe(33);
    // Rosters come from the signed enrolment orders of the movement book (issue 6): everybody is
    // in a class on 1 September.
    const members = await t.core.db
      .selectFrom('classMembership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('startDate', '<=', '2026-09-01')
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', '2026-09-01')]))
      .executeTakeFirstOrThrow();
    expect(Number(members.n)).toBe(generateSchool().pupils.length);
    const card = await t.client.call('school.card.get');
    expect(card.card?.shortName).toBe('МБОУ «СОШ № 6»');
    const yelkin = await t.core.db.selectFrom('pupil').select('searchKey').where('lastName', 'like', 'Ёлкин%').execute();
    for (const r of yelkin) expect(r.searchKey.startsWith('елкин')).toBe(true);
  });

  it('leaves nothing behind when writing fails half-way', async () => {
    t = await createTestCore(kind);
    const school = generateSchool();
    school.links.push({ pupilId: 'no-such-pupil', parentId: school.parents[0].id, relation: 'мать' });
    await expect(writeDemo(t.core.db, school)).rejects.toThrow();
    const pupils = await t.core.db.selectFrom('pupil').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(pupils.n)).toBe(0);
    expect((await t.client.call('school.card.get')).card).toBeNull();
  });
});

describe('command line', () => {
  const bin = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'school-office.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-cli-'));

  it('prints help in Russian', () => {
    const text = execFileSync(process.execPath, [bin, '--help']).toString();
    expect(text).toContain('Использование: school-office <команда>');
    expect(text).toContain('demo');
  });

  it('creates the demo database, refuses to overwrite it, and backs it up', () => {
    const file = path.join(dir, 'demo.sqlite3');
    // The timetable part of the demo is tested through the same builder in tests/integration/timetable/demo.test.ts.
    const text = execFileSync(process.execPath, [bin, 'demo', '--out', file, '--data', dir, '--without-timetable'], { env: { ...process.env, DATABASE_URL: '' } }).toString();
    expect(text).toMatch(/33 класса, \d+ обучающихся/);
    expect(fs.existsSync(file)).toBe(true);
    let failed = '';
    try {
      execFileSync(process.execPath, [bin, 'demo', '--out', file], { stdio: 'pipe', env: { ...process.env, DATABASE_URL: '' } });
    } catch (e) {
      failed = String((e as { stderr: Buffer }).stderr);
    }
    expect(failed).toContain('уже существует');
    const backup = execFileSync(process.execPath, [bin, 'backup', '--data', dir], { env: { ...process.env, DATABASE_URL: `sqlite:${file}` } }).toString();
    expect(backup).toContain('Резервная копия создана и проверена');
    expect(fs.readdirSync(path.join(dir, 'backups')).length).toBe(1);
  });
});
