export { accountLetters } from './accountLetters';
export { staffLetters } from './staffLetters';
export { exportAccounts } from './accountsExport';
export { carryToPortal, handOver, listAccounts, markSent, openTask, overdueAccounts, parsePrintoutText, readPortalUrl, recordCreated, savePortalUrl } from './accountsService';
export { accountOf, enrolmentCause, openAccountTasks, openAccountTasksForEnrolment, openHireTask, openParentTaskOnLink, PARENT_TASK_ON_LINK_CAUSE, recordPortalLogins } from './accountTasks';
export { addPortalKey, openVault, portalKeyOf } from './passwordVault';
export { accountDueDates, redateOpenAccounts } from './accountDeadlines';
export { accountTaskRecords, type AccountTaskRecord } from './repo/deadlineRecords';
