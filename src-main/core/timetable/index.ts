/** Public surface of the timetable domain (floor 7); the pure solver is `./engine`. */
export { approveVersion } from './approveService';
export { listAvailability, saveAvailability } from './availabilityService';
export { cancelGeneration, generationDone, generationStatus, startGeneration } from './generationJob';
export { lockPlacements, updatePlacements } from './placementService';
export { precheckFor } from './precheckService';
export { listVersions, versionOnDate, visibleVersion } from './versionQueries';
export { copyVersion, createDraft, deleteDraft, updateDraft } from './versionService';
export { getVersionFigures, getVersionView } from './versionView';
export { loadSchoolData } from './repo/schoolData';
export { buildSnapshot } from './buildSnapshot';
export { toInstance } from './instance';
export { exportTimetable } from './exports/exportService';
