export { movementReport } from './repo/movementReport';
export { movementReportExcel } from './movementReportExcel';
export { occupancyReport } from './repo/occupancy';
export { occupancyExcel } from './occupancyExcel';
