import type { Kysely } from 'kysely';

/**
 * The movement book (книга движения): orders (приказы) with their items per pupil, the effects each
 * signed order applied (so cancelling it reverts exactly those), number counters (order numbers per
 * year and suffix, the alphabet book, personal files), the alphabet-book register, and the order
 * item that started or ended each class membership. History is never overwritten: memberships are
 * ended, not deleted, and cancelled orders and annulled register numbers stay in the book.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Suffix of each order type's number («12-з»); types with the same suffix share a sequence.
  await db.schema
    .createTable('movement_order_series')
    .addColumn('order_type', 'text', (c) => c.primaryKey())
    .addColumn('suffix', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Last number handed out per key: `order:<yearId>:<suffix>`, `alphabet`, `personalFile:<letter>`.
  // One row updated in place, so two office PCs signing at once get different numbers.
  await db.schema
    .createTable('movement_counter')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('movement_order')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('academic_year_id', 'text', (c) => c.notNull().references('academic_year.id'))
    .addColumn('order_type', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('number_text', 'text')
    .addColumn('order_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('signatory_position', 'text')
    .addColumn('signatory_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('printed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Drafts have no number (NULL is never equal to NULL, so any number of drafts fit).
    .addUniqueConstraint('movement_order_year_number', ['academic_year_id', 'number_text'])
    .execute();
  await db.schema.createIndex('movement_order_date').on('movement_order').columns(['order_date', 'number']).execute();

  await db.schema
    .createTable('movement_order_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('movement_order.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupil.id'))
    // 1 when the card was created by this item (the portal creates pupils through the movement book).
    .addColumn('created_pupil', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('from_class_id', 'text', (c) => c.references('school_class.id'))
    .addColumn('to_class_id', 'text', (c) => c.references('school_class.id'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('enroll_kind', 'text')
    .addColumn('origin_school', 'text')
    .addColumn('origin_document', 'text')
    .addColumn('destination_kind', 'text')
    .addColumn('destination_school', 'text')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    // JSON array of subgroup ids of the target class chosen for the pupil.
    .addColumn('subgroup_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // ФИО as printed in the order: filled by petrovich, editable, stored as printed.
    .addColumn('name_genitive', 'text', (c) => c.notNull())
    .addColumn('name_dative', 'text', (c) => c.notNull())
    .addColumn('name_accusative', 'text', (c) => c.notNull())
    .addColumn('names_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('movement_order_item_order').on('movement_order_item').columns(['order_id', 'ordinal']).execute();
  await db.schema.createIndex('movement_order_item_pupil').on('movement_order_item').column('pupil_id').execute();

  // What signing changed, in order; cancelling undoes it backwards after checking nothing later
  // depends on it. `data` is JSON with the values before and after.
  await db.schema
    .createTable('movement_effect')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('movement_order.id'))
    .addColumn('item_id', 'text', (c) => c.references('movement_order_item.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('reverted_at', 'text')
    .execute();
  await db.schema.createIndex('movement_effect_order').on('movement_effect').columns(['order_id', 'seq']).execute();

  // Алфавитная книга: one line per number ever handed out; a number is never reused, an entry of a
  // cancelled enrolment is annulled, not deleted.
  await db.schema
    .createTable('alphabet_book_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('personal_file_number', 'text', (c) => c.notNull().unique())
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupil.id'))
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('order_item_id', 'text', (c) => c.references('movement_order_item.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('annulled_at', 'text')
    .addColumn('annul_reason', 'text')
    .execute();
  await db.schema.createIndex('alphabet_book_entry_pupil').on('alphabet_book_entry').column('pupil_id').execute();

  // No REFERENCES on added columns: SQLite cannot drop a column that a foreign key names, and the
  // migration must roll back. The movement code keeps them consistent inside its transactions.
  await db.schema.alterTable('class_membership').addColumn('order_item_id', 'text').execute();
  await db.schema.alterTable('class_membership').addColumn('end_order_item_id', 'text').execute();
  await db.schema.createIndex('class_membership_order_item').on('class_membership').column('order_item_id').execute();
  await db.schema.createIndex('class_membership_end_order_item').on('class_membership').column('end_order_item_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('class_membership_end_order_item').execute();
  await db.schema.dropIndex('class_membership_order_item').execute();
  await db.schema.alterTable('class_membership').dropColumn('end_order_item_id').execute();
  await db.schema.alterTable('class_membership').dropColumn('order_item_id').execute();
  for (const t of ['alphabet_book_entry', 'movement_effect', 'movement_order_item', 'movement_order', 'movement_counter', 'movement_order_series']) {
    await db.schema.dropTable(t).execute();
  }
}
