import type { Kysely } from 'kysely';

/**
 * Users of the app, their roles, the administrator's changes to role and personal rights, and
 * sign-in sessions. Role defaults live in code, so only differences from them are stored here: a
 * right added by a later version reaches every role through its default without a data migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull())
    // Lower case, ё → е: logins compare like names do, and the unique index enforces it.
    .addColumn('login_key', 'text', (c) => c.notNull().unique())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    // scrypt$N$r$p$salt$hash — never a plain or reversible password.
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lock_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_sign_in_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('app_user_staff').on('app_user').column('staff_id').execute();

  await db.schema
    .createTable('app_user_role')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_user_role_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('app_role_right')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('right_key', 'text', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_role_right_pk', ['role', 'right_key'])
    .execute();

  await db.schema
    .createTable('app_user_right')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('right_key', 'text', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_user_right_pk', ['user_id', 'right_key'])
    .execute();

  // `id` is the SHA-256 of the session token: a copied database does not hand out live sessions.
  await db.schema
    .createTable('app_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('app_session_user').on('app_session').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['app_session', 'app_user_right', 'app_role_right', 'app_user_role', 'app_user']) {
    await db.schema.dropTable(t).execute();
  }
}
