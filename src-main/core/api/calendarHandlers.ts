import type { calendarContract } from '../../../src-shared/contract/calendar';
import { calendarWorkbook } from '../schoolSetup/calendar/calendarExcel';
import { calendarView } from '../schoolSetup/calendar/calendarView';
import { deleteEntry, listEntries, saveEntry } from '../schoolSetup/calendar/entryService';
import { deleteEvent, listEvents, saveEvent } from '../schoolSetup/calendar/eventService';
import { deleteTransfer, listTransfers, saveTransfer } from '../schoolSetup/calendar/transferService';
import { findYear, notFound } from '../schoolSetup/common';
import type { Handlers } from './types';

async function existingYear(db: Parameters<typeof findYear>[0], yearId: string): Promise<string> {
  if (!(await findYear(db, yearId))) throw notFound('Учебный год');
  return yearId;
}

export const calendarHandlers: Handlers<typeof calendarContract> = {
  'calendar.entries.list': async ({ yearId }, ctx) => ({ entries: await listEntries(ctx.core.db, await existingYear(ctx.core.db, yearId)) }),
  'calendar.entries.save': async ({ yearId, id, entry, version }, ctx) => saveEntry(ctx, yearId, id, entry, version),
  'calendar.entries.delete': async ({ id, version }, ctx) => deleteEntry(ctx, id, version),
  'calendar.transfers.list': async ({ yearId }, ctx) => ({ transfers: await listTransfers(ctx.core.db, await existingYear(ctx.core.db, yearId)) }),
  'calendar.transfers.save': async ({ yearId, id, transfer, version }, ctx) => saveTransfer(ctx, yearId, id, transfer, version),
  'calendar.transfers.delete': async ({ id, version }, ctx) => deleteTransfer(ctx, id, version),
  'calendar.events.list': async ({ yearId }, ctx) => ({ events: await listEvents(ctx.core.db, await existingYear(ctx.core.db, yearId)) }),
  'calendar.events.save': async ({ yearId, id, event, version }, ctx) => saveEvent(ctx, yearId, id, event, version),
  'calendar.events.delete': async ({ id, version }, ctx) => deleteEvent(ctx, id, version),
  'calendar.view': async ({ yearId, grade, classId }, ctx) => calendarView(ctx, yearId, grade, classId),
  'calendar.export': async ({ yearId }, ctx) => calendarWorkbook(ctx, yearId),
};
