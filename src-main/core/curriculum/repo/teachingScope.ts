import type { ClassScopeSource } from '../../access/index';

/**
 * «Classes I teach»: a teacher without the «все классы» right sees the classes they have load in,
 * besides the ones they lead (plugged into access's class scope at src-main/core/wiring.ts).
 */
export const teachingSource: ClassScopeSource = async (db, staffId) =>
  [...new Set((await db.selectFrom('teachingAssignment').select('classId').where('staffId', '=', staffId).execute()).map((r) => r.classId))];
