import { CLASS_SCOPE_SOURCES, type ClassScopeSource } from '../access/index';

/**
 * «Classes I teach»: a teacher without the «все классы» right sees the classes they have load in,
 * besides the ones they lead (access/scope.ts asks each module to register its source on import).
 */
export const teachingSource: ClassScopeSource = async (db, staffId) =>
  [...new Set((await db.selectFrom('teachingAssignment').select('classId').where('staffId', '=', staffId).execute()).map((r) => r.classId))];

if (!CLASS_SCOPE_SOURCES.includes(teachingSource)) CLASS_SCOPE_SOURCES.push(teachingSource);
