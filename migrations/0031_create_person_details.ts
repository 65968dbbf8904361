import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Child records of the people cards (issue 5): documents, structured addresses, an optional photo;
 * the search tokens behind the instant search; and the log of merged cards (so a merged card's
 * history and old links stay findable). `person_kind` is 'pupil' | 'parent' | 'staff'.
 *
 * `person_search_token.token` holds one word of the normalised ФИО (lower case, ё → е) or the digits
 * of a СНИЛС/document number; a prefix query is a range scan over it. On PostgreSQL the column uses
 * the "C" collation so the range [prefix, next) holds every word with that prefix whatever the
 * server's locale — the only dialect branch here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('person_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('series', 'text')
    .addColumn('number', 'text')
    .addColumn('issue_date', 'text')
    .addColumn('issuer', 'text')
    .addColumn('issuer_code', 'text')
    .execute();
  await db.schema.createIndex('person_document_person').on('person_document').columns(['person_kind', 'person_id']).execute();

  await db.schema
    .createTable('person_address')
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text')
    .addColumn('region', 'text')
    .addColumn('district', 'text')
    .addColumn('settlement', 'text')
    .addColumn('street', 'text')
    .addColumn('house', 'text')
    .addColumn('building', 'text')
    .addColumn('flat', 'text')
    .addPrimaryKeyConstraint('person_address_pk', ['person_kind', 'person_id', 'kind'])
    .execute();

  await db.schema
    .createTable('person_photo')
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_photo_pk', ['person_kind', 'person_id'])
    .execute();

  await db.schema
    .createTable('person_search_token')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token', isPg ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_search_token_pk', ['kind', 'token', 'person_id'])
    .execute();
  await db.schema.createIndex('person_search_token_person').on('person_search_token').columns(['kind', 'person_id']).execute();

  await db.schema
    .createTable('person_merge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('kept_id', 'text', (c) => c.notNull())
    .addColumn('removed_id', 'text', (c) => c.notNull())
    .addColumn('removed_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text')
    .execute();
  await db.schema.createIndex('person_merge_kept').on('person_merge').columns(['kind', 'kept_id']).execute();
  await db.schema.createIndex('person_merge_removed').on('person_merge').columns(['kind', 'removed_id']).execute();

  // Cards written before this migration get their tokens now (a frozen copy of the tokeniser:
  // migrations import nothing from the app).
  for (const kind of ['pupil', 'parent', 'staff']) {
    // Aliases without underscores read the same whether or not the caller's Kysely has CamelCasePlugin.
    const rows = (await db.selectFrom(kind).select(['id', 'search_key as key', 'snils']).execute()) as { id: string; key: string; snils: string | null }[];
    for (let i = 0; i < rows.length; i += 200) {
      const values = rows.slice(i, i + 200).flatMap((r) => tokensOf(r.key, r.snils).map((token) => ({ kind, token, person_id: r.id })));
      if (values.length > 0) await db.insertInto('person_search_token').values(values).execute();
    }
    await db.updateTable(kind).set({ search_indexed: 1 }).execute();
  }
}

function tokensOf(key: string, snils: string | null): string[] {
  const out = new Set<string>();
  for (const word of key.split(' ')) {
    if (!word) continue;
    out.add(word.slice(0, 60));
    if (word.includes('-')) for (const part of word.split('-')) if (part) out.add(part.slice(0, 60));
  }
  const digits = (snils ?? '').replace(/\D/g, '');
  if (digits.length >= 3) out.add(digits);
  return [...out];
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['person_merge', 'person_search_token', 'person_photo', 'person_address', 'person_document']) await db.schema.dropTable(t).execute();
  for (const kind of ['pupil', 'parent', 'staff']) await db.updateTable(kind).set({ search_indexed: 0 }).execute();
}
