import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../src-main/core/db/createDb';

describe('SQLite statement cache (what Kysely prepares through)', () => {
  it('reuses a statement by its SQL, prepares anew while one is being iterated, and bounds its size', () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.exec('create table t (n integer)');
    const db = withStatementCache(sqlite, 2);
    const insert = db.prepare('insert into t (n) values (?)');
    for (const n of [1, 2, 3]) db.prepare('insert into t (n) values (?)').run([n]);
    expect(db.prepare('insert into t (n) values (?)')).toBe(insert);
    const select = 'select n from t order by n';
    const first = db.prepare(select) as unknown as BetterSqlite3.Statement<[], { n: number }>;
    const seen: number[][] = [];
    for (const row of first.iterate()) {
      // The cached statement is busy: the same SQL gets its own statement and a whole answer.
      const inner = db.prepare(select) as unknown as BetterSqlite3.Statement<[], { n: number }>;
      expect(inner).not.toBe(first);
      seen.push([row.n, inner.all().length]);
    }
    expect(seen).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(db.prepare(select)).toBe(first);
    // A third distinct statement pushes out the oldest of the two kept.
    db.prepare('select count(*) from t');
    expect(db.prepare('insert into t (n) values (?)')).not.toBe(insert);
    db.close();
    expect(sqlite.open).toBe(false);
  });
});
