import { sql } from 'kysely';
import { personTokens, prefixUpperBound, type SearchablePerson } from '../../../../src-shared/domain/personSearch';
import type { PersonKind } from '../../../../src-shared/domain/personRules';
import { likeWordPrefix } from '../../foundation/sqlLike';
import { readDocuments } from './personChildren';
import type { Executor } from '../../foundation/executor';

/**
 * The search index of the people cards: `person_search_token` rows (a name word or the digits of a
 * СНИЛС/document number) and the query plan over them. A query word matches a card when it is the
 * prefix of one of the card's tokens. Portable SQL only: prefix ranges on the token index, LIKE on
 * the stored search key.
 */

/** Above this many token hits a word is "dense": walking the name order finds 50 matches sooner. */
export const DENSE_TOKEN_HITS = 1500;

const TABLES = { pupil: 'pupil', parent: 'parent', staff: 'staff' } as const;

export async function writeSearchTokens(db: Executor, kind: PersonKind, personId: string, person: SearchablePerson): Promise<void> {
  await db.deleteFrom('personSearchToken').where('kind', '=', kind).where('personId', '=', personId).execute();
  const tokens = personTokens(person);
  if (tokens.length > 0) await db.insertInto('personSearchToken').values(tokens.map((token) => ({ kind, token, personId }))).execute();
  await db.updateTable(TABLES[kind]).set({ searchIndexed: 1 }).where('id', '=', personId).execute();
}

/**
 * Builds the tokens of cards written straight into the table by other modules (the movement book
 * creates pupils, imports write in bulk); a partial index finds them without a scan. Idempotent, so
 * two office PCs healing at once do no harm.
 */
export async function indexPendingCards(db: Executor, kind: PersonKind): Promise<number> {
  const table = TABLES[kind];
  let done = 0;
  for (;;) {
    // A literal 0, not a bound parameter: only then can SQLite use the partial index of migration 0030.
    const rows = await db.selectFrom(table).select(['id', 'lastName', 'firstName', 'middleName', 'snils']).where(sql<boolean>`search_indexed = 0`).limit(500).execute();
    if (rows.length === 0) return done;
    const docs = await readDocuments(db, kind, rows.map((r) => r.id));
    const values = rows.flatMap((r) => personTokens({ ...r, documents: docs.get(r.id) ?? [] }).map((token) => ({ kind, token, personId: r.id })));
    await db.deleteFrom('personSearchToken').where('kind', '=', kind).where('personId', 'in', rows.map((r) => r.id)).execute();
    for (let i = 0; i < values.length; i += 300) {
      await db.insertInto('personSearchToken').values(values.slice(i, i + 300)).onConflict((oc) => oc.doNothing()).execute();
    }
    await db.updateTable(table).set({ searchIndexed: 1 }).where('id', 'in', rows.map((r) => r.id)).execute();
    done += rows.length;
  }
}

function tokenRange(db: Executor, kind: PersonKind, word: string) {
  return db
    .selectFrom('personSearchToken')
    .where('kind', '=', kind)
    .where('token', '>=', word)
    .where('token', '<', prefixUpperBound(word));
}

/** Token hits of a word, counted up to `cap` (an index range scan that stops early). */
export async function tokenHits(db: Executor, kind: PersonKind, word: string, cap = DENSE_TOKEN_HITS): Promise<number> {
  const inner = tokenRange(db, kind, word).select('personId').limit(cap);
  const r = await db
    .selectFrom(inner.as('hits'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The condition of a search that can match nobody (see `searchWordsOf`). */
export const MATCHES_NOBODY = sql<boolean>`1 = 0`;

export interface SearchPlan {
  /** The word whose token range drives the query (sparse), or null to walk the name order (dense). */
  driver: string | null;
  words: string[];
}

export async function planSearch(db: Executor, kind: PersonKind, words: readonly string[]): Promise<SearchPlan> {
  let best: { word: string; hits: number } | null = null;
  for (const word of words) {
    const hits = await tokenHits(db, kind, word);
    if (hits === 0) return { driver: word, words: [...words] };
    if (!best || hits < best.hits) best = { word, hits };
  }
  return { driver: best && best.hits < DENSE_TOKEN_HITS ? best.word : null, words: [...words] };
}

/**
 * The condition "the card in `table` matches every word of the plan". A word with digits is checked
 * against the token index; a name word against the stored search key with LIKE (the key is lower
 * case with ё → е, so the match ignores case and ё on both databases).
 */
export function searchCondition(db: Executor, kind: PersonKind, table: 'pupil' | 'parent' | 'staff', plan: SearchPlan) {
  const id = sql.ref<string>(`${table}.id`);
  const key = sql.ref(`${table}.searchKey`);
  const parts = [];
  if (plan.driver !== null) parts.push(sql<boolean>`${id} in (${tokenRange(db, kind, plan.driver).select('personId')})`);
  for (const word of plan.words) {
    if (word === plan.driver) continue;
    if (/\d/.test(word)) {
      parts.push(sql<boolean>`exists (${tokenRange(db, kind, word).select('personId').where('personSearchToken.personId', '=', id)})`);
    } else if (word.includes('-')) {
      parts.push(likeWordPrefix(key, word));
    } else {
      parts.push(likeWordPrefix(sql`replace(${key}, '-', ' ')`, word));
    }
  }
  return parts.length === 0 ? sql<boolean>`1 = 1` : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}
