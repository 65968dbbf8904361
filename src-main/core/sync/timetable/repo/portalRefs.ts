import type { Executor } from '../../../foundation/executor';

/**
 * SQL of the timetable's exchange with the portal: the portal's ids kept by the pull
 * (`portal_ref`: a csg is the load slot `classId|subjectId|groupNo`, a room its id) and the last
 * ExportCM.nsxml an applied pull read (its LessonTimes, Plan and TimeTable are the push's template).
 */

const CM = 'cm:';

/** Portal id → our record ids of one entity (a csg shared by several classes has several slots). */
export async function portalIds(db: Executor, entity: 'csg' | 'room' | 'class' | 'subject' | 'staff'): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('portalRef').select(['recordId', 'portalId']).where('entity', '=', entity).execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.portalId.startsWith(CM)) continue;
    const id = r.portalId.slice(CM.length);
    out.set(id, [...(out.get(id) ?? []), r.recordId]);
  }
  return out;
}

/** Our record id → the portal's id, for one entity. */
export async function refsByRecord(db: Executor, entity: 'csg' | 'room'): Promise<Map<string, string>> {
  const rows = await db.selectFrom('portalRef').select(['recordId', 'portalId']).where('entity', '=', entity).execute();
  return new Map(rows.filter((r) => r.portalId.startsWith(CM)).map((r) => [r.recordId, r.portalId.slice(CM.length)]));
}

export interface PulledFile {
  exchangeId: string;
  fileName: string;
  bytes: Buffer;
  pulledAt: string | null;
}

/** The ExportCM.nsxml of the last applied pull, or null when none was applied. */
export async function lastPulledExportCm(db: Executor): Promise<PulledFile | null> {
  const f = await db
    .selectFrom('portalExchangeFile as f')
    .innerJoin('portalExchange as e', 'e.id', 'f.exchangeId')
    .select(['e.id as exchangeId', 'f.fileName', 'f.contentBase64', 'e.finishedAt'])
    .where('e.direction', '=', 'pull')
    .where('e.status', '=', 'applied')
    .where('f.formatId', '=', 'exportCm')
    .orderBy('e.finishedAt', 'desc')
    .orderBy('e.createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return f ? { exchangeId: f.exchangeId, fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64'), pulledAt: f.finishedAt } : null;
}
