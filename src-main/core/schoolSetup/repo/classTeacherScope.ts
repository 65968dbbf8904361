import type { ClassScopeSource } from '../../access/index';

/** «My class»: a class teacher sees the classes they lead (plugged into access's class scope at wiring.ts). */
export const classTeacherSource: ClassScopeSource = async (db, staffId) =>
  (await db.selectFrom('schoolClass').select('id').where('classTeacherId', '=', staffId).execute()).map((r) => r.id);
