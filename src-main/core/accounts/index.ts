export { accountLetters } from './accountLetters';
export { exportAccounts } from './accountsExport';
export { handOver, listAccounts, markSent, openTask, overdueAccounts, parsePrintoutText, readPortalUrl, recordCreated, savePortalUrl } from './accountsService';
export { accountOf, openAccountTask, openParentTaskOnLink, productionCalendar } from './accountTasks';
export { syncEnrolmentTasks } from './enrolmentTasks';
export { openVault } from './passwordVault';
