import type { Kysely } from 'kysely';

/**
 * Portal accounts («Сетевой город») of pupils, parents and staff and their life: toCreate →
 * sentToPortal (export file) → created (login, encrypted initial password) → handedOver (date, to
 * whom, by whom). `due_date` is 3 working days after the enrolment or hiring order (work order 3.6).
 * `password_enc` is AES-256-GCM ciphertext (see src-main/core/accounts/passwordVault.ts) and is set
 * to null when the account is handed over.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('order_number', 'text')
    .addColumn('order_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('export_file', 'text')
    .addColumn('sent_on', 'text')
    .addColumn('login', 'text')
    .addColumn('password_enc', 'text')
    .addColumn('created_on', 'text')
    .addColumn('handed_over_on', 'text')
    .addColumn('handed_over_to', 'text')
    .addColumn('handed_over_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('portal_account_person', ['person_kind', 'person_id'])
    .execute();
  await db.schema.createIndex('portal_account_due').on('portal_account').columns(['status', 'due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_account').execute();
}
