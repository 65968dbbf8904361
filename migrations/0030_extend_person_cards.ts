import { sql, type Kysely } from 'kysely';

/**
 * The full personal cards of pupils, parents and staff (issue 5): the fields of the work order and
 * of the portal's imports (`formats/netschool.md` §1.3, §1.5–1.7). Booleans are 0/1, multi-value
 * fields are JSON arrays of text (`'[]'` when empty). `search_indexed` is 0 for a row whose search
 * tokens were not built yet (a row written by another module straight into the table); the people
 * module indexes such rows before it searches.
 */
const COMMON_TEXT = ['citizenship', 'phone_home', 'phone_mobile', 'email', 'note'];

const PUPIL_TEXT = [
  'place_of_birth', 'inn', 'extra_contact', 'alphabet_book_number', 'personal_file_number', 'study_form', 'study_programme',
  'foreign_language1', 'foreign_language2', 'health_group', 'pe_group', 'ovz_category', 'adapted_programme', 'health_limitation',
  'disability_group', 'disability_category', 'disability_until', 'pmpk_number', 'pmpk_date', 'psych_characteristic',
  'family_composition', 'preventive_measures', 'gifted_direction', 'funding_type', 'budget_level', 'additional_education_certificate',
  'additional_education_certificate_date', 'ege_document_type',
];
const PUPIL_FLAGS = [
  'long_treatment', 'has_ovz', 'boarding', 'home_schooling', 'needs_transport', 'transport_provided', 'free_meals', 'hot_meals',
  'dropped_out', 'has_pc_at_home', 'gifted', 'small_northern_people', 'pd_refusal',
];
const PUPIL_MULTI = ['diseases', 'social_status', 'deviant_behaviour', 'ege_subjects', 'ege_reduced_subjects'];

const PARENT_TEXT = ['workplace', 'job_title', 'education', 'phone_work', 'fax', 'work_address'];

const STAFF_TEXT = [
  'inn', 'personnel_number', 'hire_date', 'hire_order_number', 'total_experience_start', 'ped_experience_start', 'pay_grade',
  'employee_category', 'qualification_category', 'category_date', 'next_attestation_date', 'academic_degree', 'awards', 'department',
  'family_status', 'maternity_leave_from', 'maternity_leave_to', 'retirement_date', 'dismissal_date', 'dismissal_order_number',
];
const STAFF_FLAGS = ['has_pc_at_home'];

const TABLES: Record<string, { text: string[]; flags: string[]; multi: string[] }> = {
  pupil: { text: [...COMMON_TEXT, ...PUPIL_TEXT], flags: PUPIL_FLAGS, multi: PUPIL_MULTI },
  parent: { text: [...COMMON_TEXT, ...PARENT_TEXT], flags: [], multi: [] },
  staff: { text: [...COMMON_TEXT, ...STAFF_TEXT], flags: STAFF_FLAGS, multi: [] },
};

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, cols] of Object.entries(TABLES)) {
    for (const c of cols.text) await db.schema.alterTable(table).addColumn(c, 'text').execute();
    for (const c of cols.flags) await db.schema.alterTable(table).addColumn(c, 'integer', (col) => col.notNull().defaultTo(0)).execute();
    for (const c of cols.multi) await db.schema.alterTable(table).addColumn(c, 'text', (col) => col.notNull().defaultTo('[]')).execute();
    await db.schema.alterTable(table).addColumn('search_indexed', 'integer', (col) => col.notNull().defaultTo(0)).execute();
    // Name order with a stable tie-break: the list pages through it without sorting.
    await db.schema.createIndex(`${table}_search_key_id`).on(table).columns(['search_key', 'id']).execute();
    // Covering (id → name): candidates found in the token index are ordered by name without reading
    // their rows (bench/search.ts: about five times faster on 100 000 pupils).
    await db.schema.createIndex(`${table}_id_search_key`).on(table).columns(['id', 'search_key']).execute();
    // Finds the few rows whose search tokens are missing without scanning the table.
    await db.schema.createIndex(`${table}_unindexed`).on(table).column('id').where(sql<boolean>`search_indexed = 0`).execute();
  }
  await db.schema.createIndex('staff_personnel_number').on('staff').column('personnel_number').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('staff_personnel_number').execute();
  for (const [table, cols] of Object.entries(TABLES)) {
    await db.schema.dropIndex(`${table}_unindexed`).execute();
    await db.schema.dropIndex(`${table}_id_search_key`).execute();
    await db.schema.dropIndex(`${table}_search_key_id`).execute();
    for (const c of ['search_indexed', ...cols.multi, ...cols.flags, ...cols.text].reverse()) {
      await db.schema.alterTable(table).dropColumn(c).execute();
    }
  }
}
