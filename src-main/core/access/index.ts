export { readAccessSettings } from './repo/accessSettings';
export { SYSTEM_USER_ID, accessHooks, hasRight, requireUser, systemCaller } from './authorize';
export { createHttpSessions, type HttpSessionBinding } from './httpSessions';
export { createIpcSessions } from './ipcSessions';
export { decideLanMode } from './lanMode';
export { rightsMatrix } from './repo/rights';
export {
  classLeadSources,
  classScopeSources,
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
export { sessionUserOf } from './repo/sessions';
export { signIn, signOut } from './signIn';
export { countUsers, findUserById, findUserByLoginKey, listUserRows } from './repo/users';
export { changeOwnPassword, changeRoleRight, changeUserRight, createFirstAdmin, createUser, resetPassword, saveAccessSettings, unlockUser, updateUser } from './usersService';
export { exportUsers } from './usersExport';
