import type { Kysely } from 'kysely';

/**
 * The deadline monitor (issue 20). `deadline_rule` holds the administrator's copies of the shipped
 * rules (same key) and the school's own rules; a shipped rule without a row here is used as
 * shipped. `deadline_completion` is the history the monitor cannot recompute: an owner's tick with
 * its note, and done tasks frozen with the date they were due when their rule changed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deadline_rule')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('month_day', 'text')
    // «offset» is a reserved word in SQL.
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('confirm', 'text', (c) => c.notNull())
    .addColumn('check_kind', 'text')
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('report_key', 'text')
    .addColumn('link', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('deadline_completion')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_key', 'text', (c) => c.notNull().unique())
    .addColumn('rule_key', 'text', (c) => c.notNull())
    // tick | frozen
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text')
    .addColumn('done_by_user_id', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadline_completion_rule').on('deadline_completion').columns(['rule_key', 'due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deadline_completion').execute();
  await db.schema.dropTable('deadline_rule').execute();
}
