import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertMany, pipelinedInserts } from '../../../src-main/core/db/insertMany';
import { createTestCore, describeEachDb, type TestCore } from '../../helpers/testDb';

/**
 * The import's bulk insert writes exactly what Kysely's `insertInto().values()` writes — the same
 * rows read back, quotes, backslashes, Cyrillic, emoji, nulls and numbers included, over several
 * statements — and, pipelined inside a transaction, a failed insert is the error thrown and the
 * transaction keeps nothing.
 */
describeEachDb('insertMany, the bulk insert of imports', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const texts = ['Иванова «Мария»', "О'Нил", 'back\\slash', 'кавычки "двойные"', 'эмодзи 🙂', '', 'строка\nс переносом', '{"json":"в тексте"}', 'tab\there'];
  function rows(prefix: string, n: number) {
    return Array.from({ length: n }, (_, i) => ({
      id: `${prefix}${String(i).padStart(5, '0')}`,
      personKind: i % 2 ? 'pupil' : 'parent',
      personId: `p-${i}`,
      sortOrder: i,
      type: texts[i % texts.length],
      series: i % 3 === 0 ? null : String(i * 7),
      number: i % 5 === 0 ? null : texts[(i + 3) % texts.length],
      issueDate: i % 4 === 0 ? null : '2020-02-29',
      issuer: i % 7 === 0 ? null : `${texts[(i + 1) % texts.length]} ${'ж'.repeat(i % 300)}`,
      issuerCode: null,
    }));
  }
  const readBack = async (prefix: string) =>
    (await t.core.db.selectFrom('personDocument').selectAll().where('id', 'like', `${prefix}%`).orderBy('id').execute()).map((r) => ({ ...r, id: r.id.slice(prefix.length) }));

  it('writes the same rows as Kysely, over several statements', async () => {
    // 4 500 rows: three PostgreSQL statements, two on SQLite (10 columns → 3 000 rows each).
    await insertMany(t.core.db, 'personDocument', rows('fast-', 4500));
    const ref = rows('kysely-', 4500);
    for (let i = 0; i < ref.length; i += 1000) await t.core.db.insertInto('personDocument').values(ref.slice(i, i + 1000)).execute();
    const fast = await readBack('fast-');
    expect(fast).toHaveLength(4500);
    expect(fast).toEqual(await readBack('kysely-'));
    expect(fast[1].type).toBe("О'Нил");
    expect(fast[4].type).toBe('эмодзи 🙂');
    expect(fast[0].series).toBeNull();
  });

  it('columns with one value across a chunk (a text, a number, a null) are written as Kysely writes them', async () => {
    const same = (prefix: string) => rows(prefix, 2500).map((r) => ({ ...r, personKind: 'staff', sortOrder: 7, issueDate: null, type: "О'Нил \\ «один»" }));
    await insertMany(t.core.db, 'personDocument', same('same-'));
    const ref = same('samek-');
    for (let i = 0; i < ref.length; i += 1000) await t.core.db.insertInto('personDocument').values(ref.slice(i, i + 1000)).execute();
    const back = await readBack('same-');
    expect(back).toHaveLength(2500);
    expect(back).toEqual(await readBack('samek-'));
    expect(back[3]).toMatchObject({ personKind: 'staff', sortOrder: 7, issueDate: null, type: "О'Нил \\ «один»" });
  });

  it('a row that leaves a column out is written as Kysely writes it (the default on PostgreSQL, null on SQLite)', async () => {
    const leaveOut = (prefix: string) => {
      const [a, b] = rows(prefix, 2);
      const { issuer: _, ...noIssuer } = b;
      return [a, noIssuer as typeof b];
    };
    await insertMany(t.core.db, 'personDocument', leaveOut('dflt-'));
    await t.core.db.insertInto('personDocument').values(leaveOut('dfltk-')).execute();
    const back = await readBack('dflt-');
    expect(back[1].issuer).toBeNull();
    expect(back).toEqual(await readBack('dfltk-'));
  });

  it('pipelined inside a transaction: later reads see the rows; a failed insert is what is thrown, and nothing is kept', async () => {
    const seen = await t.core.db.transaction().execute((trx) =>
      pipelinedInserts(trx, async () => {
        await insertMany(trx, 'personDocument', rows('pipe-', 2500));
        await insertMany(trx, 'personDocument', rows('pipe2-', 10));
        return (await trx.selectFrom('personDocument').select((eb) => eb.fn.countAll().as('n')).where('id', 'like', 'pipe%').executeTakeFirstOrThrow()).n;
      }),
    );
    expect(Number(seen)).toBe(2510);

    const before = await readBack('dup-');
    const err = await t.core.db
      .transaction()
      .execute((trx) =>
        pipelinedInserts(trx, async () => {
          await insertMany(trx, 'personDocument', rows('dup-', 3));
          // The same ids again: the primary key refuses; the statements after it only fail because the transaction has.
          await insertMany(trx, 'personDocument', rows('dup-', 3));
          await insertMany(trx, 'personDocument', rows('dup-after-', 3));
          await trx.selectFrom('personDocument').select('id').where('id', 'like', 'dup-%').execute();
        }),
      )
      .catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/unique|duplicate|UNIQUE/i);
    expect((err as Error).message).not.toMatch(/aborted/);
    expect(await readBack('dup-')).toEqual(before);
  });

  if (kind === 'postgres') {
    it('the schema has no json or jsonb column (the fast path would store a JSON text there as a JSON string)', async () => {
      const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_schema = 'public' and data_type in ('json', 'jsonb')`.execute(t.core.db);
      expect(r.rows[0].n).toBe(0);
    });
  }
});
