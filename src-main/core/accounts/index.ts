export { accountLetters } from './accountLetters';
export { exportAccounts } from './accountsExport';
export { handOver, listAccounts, markSent, openTask, overdueAccounts, parsePrintoutText, readPortalUrl, recordCreated, savePortalUrl } from './accountsService';
export { accountOf, openAccountTasksForEnrolment, openHireTask, openParentTaskOnLink } from './accountTasks';
export { openVault } from './passwordVault';
