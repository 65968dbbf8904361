import type { ContractShape } from './define';
import { schoolContract } from './school';
import { systemContract } from './system';
import { accessContract } from './access';
import { auditContract } from './audit';
import { peopleContract } from './people';
import { staffContract } from './staff';
import { accountsContract } from './accounts';
import { yearsContract } from './years';
import { calendarContract } from './calendar';
import { productionCalendarContract } from './productionCalendar';
import { bellsContract } from './bells';
import { subjectsContract } from './subjects';
import { roomsContract } from './rooms';
import { classesContract } from './classes';
import { movementContract } from './movement';
import { movementReportsContract } from './movementReports';
import { movementRolloverContract } from './movementRollover';
import { curriculumContract } from './curriculum';
import { curriculumLoadContract } from './curriculumLoad';
import { exchangeContract } from './exchange';
import { exchangePushContract } from './exchangePush';
import { timetableContract } from './timetable';
import { timetableEditContract } from './timetableEdit';
import { timetableExchangeContract } from './timetableExchange';
import { curriculumJointsContract } from './curriculumJoints';
import { timetableSubsContract } from './timetableSubs';
import { deadlinesContract } from './deadlines';
import { reportsContract } from './reports';
import { reportBuilderContract } from './reportBuilder';
import { settingsContract } from './settings';

/** Every operation the UI, the CLI or a test can ask the core for. */
export const contract = {
  ...systemContract,
  ...schoolContract,
  ...accessContract,
  ...auditContract,
  ...peopleContract,
  ...staffContract,
  ...accountsContract,
  ...yearsContract,
  ...calendarContract,
  ...productionCalendarContract,
  ...bellsContract,
  ...subjectsContract,
  ...roomsContract,
  ...classesContract,
  ...movementContract,
  ...movementReportsContract,
  ...movementRolloverContract,
  ...curriculumContract,
  ...curriculumLoadContract,
  ...exchangeContract,
  ...exchangePushContract,
  ...timetableContract,
  ...timetableEditContract,
  ...timetableExchangeContract,
  ...curriculumJointsContract,
  ...timetableSubsContract,
  ...deadlinesContract,
  ...settingsContract,
  ...reportsContract,
  ...reportBuilderContract,
} satisfies ContractShape;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

export * from './define';
export * from './rights';
