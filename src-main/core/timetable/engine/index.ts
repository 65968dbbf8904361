/** Public surface of the timetable engine (pure Node; no electron, no other src-main folders). */
export type * from './model';
export { parseInstance, parseTimetable, instanceSchema, timetableSchema } from './schema';
export { compile, type Compiled } from './compile';
export { evaluate, type Evaluation, type Violation } from './evaluator';
export type { Figures } from './figures';
export { solve, type SolveOptions, type SolveProgress, type SolveResult, type SolveTimings } from './solver';
export { runSolver, startSolverService, solverWorkerUrl, type SolverHandle, type RunOptions, type SolverService, type ServiceOptions } from './worker';
export { repair, type RepairRequest, type RepairResult } from './repair';
export { precheck, explainResult, KIND_RU as VIOLATION_LABELS, type Explanation } from './explain';
export { generateSchool, type GeneratorOptions, type SchoolSize } from './generator/generator';
export { exportFet, type FetExport, type FetExportOptions } from './fet/export';
export { importFet, type FetImport, type FetImportReport, type UnsupportedConstraint } from './fet/import';
export { applySanpinInference, type SanpinImportOptions, type SanpinInference, type InferredClass, type InferredSubject, type SanpinNames } from './fet/sanpinImport';
export { importFetActivities, exportedUnitOf, fetTeacherGapsTotal } from './fet/result';
export { runFet, fetAvailable, readFetOutput, readFetRunDir, type FetRun } from './fet/runFet';
export { inspect, type Inspection, type ReportViolation, type ReportEntity } from './report';
