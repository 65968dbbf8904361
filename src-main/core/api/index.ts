import type { Contract } from '../../../src-shared/contract/index';
import { schoolHandlers } from './schoolHandlers';
import { systemHandlers } from './systemHandlers';
import { settingsHandlers } from './settingsHandlers';
import { accessHandlers } from './accessHandlers';
import { auditHandlers } from './auditHandlers';
import { peopleHandlers } from './peopleHandlers';
import { staffHandlers } from './staffHandlers';
import { accountsHandlers } from './accountsHandlers';
import { yearsHandlers } from './yearsHandlers';
import { calendarHandlers } from './calendarHandlers';
import { productionCalendarHandlers } from './productionCalendarHandlers';
import { bellsHandlers } from './bellsHandlers';
import { subjectsHandlers } from './subjectsHandlers';
import { roomsHandlers } from './roomsHandlers';
import { classesHandlers } from './classesHandlers';
import { movementHandlers } from './movementHandlers';
import { movementReportsHandlers } from './movementReportsHandlers';
import { curriculumHandlers } from './curriculumHandlers';
import { exchangeHandlers } from './exchangeHandlers';
import { exchangePushHandlers } from './exchangePushHandlers';
import { timetableHandlers } from './timetableHandlers';
import { timetableSubsHandlers } from './timetableSubsHandlers';
import { timetableEditHandlers } from './timetableEditHandlers';
import { deadlinesHandlers } from './deadlinesHandlers';
import { timetableExchangeHandlers } from './timetableExchangeHandlers';
import { reportsHandlers } from './reportsHandlers';
import type { Handlers } from './types';
import { wireDomains } from '../wiring';

wireDomains();

/** The handler map; `satisfies` makes a missing or mistyped handler a compile error. */
export const handlers = {
  ...systemHandlers,
  ...settingsHandlers,
  ...schoolHandlers,
  ...accessHandlers,
  ...auditHandlers,
  ...peopleHandlers,
  ...staffHandlers,
  ...accountsHandlers,
  ...yearsHandlers,
  ...calendarHandlers,
  ...productionCalendarHandlers,
  ...bellsHandlers,
  ...subjectsHandlers,
  ...roomsHandlers,
  ...classesHandlers,
  ...movementHandlers,
  ...movementReportsHandlers,
  ...curriculumHandlers,
  ...exchangeHandlers,
  ...exchangePushHandlers,
  ...timetableHandlers,
  ...timetableSubsHandlers,
  ...timetableEditHandlers,
  ...deadlinesHandlers,
  ...timetableExchangeHandlers,
  ...reportsHandlers,
} satisfies Handlers<Contract>;
