import type { calendarContract } from '../../../src-shared/contract/calendar';
import { calendarWorkbook } from '../schoolSetup/index';
import { calendarView } from '../schoolSetup/index';
import { deleteEntry, listEntries, saveEntry } from '../schoolSetup/index';
import { deleteEvent, listEvents, saveEvent } from '../schoolSetup/index';
import { deleteTransfer, listTransfers, saveTransfer } from '../schoolSetup/index';
import { findYear } from '../schoolSetup/index';
import type { Handlers } from './types';
import { notFound } from '../foundation/refusals';

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
