import type { Kysely } from 'kysely';

/**
 * Rooms and their types, subject areas (ФГОС), subjects with the school's SanPiN difficulty points
 * per grade, and which room types a subject needs. The six built-in room types are seeded with
 * fixed ids so that every installation (and the starter subjects) can name them.
 */
const BUILTIN_ROOM_TYPES: [code: string, name: string][] = [
  ['regular', 'Обычный кабинет'],
  ['gym', 'Спортивный зал'],
  ['lab', 'Лаборатория'],
  ['computer', 'Компьютерный класс'],
  ['workshop', 'Мастерская'],
  ['hall', 'Актовый зал'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('room_type')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('room_type')
    .values(BUILTIN_ROOM_TYPES.map(([code, name], i) => ({ id: `room-type-${code}`, code, name, sort_order: i, version: 1, updated_at: at })))
    .execute();

  await db.schema
    .createTable('room')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('floor', 'integer')
    .addColumn('capacity', 'integer')
    .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_type.id'))
    .addColumn('note', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('room_type_idx').on('room').column('room_type_id').execute();

  await db.schema
    .createTable('subject_area')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subject')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('subject_area_id', 'text', (c) => c.references('subject_area.id'))
    .addColumn('is_split', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sanpin_key', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subject_sanpin_points')
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id').onDelete('cascade'))
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('subject_sanpin_points_pk', ['subject_id', 'grade'])
    .execute();

  await db.schema
    .createTable('subject_room_type')
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subject.id').onDelete('cascade'))
    .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_type.id'))
    .addPrimaryKeyConstraint('subject_room_type_pk', ['subject_id', 'room_type_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['subject_room_type', 'subject_sanpin_points', 'subject', 'subject_area', 'room', 'room_type']) {
    await db.schema.dropTable(t).execute();
  }
}
