export { readAccessSettings } from './accessSettings';
export { SYSTEM_USER_ID, accessHooks, hasRight, requireUser, systemCaller } from './authorize';
export { createHttpSessions, type HttpSessionBinding } from './httpSessions';
export { createIpcSessions } from './ipcSessions';
export { decideLanMode } from './lanMode';
export { rightsMatrix } from './rightsRepo';
export {
  CLASS_SCOPE_SOURCES,
  assertCanEditClass,
  assertCanEditParent,
  assertCanEditPupil,
  assertCanSeeClass,
  assertCanSeeParent,
  assertCanSeePupil,
  editableClassIds,
  visibleClassIds,
  type ClassScopeSource,
} from './scope';
export { sessionUserOf } from './sessions';
export { signIn, signOut } from './signIn';
export { countUsers, findUserById, findUserByLoginKey, listUserRows } from './usersRepo';
export { changeOwnPassword, changeRoleRight, changeUserRight, createFirstAdmin, createUser, resetPassword, saveAccessSettings, unlockUser, updateUser } from './usersService';
