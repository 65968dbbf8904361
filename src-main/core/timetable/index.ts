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
export { approvedCoverage } from './repo/versions';
export { buildSnapshot } from './buildSnapshot';
export { toInstance } from './instance';
export { exportTimetable } from './exports/exportService';
export { assignSubstitution, createAbsence, createClosure, deleteAbsence, deleteClosure, exportSubs, monthLedger, removeSubstitution, subsDay, weekMarks } from './substitutions/index';
export { editTargets } from './editTargets';
export { repairAround } from './repairService';
export { cancelRepair, trackRepair } from './repairJobs';
export { changesSheet, compareVersions } from './compareService';
export { contentFingerprint, findSameImport, importBase, saveImportedDraft, versionById, versionForExport, versionInstance, type ImportBase, type ImportedDraft, type ImportSource, type SavedImport } from './importService';
export type { LoadedVersion } from './versionStore';
export { summaryOf } from './versionMeta';
export type { GridSnapshot, LabelSnapshot } from './snapshot';
export { exportFet, exportedUnitOf, importFet, importFetActivities, type FetImportReport } from './engine';
// The solver's worker file and service, for the packaged build's self-check (core/selfCheck.ts).
export { solverWorkerUrl, startSolverService } from './engine';
