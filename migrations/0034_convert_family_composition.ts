import type { Kysely } from 'kysely';

/**
 * «Состав семьи» of the pupil card becomes a multi-value field like «Социальное положение» (issue 5:
 * a family may be both неполная and многодетная): the column keeps its name and now holds a JSON
 * array of text, `'[]'` when empty. Existing single values become one-element lists; one UPDATE per
 * distinct value, so a district-sized table converts in a few statements.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // An alias without underscores reads the same with or without the caller's CamelCasePlugin.
  const values = (await db.selectFrom('pupil').select('family_composition as v').distinct().execute()) as { v: string | null }[];
  for (const { v } of values) {
    if (v === null) continue;
    const trimmed = v.trim();
    await db
      .updateTable('pupil')
      .set({ family_composition: JSON.stringify(trimmed ? [trimmed] : []) })
      .where('family_composition', '=', v)
      .execute();
  }
  await db.updateTable('pupil').set({ family_composition: '[]' }).where('family_composition', 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const values = (await db.selectFrom('pupil').select('family_composition as v').distinct().execute()) as { v: string | null }[];
  for (const { v } of values) {
    if (v === null) continue;
    let first: string | null;
    try {
      const list = JSON.parse(v) as unknown;
      first = Array.isArray(list) && list.length > 0 ? String(list[0]) : null;
    } catch {
      first = v;
    }
    await db.updateTable('pupil').set({ family_composition: first }).where('family_composition', '=', v).execute();
  }
}
