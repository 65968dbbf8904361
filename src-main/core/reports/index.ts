export { movementReport } from './movementReport';
export { movementReportExcel } from './movementReportExcel';
export { occupancyReport } from './occupancy';
export { occupancyExcel } from './occupancyExcel';
